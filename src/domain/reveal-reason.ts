import { zMultiline } from './api/primitives.ts';

/*
 * The reason asked for before a full ID number or phone is shown. It is read by auditors and summed up in the
 * graduate's access log, so it has to say something: at least REVEAL_REASON_MIN characters of real text
 * (letters, CJK or digits; spaces, punctuation and symbols do not count), at least three different ones,
 * at least two of them letters, not one piece typed over and over, and not a known filler. "核对就业协议" passes; "啊啊啊啊啊", "12345",
 * "。。。。。", "测试测试" and "asdfg" do not. The web dialog shows the rule and checks it before sending;
 * the API schema and the reveal services check it again.
 */

export const REVEAL_REASON_MIN = 5;
export const REVEAL_REASON_MAX = 200;

/** What people type to get past a reason box; compared after stripping, lower-cased. */
const FILLERS = new Set([
  'test',
  'tests',
  'testing',
  'asdf',
  'asdfg',
  'asdfgh',
  'qwert',
  'qwerty',
  'abcde',
  'abcdef',
  'aaaaa',
  '测试一下',
  '随便看看',
  '看看而已',
  '没有原因',
  '无原因',
  '不知道',
  '查看一下',
  '看一下',
]);

export type TRevealReasonProblem = 'too_short' | 'filler';

/** The characters that count: without spaces, punctuation and symbols, width-normalised. */
export function realText(reason: string): string {
  return reason.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Why a reason is not accepted, or null when it is. */
export function revealReasonProblem(reason: string): TRevealReasonProblem | null {
  const real = realText(reason);
  if ([...real].length < REVEAL_REASON_MIN) return 'too_short';
  const letters = [...real].filter((c) => /\p{L}/u.test(c)).length;
  const repeated = /^(.+?)\1+$/u.test(real); // 看一下看一下, ababab
  if (new Set(real).size < 3 || letters < 2 || repeated || FILLERS.has(real.toLowerCase())) return 'filler';
  return null;
}

/** The reason field of both reveal bodies; the message is an error code the web app translates. */
export const ZRevealReason = zMultiline()
  .max(REVEAL_REASON_MAX)
  .refine((v) => revealReasonProblem(v) === null, { message: 'reveal_reason_too_vague' });
