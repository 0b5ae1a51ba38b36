import { DIFFICULTY_CATEGORIES, type TLevel } from './fields.ts';

/**
 * Parsers for single cell values. Each accepts the forms real files contain and returns null for anything
 * else; deciding which error that is belongs to the row validators.
 */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Trimmed cell text without zero-width characters (they arrive with copy-paste from web pages and WeChat).
 * `="0123"` — the trick people use to keep leading zeros in CSV opened by Excel — is unwrapped to `0123`; an
 * apostrophe before = + - @ (how our error workbook writes such cells) is taken off, so a corrected error workbook
 * reads as the original upload did.
 */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  let v = raw.replace(INVISIBLE, '').trim();
  // the apostrophe our workbooks put before formula-like text (sheet-cells.ts) is not part of the value
  if (/^'[=+\-@\t\r]/.test(v)) v = v.slice(1).trim();
  const wrapped = /^="(.*)"$/s.exec(v);
  return wrapped ? (wrapped[1] as string).trim() : v;
}

/** Error values Excel leaves when a formula fails; the data the formula pointed at is not in the file. */
export function isFormulaError(v: string): boolean {
  return /^#(VALUE!|REF!|N\/A|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA)$/i.test(v);
}

/** A formula's text instead of its value (e.g. a CSV written with formulas): never data we can use. */
export function isFormulaText(v: string): boolean {
  return /^=\S/.test(v);
}

/** What Excel's General format shows for a long number: the digits past the sixth are lost. */
export function isExcelScientific(v: string): boolean {
  return /^\d(\.\d+)?E\+?\d+$/i.test(v.normalize('NFKC').replace(/\s/g, ''));
}

/** A code cell: half-width, no spaces, without the leading apostrophe Excel uses to force text. */
export function cleanCode(v: string): string {
  return v.normalize('NFKC').replace(/\s/g, '').replace(/^['`]/, '');
}

/**
 * A person's name. Chinese names lose inner spaces ("张 三" is typed to align columns) and the dot of minority
 * names is unified to "·"; other names keep single spaces.
 */
export function cleanName(v: string): string {
  const s = v.normalize('NFKC').trim();
  if (/\p{Script=Han}/u.test(s)) return s.replace(/\s+/g, '').replace(/[•・.·]/g, '·');
  return s.replace(/\s+/g, ' ');
}

const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  '1': 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  '2': 'female',
};

/** 男/女, M/F, male/female, or the GB/T 2261.1 codes 1/2. */
export function parseGender(v: string): 'male' | 'female' | null {
  return GENDERS[v.normalize('NFKC').trim().toLowerCase()] ?? null;
}

const LEVEL_SYNONYMS: Record<string, TLevel> = {
  研究生: '研究生',
  硕士: '研究生',
  博士: '研究生',
  硕士研究生: '研究生',
  博士研究生: '研究生',
  本科: '本科',
  大学本科: '本科',
  专科: '专科',
  大专: '专科',
  高职: '专科',
  '高职(专科)': '专科',
  '专科(高职)': '专科',
};

/** One of the three levels of the national record, from the names universities actually use. */
export function parseLevel(v: string): TLevel | null {
  return LEVEL_SYNONYMS[v.normalize('NFKC').replace(/\s/g, '')] ?? null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date cell as `YYYY-MM-DD`, or `YYYY-MM` when only year and month are given (出生年月 columns).
 * Accepts 2000-01-01, 2000/1/1, 2000.1.1, 20000101, 2000年1月1日, ISO timestamps, and Excel serial numbers
 * (36526 = 2000-01-01; the file reader hands us the number when the cell is formatted as General).
 */
export function parseDateCell(raw: string): string | null {
  const v = raw.normalize('NFKC').replace(/\s/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T?\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(v);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? `${y}-${pad2(mo)}-${pad2(d)}` : null;
  }
  const ym = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(v) ?? /^(\d{4})(\d{2})$/.exec(v);
  if (ym) {
    const [y, mo] = [Number(ym[1]), Number(ym[2])];
    return validDate(y, mo, 1) ? `${y}-${pad2(mo)}` : null;
  }
  const serial = /^(\d{5})(?:\.0+)?$/.exec(v);
  if (serial) {
    // Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for (all serials > 60)
    const date = new Date(Date.UTC(1899, 11, 30) + Number(serial[1]) * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  return null;
}

/** An 11-digit mainland mobile number, after removing spaces, dashes and a +86 / 0086 / 86 prefix. */
export function parsePhone(raw: string): string | null {
  const v = raw
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .replace(/^(\+86|0086|86)(?=\d{11}$)/, '');
  return /^1[3-9]\d{9}$/.test(v) ? v : null;
}

/**
 * A 困难生类别 code 0–7. Also accepts the category's name, and "2-家庭困难" as produced by template dropdowns;
 * a code paired with another category's name is ambiguous and rejected.
 */
export function parseDifficulty(raw: string): string | null {
  const v = raw.normalize('NFKC').trim();
  const byName = DIFFICULTY_CATEGORIES.find((c) => c.name === v);
  if (byName) return byName.code;
  const m = /^([0-7])(?:\s*[-—、:.\s]\s*(.+))?$/.exec(v);
  if (!m) return null;
  const category = DIFFICULTY_CATEGORIES.find((c) => c.code === m[1]);
  if (!category || (m[2] !== undefined && m[2] !== category.name)) return null;
  return category.code;
}

/** A four-digit year between 2000 and 2100, optionally followed by 年 or 届 ("2020届"). */
export function parseYear(raw: string): number | null {
  const m = /^(\d{4})(?:年|届)?$/.exec(raw.normalize('NFKC').replace(/\s/g, ''));
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 2000 && y <= 2100 ? y : null;
}
