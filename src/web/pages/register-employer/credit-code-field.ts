import type { TFunction } from 'i18next';
import { normalizeCreditCode, parseCreditCode } from '../../../domain/opportunities/credit-code.ts';

/** How the credit code box looks while the user types: quiet until something is actually wrong. */
export type TCreditFeedback =
  | { state: 'empty' }
  | { state: 'typing'; length: number }
  | { state: 'ok'; regionCode: string }
  | { state: 'error'; messageZh: string; messageEn: string };

/**
 * Feedback for the credit code as typed. A code still too short is "typing" (a counter, not an error) until the
 * box loses focus or the form is sent; every other problem — a letter the standard does not use, a wrong check
 * character — shows at once with the domain's specific message.
 */
export function creditFeedback(raw: string | undefined, settled: boolean): TCreditFeedback {
  const code = normalizeCreditCode(raw ?? '');
  if (code === '') return { state: 'empty' };
  const result = parseCreditCode(code);
  if (result.ok) return { state: 'ok', regionCode: result.regionCode };
  if (result.code === 'length' && code.length < 18 && !settled) {
    // a character the standard does not use is worth saying before the 18th is typed
    const early = parseCreditCode(code.padEnd(18, '0'));
    if (!early.ok && early.code === 'charset')
      return { state: 'error', messageZh: early.messageZh, messageEn: early.messageEn };
    return { state: 'typing', length: code.length };
  }
  return { state: 'error', messageZh: result.messageZh, messageEn: result.messageEn };
}

/**
 * How the box shows that feedback: its status and the line under it (the domain's message in the reader's
 * language, a counter while typing, "required" once left empty). The box shows this itself; its form rule
 * only blocks a submit.
 */
export function creditDisplay(
  t: TFunction,
  zh: boolean,
  credit: TCreditFeedback,
  settled: boolean,
): { status: '' | 'success' | 'error'; help: string | undefined } {
  switch (credit.state) {
    case 'ok':
      return { status: 'success', help: t('employers.register.creditCodeOk', { region: credit.regionCode }) };
    case 'error':
      return { status: 'error', help: zh ? credit.messageZh : credit.messageEn };
    case 'typing':
      return { status: '', help: `${credit.length} / 18` };
    case 'empty':
      return settled
        ? { status: 'error', help: t('employers.register.creditCodeRequired') }
        : { status: '', help: undefined };
  }
}
