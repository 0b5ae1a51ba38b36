import { describe, expect, it } from 'vitest';
import {
  computeCreditCheckChar,
  computeOrgCheckChar,
  makeCreditCode,
  normalizeCreditCode,
  parseCreditCode,
} from './credit-code.ts';

/*
 * Published codes. 91350100M000100Y43 is the standard's common worked example; by hand: Σ(value × weight) =
 * 1640, 1640 mod 31 = 28, 31 − 28 = 3 ✓; its organisation code M000100Y4: Σ = 66 + 5 + 68 = 139, 139 mod 11 = 7,
 * 11 − 7 = 4 ✓. The others are the codes of 深圳市腾讯计算机系统有限公司, 华为技术有限公司 and 小米科技有限责任公司
 * as published in 国家企业信用信息公示系统.
 */
const REAL = ['91350100M000100Y43', '91440300708461136T', '914403001922038216', '91110108551385082Q'];

describe('统一社会信用代码', () => {
  it('accepts published codes and splits them into their parts', () => {
    for (const c of REAL) expect(parseCreditCode(c).ok, c).toBe(true);
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      registrationAuthority: '9',
      orgCategory: '1',
      regionCode: '350100',
      orgCode: 'M000100Y4',
    });
    expect(computeCreditCheckChar('91350100M000100Y4')).toBe('3');
    expect(computeOrgCheckChar('M000100Y')).toBe('4');
  });

  it('normalises spaces, lower case and full-width characters', () => {
    expect(normalizeCreditCode(' 91350100ｍ000100ｙ43\u3000')).toBe('91350100M000100Y43');
    expect(normalizeCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(parseCreditCode('9144 0300 7084 6113 6t')).toMatchObject({ ok: true, code: '91440300708461136T' });
  });

  it('rejects the wrong length and says how long it should be', () => {
    expect(parseCreditCode('91350100M000100Y4')).toMatchObject({
      ok: false,
      code: 'length',
      messageZh: '统一社会信用代码应为18位，当前为17位',
    });
    expect(parseCreditCode('')).toMatchObject({ ok: false, code: 'length' });
  });

  it('rejects letters outside the charset, and letters in the region code', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      const r = parseCreditCode(`91350100${bad}000100Y43`);
      expect(r).toMatchObject({ ok: false, code: 'charset' });
      if (!r.ok) expect(r.messageZh).toContain(`第9位“${bad}”无效`);
    }
    const region = parseCreditCode('9135A100M000100Y43');
    expect(region).toMatchObject({ ok: false, code: 'charset' });
    if (!region.ok) expect(region.messageEn).toContain('region code');
  });

  it('rejects any single-character change of a real code (check character)', () => {
    const real = REAL[0]!;
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      if (i >= 2 && i <= 7) continue;
      const other = alphabet[(alphabet.indexOf(real[i]!) + 1) % alphabet.length]!;
      const mutated = real.slice(0, i) + other + real.slice(i + 1);
      expect(parseCreditCode(mutated).ok, mutated).toBe(false);
    }
    const r = parseCreditCode('91350100M000100Y44');
    expect(r).toMatchObject({ ok: false, code: 'check_char' });
    if (!r.ok) expect(r.messageZh).toBe('校验位（第18位）应为“3”，实际为“4”，请核对是否抄错');
  });

  it('checks the organisation code (positions 9–17) on its own', () => {
    // wrong GB 11714 check (5 instead of 4) with a recomputed, therefore correct, GB 32100 check character
    const first17 = '91350100M000100Y5';
    const code = first17 + computeCreditCheckChar(first17);
    const r = parseCreditCode(code);
    expect(r).toMatchObject({ ok: false, code: 'org_code_check' });
    if (!r.ok) expect(r.messageZh).toContain('应为“4”');
  });

  it('GB 11714 maps remainders 1 and 0 to X and 0', () => {
    // Σ = 3·1 = 3 → 11 − 3 = 8; body with Σ ≡ 1 (mod 11) → X; Σ ≡ 0 → 0
    expect(computeOrgCheckChar('10000000')).toBe('8');
    expect(computeOrgCheckChar('00000001')).toBe('9');
    expect(computeOrgCheckChar('40000000')).toBe('X'); // 12 mod 11 = 1
    expect(computeOrgCheckChar('00000000')).toBe('0');
  });

  it('makes valid codes for tests and demos', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 500; seq++) {
      const c = makeCreditCode('520526', seq);
      expect(parseCreditCode(c)).toMatchObject({ ok: true, regionCode: '520526', orgCategory: '1' });
      seen.add(c);
    }
    expect(seen.size).toBe(500);
    expect(parseCreditCode(makeCreditCode('110108', 7, '52')).ok).toBe(true);
  });
});
