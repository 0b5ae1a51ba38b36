import { MAX_CELL_LENGTH, type TBilingual } from './fields.ts';
import type { TCellErrorCode, TCellWarningCode } from './schemas.ts';

/**
 * zh/en texts of every cell error and warning. Each names the column, quotes the value and says what to do,
 * because the reader is an office clerk fixing a spreadsheet, not a developer. The row number is not here:
 * the importer knows it and adds it with `withRowNumber`.
 */

export type TMessageParams = {
  label: TBilingual;
  /** the cell, already shortened by `previewValue` */
  value: string;
  [key: string]: unknown;
};

type TTemplate = (p: TMessageParams) => { zh: string; en: string };

const TEXT_FORMAT_ZH = '请将该列设置为“文本”格式后重新录入。';
const TEXT_FORMAT_EN = 'Format the column as Text and enter the numbers again.';

const ERRORS: Record<TCellErrorCode, TTemplate> = {
  required: () => ({ zh: '此项必填，但单元格为空。', en: 'this column is required but the cell is empty.' }),
  cell_too_long: (p) => ({
    zh: `单元格有 ${p.length} 个字符，超过上限 ${MAX_CELL_LENGTH} 个字符（开头为“${p.value}”）。`,
    en: `the cell holds ${p.length} characters, more than the limit of ${MAX_CELL_LENGTH} (it starts "${p.value}").`,
  }),
  formula_error: (p) =>
    p.formulaText
      ? {
          zh: `单元格是公式“${p.value}”而不是数值。请在 Excel 中复制该列并“选择性粘贴 → 数值”后重新上传。`,
          en: `the cell holds the formula "${p.value}" instead of a value. In Excel, copy the column and paste it back as values, then upload again.`,
        }
      : {
          zh: `单元格是公式错误“${p.value}”，原数据已丢失。请修正公式或粘贴为数值后重新上传。`,
          en: `the cell shows the formula error "${p.value}"; the data is lost. Fix the formula or paste values, then upload again.`,
        },
  excel_scientific: (p) => ({
    zh: `值“${p.value}”被 Excel 转成了科学计数法，原数字已丢失。${TEXT_FORMAT_ZH}`,
    en: `the value "${p.value}" was turned into scientific notation by Excel and the original digits are lost. ${TEXT_FORMAT_EN}`,
  }),
  id_excel_scientific: (p) => ({
    zh: `值“${p.value}”被 Excel 转成了科学计数法，原号码已丢失。${TEXT_FORMAT_ZH}`,
    en: `the value "${p.value}" was turned into scientific notation by Excel and the original number is lost. ${TEXT_FORMAT_EN}`,
  }),
  id_excel_rounded: (p) => ({
    zh: `值“${p.value}”末三位是000且校验位不符：Excel 把它当作数字保存，只保留了前15位。${TEXT_FORMAT_ZH}`,
    en: `the value "${p.value}" ends in 000 and fails the checksum: Excel stored it as a number and kept only 15 digits. ${TEXT_FORMAT_EN}`,
  }),
  id_bad_format: (p) => ({
    zh: `值“${p.value}”不是身份证号码的格式：应为18位（末位可为X），或15位旧号码。`,
    en: `"${p.value}" is not an ID number: expected 18 characters (the last may be X) or a 15-digit legacy number.`,
  }),
  id_bad_birth_date: (p) => ({
    zh: `值“${p.value}”中的出生日期“${p.birth}”不存在，请与证件核对。`,
    en: `the birth date "${p.birth}" inside "${p.value}" does not exist; check the number against the ID card.`,
  }),
  id_bad_checksum: (p) => ({
    zh: `值“${p.value}”的校验位不符，号码中至少有一位录错，请与证件核对。`,
    en: `"${p.value}" fails the ID checksum: at least one character is mistyped; check it against the ID card.`,
  }),
  gender_invalid: (p) => ({
    zh: `无法识别性别“${p.value}”。`,
    en: `"${p.value}" is not a gender we recognise.`,
  }),
  gender_mismatch: (p) => ({
    zh: `填写的“${p.value}”与身份证号第17位表示的性别（${p.idGenderZh}）不一致。`,
    en: `"${p.value}" contradicts the gender encoded in the ID number's 17th digit (${p.idGenderEn}).`,
  }),
  birth_date_invalid: (p) => ({
    zh: `无法识别日期“${p.value}”。`,
    en: `"${p.value}" is not a date we recognise.`,
  }),
  birth_date_mismatch: (p) => ({
    zh: `“${p.value}”与身份证号中的出生日期 ${p.idBirth} 不一致。`,
    en: `"${p.value}" differs from the birth date in the ID number, ${p.idBirth}.`,
  }),
  level_invalid: (p) => ({
    zh: `“${p.value}”不是有效的学历层次，只能是研究生、本科或专科。`,
    en: `"${p.value}" is not a level; use 研究生, 本科 or 专科.`,
  }),
  domicile_unknown: (p) => ({
    zh: `“${p.value}”不是已知的县级行政区划代码（现行或历史代码均可）。`,
    en: `"${p.value}" is not a known county code, current or historical.`,
  }),
  phone_invalid: (p) => ({
    zh: `“${p.value}”不是有效的11位手机号码。`,
    en: `"${p.value}" is not an 11-digit mainland mobile number.`,
  }),
  difficulty_invalid: (p) => ({
    zh: `“${p.value}”不是有效的困难生类别代码（0–7）。`,
    en: `"${p.value}" is not a difficulty category code (0–7).`,
  }),
  university_unknown: (p) => ({
    zh: `“${p.value}”不是已登记的院校代码。`,
    en: `"${p.value}" is not a registered university code.`,
  }),
  cohort_invalid: (p) => ({
    zh: `无法识别毕业年份“${p.value}”。`,
    en: `"${p.value}" is not a graduation year.`,
  }),
  cohort_mismatch: (p) => ({
    zh: `毕业年份“${p.value}”与本次导入的届别 ${p.cohort} 不一致。`,
    en: `graduation year "${p.value}" differs from this upload's cohort, ${p.cohort}.`,
  }),
  county_unknown: (p) => ({
    zh: `“${p.value}”不是已知的县级行政区划代码（现行或历史代码均可）。`,
    en: `"${p.value}" is not a known county code, current or historical.`,
  }),
  exit_year_invalid: (p) => ({
    zh: `无法识别年份“${p.value}”。`,
    en: `"${p.value}" is not a year.`,
  }),
  duplicate_row: (p) => ({
    zh: `与第${p.firstRow}行的身份证号相同，同一文件中重复。`,
    en: `same ID number as row ${p.firstRow}; the person appears twice in this file.`,
  }),
};

