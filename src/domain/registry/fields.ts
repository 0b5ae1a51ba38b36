/**
 * The two import kinds and the fields each one carries: key, whether it is required, bilingual label and the
 * expected form. The labels and expected forms feed the mapping UI, the Excel template, and every cell error.
 */

export const IMPORT_KINDS = ['roster', 'registry'] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

export type TBilingual = { zh: string; en: string };

export type TFieldSpec<K extends string = string> = {
  key: K;
  required: boolean;
  label: TBilingual;
  expected: TBilingual;
};

/** The three levels of the national graduate record; imports normalise every synonym to one of these. */
export const LEVELS = ['研究生', '本科', '专科'] as const;
export type TLevel = (typeof LEVELS)[number];

/** 困难生类别 of the national graduate record (shared/data/difficulty-categories.csv). */
export const DIFFICULTY_CATEGORIES = [
  { code: '0', name: '非困难生' },
  { code: '1', name: '就业困难' },
  { code: '2', name: '家庭困难' },
  { code: '3', name: '就业困难和家庭困难' },
  { code: '4', name: '残疾' },
  { code: '5', name: '就业困难和残疾' },
  { code: '6', name: '家庭困难和残疾' },
  { code: '7', name: '就业困难、家庭困难和残疾' },
] as const;

/** Longest cell we accept. Real uploads have carried 1 MB cells (pasted documents); nothing legitimate is near. */
export const MAX_CELL_LENGTH = 1000;

const f = <K extends string>(
  key: K,
  required: boolean,
  zh: string,
  en: string,
  expectedZh: string,
  expectedEn: string,
): TFieldSpec<K> => ({ key, required, label: { zh, en }, expected: { zh: expectedZh, en: expectedEn } });

const ID_EXPECTED = [
  '18位身份证号码（设置为文本格式）',
  '18-digit ID number (column formatted as text)',
] as const;

/** University graduating-cohort roster (生源/毕业生名单). Order is the order of the Excel template. */
export const ROSTER_FIELDS = [
  f('name', true, '姓名', 'Name', '身份证上的姓名', 'name as on the ID card'),
  f('idNumber', true, '身份证号', 'ID number', ...ID_EXPECTED),
  f(
    'gender',
    false,
    '性别',
    'Gender',
    '男或女（须与身份证号一致）',
    'male or female (must match the ID number)',
  ),
  f('ethnicity', false, '民族', 'Ethnicity', '民族名称，如“汉族”', 'ethnic group, e.g. 汉族'),
  f(
    'birthDate',
    false,
    '出生日期',
    'Birth date',
    '日期，如 2000-01-01（须与身份证号一致）',
    'a date such as 2000-01-01 (must match the ID number)',
  ),
  f(
    'studentNo',
    false,
    '学号',
    'Student number',
    '学号（设置为文本格式）',
    'student number (column formatted as text)',
  ),
  f('college', false, '院系', 'College', '院系名称', 'college or department name'),
  f('className', false, '班级', 'Class', '班级名称', 'class name'),
  f('majorCode', false, '专业代码', 'Major code', '教育部专业代码', 'Ministry of Education major code'),
  f('majorName', false, '专业名称', 'Major', '专业名称', 'major name'),
  f(
    'level',
    true,
    '学历层次',
    'Level',
    '研究生、本科或专科',
    '研究生, 本科 or 专科 (postgraduate, bachelor, diploma)',
  ),
  f(
    'domicileCode',
    false,
    '生源地代码',
    'Domicile code',
    '6位县级行政区划代码（可为历史代码）',
    '6-digit county code (historical codes accepted)',
  ),
  f(
    'domicileName',
    false,
    '生源地',
    'Domicile',
    '生源地名称，如“贵州省毕节市威宁县”',
    'place of domicile by name',
  ),
  f('phone', false, '手机号码', 'Mobile phone', '11位手机号码', '11-digit mainland mobile number'),
  f(
    'difficultyCode',
    false,
    '困难生类别',
    'Difficulty category',
    '困难生类别代码 0–7',
    'difficulty category code 0–7',
  ),
  f(
    'universityCode',
    false,
    '院校代码',
    'University code',
    '5位教育部院校代码',
    '5-digit MOE university code',
  ),
  f('cohort', false, '毕业年份', 'Cohort', '4位毕业年份，如 2020', '4-digit graduation year, e.g. 2020'),
] as const;

/** 建档立卡 poverty registry extract. Only the ID is required: matching is on the ID number alone. */
export const REGISTRY_FIELDS = [
  f('name', false, '姓名', 'Name', '姓名', 'name'),
  f('idNumber', true, '身份证号', 'ID number', ...ID_EXPECTED),
  f(
    'countyCode',
    false,
    '所在县代码',
    'County code',
    '6位县级行政区划代码（可为历史代码）',
    '6-digit county code (historical codes accepted)',
  ),
  f('countyName', false, '所在县', 'County', '县名称', 'county name'),
  f(
    'householdRef',
    false,
    '户编号',
    'Household number',
    '户编号（设置为文本格式）',
    'household number (as text)',
  ),
  f('exitYear', false, '脱贫年度', 'Exit year', '4位年份，如 2019', '4-digit year, e.g. 2019'),
] as const;

export type TRosterField = (typeof ROSTER_FIELDS)[number]['key'];
export type TRegistryField = (typeof REGISTRY_FIELDS)[number]['key'];

/** Field keys by import kind, so generic helpers stay typed per kind. */
export interface TFieldKeyByKind {
  roster: TRosterField;
  registry: TRegistryField;
}
export type TFieldKey<K extends TImportKind = TImportKind> = TFieldKeyByKind[K];

/** All field specs of an import kind, in template order. */
export function getFieldSpecs<K extends TImportKind>(kind: K): readonly TFieldSpec<TFieldKey<K>>[] {
  return (kind === 'roster' ? ROSTER_FIELDS : REGISTRY_FIELDS) as readonly TFieldSpec<TFieldKey<K>>[];
}

/** The spec of one field; throws for a key the kind does not have (a programming error, not bad input). */
export function getFieldSpec<K extends TImportKind>(kind: K, key: TFieldKey<K>): TFieldSpec<TFieldKey<K>> {
  const spec = getFieldSpecs(kind).find((s) => s.key === key);
  if (!spec) throw new Error(`unknown ${kind} field: ${key}`);
  return spec;
}

/** Keys of the required fields of an import kind. */
export function requiredFields<K extends TImportKind>(kind: K): TFieldKey<K>[] {
  return getFieldSpecs(kind)
    .filter((s) => s.required)
    .map((s) => s.key);
}
