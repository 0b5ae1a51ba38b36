/**
 * 统一社会信用代码 (GB 32100-2015): normalisation and validation of the 18-character code employers register
 * with. Layout: 1 登记管理部门, 2 机构类别, 3–8 登记管理机关行政区划码, 9–17 主体标识码 (the 组织机构代码 of
 * GB 11714, with its own check character), 18 check character. Pure; used by the server and the employer form.
 */

/** The 31 characters of GB 32100: digits and capital letters without I, O, Z, S, V; index = value. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31, as printed in the standard. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 weights of the 8 body characters of the 组织机构代码. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type TCreditCodeError = 'length' | 'charset' | 'check_char' | 'org_code_check';

export type TCreditCodeResult =
  | {
      ok: true;
      code: string;
      /** position 1: 1 机构编制, 5 民政, 9 工商 (市场监管), Y 其他 … */
      registrationAuthority: string;
      /** position 2: e.g. with 9 → 1 企业, 2 个体工商户, 3 农民专业合作社 */
      orgCategory: string;
      /** positions 3–8 */
      regionCode: string;
      /** positions 9–17 */
      orgCode: string;
    }
  | { ok: false; code: TCreditCodeError; messageZh: string; messageEn: string };

/** Trim, drop inner spaces, full-width letters and digits to half-width, upper-case. */
export function normalizeCreditCode(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The check character (position 18) of the first 17 characters, which must all be in the charset. */
export function computeCreditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return CHARSET[(31 - (sum % 31)) % 31] as string;
}

/** GB 11714 check character of an 8-character 组织机构代码 body (letters count A = 10 … Z = 35). */
export function computeOrgCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i] as string, 36) * (ORG_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const fail = (code: TCreditCodeError, messageZh: string, messageEn: string): TCreditCodeResult => ({
  ok: false,
  code,
  messageZh,
  messageEn,
});

/**
 * Validate a 统一社会信用代码 after normalising it: length, charset (positions 3–8 must be digits), the
 * GB 11714 check of the 组织机构代码 part and the GB 32100 check character. Errors say what is expected.
 */
export function parseCreditCode(raw: string): TCreditCodeResult {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) {
    return fail(
      'length',
      `统一社会信用代码应为18位，当前为${code.length}位`,
      `A unified social credit code has 18 characters; this one has ${code.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const ch = code[i] as string;
    const digitOnly = i >= 2 && i <= 7;
    if (digitOnly ? !/\d/.test(ch) : !CHARSET.includes(ch)) {
      return digitOnly
        ? fail(
            'charset',
            `第${i + 1}位“${ch}”无效：第3–8位是行政区划代码，只能是数字`,
            `Character ${i + 1} "${ch}" is invalid: characters 3–8 are a region code and must be digits`,
          )
        : fail(
            'charset',
            `第${i + 1}位“${ch}”无效：只能是数字0–9或除I、O、Z、S、V以外的大写字母`,
            `Character ${i + 1} "${ch}" is invalid: only digits 0–9 and capital letters except I, O, Z, S, V are used`,
          );
    }
  }
  const check = computeCreditCheckChar(code.slice(0, 17));
  if (code[17] !== check) {
    return fail(
      'check_char',
      `校验位（第18位）应为“${check}”，实际为“${code[17]}”，请核对是否抄错`,
      `The check character (18th) should be "${check}", not "${code[17]}"; check the code for a typing mistake`,
    );
  }
  const orgCheck = computeOrgCheckChar(code.slice(8, 16));
  if (code[16] !== orgCheck) {
    return fail(
      'org_code_check',
      `第9–17位组织机构代码的校验位（第17位）应为“${orgCheck}”，实际为“${code[16]}”`,
      `The organisation code (characters 9–17) should end in "${orgCheck}", not "${code[16]}"`,
    );
  }
  return {
    ok: true,
    code,
    registrationAuthority: code[0] as string,
    orgCategory: code[1] as string,
    regionCode: code.slice(2, 8),
    orgCode: code.slice(8, 17),
  };
}

/**
 * A valid code for tests and demo data: 91 (工商, 企业) + region + an organisation code MA + 6-digit sequence
 * (the shape newly registered companies get) with both check characters.
 */
export function makeCreditCode(regionCode: string, seq: number, prefix = '91'): string {
  const body = `MA${String(seq % 1_000_000).padStart(6, '0')}`;
  const first17 = `${prefix}${regionCode}${body}${computeOrgCheckChar(body)}`;
  return first17 + computeCreditCheckChar(first17);
}
