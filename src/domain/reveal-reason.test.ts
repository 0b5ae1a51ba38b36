import { describe, expect, it } from 'vitest';
import { REVEAL_REASON_MIN, revealReasonProblem, ZRevealReason } from './reveal-reason.ts';

describe('reveal reason rule', () => {
  it('accepts a reason that says why', () => {
    for (const reason of [
      '核对就业协议',
      '核对三方协议信息',
      '办理档案转递',
      'verify the contract',
      '联系家长 核实去向',
    ]) {
      expect(revealReasonProblem(reason), reason).toBeNull();
      expect(ZRevealReason.safeParse(reason).success, reason).toBe(true);
    }
  });

  it(`refuses fewer than ${REVEAL_REASON_MIN} characters of real text, the two-character reasons included`, () => {
    for (const reason of ['核对', '查看', 'ok', '  核 对  ', '核对！！！！', '1234']) {
      expect(revealReasonProblem(reason), reason).toBe('too_short');
    }
  });

  it('refuses repeated, numeric, punctuation-only and filler reasons', () => {
    for (const reason of [
      '啊啊啊啊啊',
      'aaaaaaa',
      '测试测试测试',
      '12345678',
      'asdfg',
      'Testing',
      '随便看看。',
      '看一下看一下',
    ]) {
      expect(revealReasonProblem(reason), reason).not.toBeNull();
    }
    expect(revealReasonProblem('。。。。。。')).toBe('too_short');
    const parsed = ZRevealReason.safeParse('啊啊啊啊啊');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('reveal_reason_too_vague');
  });
});
