/**
 * Major codes of the national catalogues, read from their prefixes: 本科 (2020 普通高等学校本科专业目录, 门类 01–13),
 * 专科 (2015 高职专科专业目录, 大类 51–69) and 研究生 (4-digit 一级学科, first two digits = 门类). The catalogues
 * themselves are reference data (`reference/majors-*.csv`); only the code structure and the short list of top
 * categories live here, so rules and explanations work in the browser without loading a catalogue.
 */
import type { TLevel } from '../registry/fields.ts';

/** 学科门类 (本科 and 研究生 share them; 11 军事学 and 14 交叉学科 exist for 研究生 only). */
export const DISCIPLINE_CATEGORIES: Record<string, string> = {
  '01': '哲学',
  '02': '经济学',
  '03': '法学',
  '04': '教育学',
  '05': '文学',
  '06': '历史学',
  '07': '理学',
  '08': '工学',
  '09': '农学',
  '10': '医学',
  '11': '军事学',
  '12': '管理学',
  '13': '艺术学',
  '14': '交叉学科',
};

/** 高职专科专业大类 of the 2015 catalogue. */
export const VOCATIONAL_CATEGORIES: Record<string, string> = {
  '51': '农林牧渔大类',
  '52': '资源环境与安全大类',
  '53': '能源动力与材料大类',
  '54': '土木建筑大类',
  '55': '水利大类',
  '56': '装备制造大类',
  '57': '生物与化工大类',
  '58': '轻工纺织大类',
  '59': '食品药品与粮食大类',
  '60': '交通运输大类',
  '61': '电子信息大类',
  '62': '医药卫生大类',
  '63': '财经商贸大类',
  '64': '旅游大类',
  '65': '文化艺术大类',
  '66': '新闻传播大类',
  '67': '教育与体育大类',
  '68': '公安与司法大类',
  '69': '公共管理与服务大类',
};

/**
 * The digits of a major code, upper-cased and without the catalogue's suffix letters (080904K 特设/国控 →
 * 080904): the suffix marks how a major is administered, not what it is, so rules match on the digits.
 */
export function normalizeMajorCode(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/[A-Z]+$/, '');
}

/** 门类/大类 name for a 2-digit category code, or null when unknown. */
export function majorCategoryName(categoryCode: string): string | null {
  return DISCIPLINE_CATEGORIES[categoryCode] ?? VOCATIONAL_CATEGORIES[categoryCode] ?? null;
}

/**
 * 门类/大类 (2 digits) and 专业类 (4 digits) of a major code. 本科 and 专科 majors are 6 digits (+ suffix):
 * category = first 2, class = first 4. 研究生 codes are 4-digit 一级学科: category = first 2, class = the code.
 * Null when the code is not of that shape.
 */
export function majorCategoryOf(
  code: string,
  level: TLevel | null,
): { categoryCode: string; classCode: string } | null {
  const digits = normalizeMajorCode(code);
  const ok = level === '研究生' ? /^\d{4}(\d{2})?$/.test(digits) : /^\d{6}$/.test(digits);
  if (!ok) return null;
  return { categoryCode: digits.slice(0, 2), classCode: digits.slice(0, 4) };
}

/**
 * Whether a major is accepted by a list of code prefixes (2-digit 门类/大类, 4-digit 专业类, 6-digit 专业).
 * An empty list means 不限. A 4-digit 研究生 一级学科 matches 2-digit prefixes and an equal 4-digit prefix; note
 * that 本科 专业类 and 研究生 一级学科 codes are different lists that happen to share 4-digit shapes.
 */
export function majorMatches(acceptedPrefixes: readonly string[], code: string): boolean {
  if (acceptedPrefixes.length === 0) return true;
  const digits = normalizeMajorCode(code);
  if (digits === '') return false;
  return acceptedPrefixes.some((p) => {
    const prefix = normalizeMajorCode(p);
    return prefix !== '' && digits.startsWith(prefix);
  });
}
