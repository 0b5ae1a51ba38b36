/**
 * Resident ID numbers (GB 11643-1999): normalisation, checksum, legacy 15-digit conversion, masking.
 * Pure; used by imports (server) and by forms (web).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type TIdNumberError =
  | 'empty'
  | 'excel_scientific'
  | 'excel_rounded'
  | 'bad_format'
  | 'bad_birth_date'
  | 'bad_checksum';

export type TIdNumberResult =
  | { ok: true; value: string; regionCode: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; error: TIdNumberError };

/** Full-width digits and X to ASCII, spaces removed, lower-case x upper-cased. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF38\uFF58]/g, 'X')
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function computeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function isValidDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validate and normalise an ID number; 15-digit legacy numbers are converted to 18 digits. */
export function parseIdNumber(raw: string): TIdNumberResult {
  const v = normalizeIdNumber(raw);
  if (v === '') return { ok: false, error: 'empty' };
  // Excel shows long numbers as 5.22427E+17 and rounds to 15 significant digits (…000)
  if (/^\d(\.\d+)?E\+\d+$/.test(v)) return { ok: false, error: 'excel_scientific' };
  let id = v;
  if (/^\d{15}$/.test(v)) {
    const first17 = `${v.slice(0, 6)}19${v.slice(6)}`;
    id = first17 + computeCheckChar(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: 'bad_format' };
  const birth = id.slice(6, 14);
  if (!isValidDate(birth)) return { ok: false, error: 'bad_birth_date' };
  if (computeCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, error: id.endsWith('000') ? 'excel_rounded' : 'bad_checksum' };
  }
  return {
    ok: true,
    value: id,
    regionCode: id.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** 5224**********123X: region prefix and last four visible. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** A valid 18-digit number for region, birth date (YYYYMMDD) and 3-digit sequence (odd = male). */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + computeCheckChar(first17);
}