/** Errors whose expected form is not the field's own (the cell itself is the problem, not its field). */
const EXPECTED_OVERRIDES: Partial<Record<TCellErrorCode, TBilingual>> = {
  cell_too_long: { zh: `不超过 ${MAX_CELL_LENGTH} 个字符`, en: `at most ${MAX_CELL_LENGTH} characters` },
  formula_error: { zh: '数值而不是公式', en: 'a value, not a formula' },
  duplicate_row: { zh: '每人在文件中只出现一次', en: 'each person once per file' },
};

const WARNINGS: Record<TCellWarningCode, TTemplate> = {
  id_legacy_15: (p) => ({
    zh: `15位旧号码“${p.value}”已换算为18位号码“${p.converted}”。`,
    en: `the 15-digit legacy number "${p.value}" was converted to the 18-digit "${p.converted}".`,
  }),
  domicile_historical_code: (p) =>
    p.fromIdPrefix
      ? {
          zh: `生源地代码为空，取身份证号前6位历史代码“${p.from}”，已换算为现行代码“${p.to}”。`,
          en: `empty; the ID number's prefix, historical code "${p.from}", was mapped to the current code "${p.to}".`,
        }
      : {
          zh: `历史代码“${p.from}”已换算为现行代码“${p.to}”。`,
          en: `historical code "${p.from}" was mapped to the current code "${p.to}".`,
        },
  domicile_unresolved: (p) => ({
    zh: `生源地代码为空，且身份证号前6位“${p.from}”不是已知的县级代码，无法确定生源地。`,
    en: `empty, and the ID number's prefix "${p.from}" is not a known county code: domicile unknown.`,
  }),
  county_historical_code: (p) => ({
    zh: `历史代码“${p.from}”已换算为现行代码“${p.to}”。`,
    en: `historical code "${p.from}" was mapped to the current code "${p.to}".`,
  }),
};

const prefix = (label: TBilingual, body: TBilingual): TBilingual => ({
  zh: `「${label.zh}」列：${body.zh}`,
  en: `Column "${label.en}": ${body.en}`,
});

/** A cell value fit to quote in a message: long cells are cut to 50 characters. */
export function previewValue(value: string): string {
  return value.length > 50 ? `${value.slice(0, 50)}…` : value;
}

/** Message and expected form of a cell error; `fieldExpected` is used unless the code has its own. */
export function describeError(
  code: TCellErrorCode,
  params: TMessageParams,
  fieldExpected: TBilingual,
): { message: TBilingual; expected: TBilingual } {
  return {
    message: prefix(params.label, ERRORS[code](params)),
    expected: EXPECTED_OVERRIDES[code] ?? fieldExpected,
  };
}

/** Message of a cell warning. */
export function describeWarning(code: TCellWarningCode, params: TMessageParams): TBilingual {
  return prefix(params.label, WARNINGS[code](params));
}

/** `第12行「身份证号」列：…` / `Row 12, column "ID number": …` — the form users see in lists and workbooks. */
export function withRowNumber(message: TBilingual, rowNo: number): TBilingual {
  return { zh: `第${rowNo}行${message.zh}`, en: `Row ${rowNo}, ${message.en.replace(/^Column/, 'column')}` };
}
