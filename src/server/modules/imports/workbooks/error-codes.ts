import type { TBilingual } from '../../../../domain/registry/fields.ts';
import type { TCellErrorCode } from '../../../../domain/registry/schemas.ts';

/** Short names of the cell error codes, for the error workbook's counts by type. */
export const ERROR_CODE_TITLES: Record<TCellErrorCode, TBilingual> = {
  required: { zh: '必填项为空', en: 'required cell is empty' },
  cell_too_long: { zh: '单元格内容过长', en: 'cell too long' },
  formula_error: { zh: '公式或公式错误，而不是数值', en: 'a formula or formula error instead of a value' },
  excel_scientific: { zh: '被 Excel 转成科学计数法', en: 'turned into scientific notation by Excel' },
  id_excel_scientific: {
    zh: '身份证号被 Excel 转成科学计数法',
    en: 'ID number turned into scientific notation by Excel',
  },
  id_excel_rounded: { zh: '身份证号被 Excel 截为15位', en: 'ID number cut to 15 digits by Excel' },
  id_bad_format: { zh: '身份证号格式错误', en: 'not an ID number' },
  id_bad_birth_date: { zh: '身份证号中的出生日期不存在', en: 'impossible birth date in the ID number' },
  id_bad_checksum: { zh: '身份证号校验位不符', en: 'ID number fails its checksum' },
  gender_invalid: { zh: '无法识别的性别', en: 'unrecognised gender' },
  gender_mismatch: { zh: '性别与身份证号不一致', en: 'gender contradicts the ID number' },
  birth_date_invalid: { zh: '无法识别的出生日期', en: 'unrecognised birth date' },
  birth_date_mismatch: { zh: '出生日期与身份证号不一致', en: 'birth date contradicts the ID number' },
  level_invalid: { zh: '学历层次无效', en: 'invalid level' },
  domicile_unknown: { zh: '生源地代码不存在', en: 'unknown domicile code' },
  phone_invalid: { zh: '手机号码无效', en: 'invalid mobile number' },
  difficulty_invalid: { zh: '困难生类别无效', en: 'invalid difficulty category' },
  university_unknown: { zh: '院校代码不存在或无权导入', en: 'unknown university code, or not yours' },
  cohort_invalid: { zh: '无法识别的毕业年份', en: 'unrecognised graduation year' },
  cohort_mismatch: { zh: '毕业年份与本次导入不一致', en: 'graduation year differs from the upload' },
  county_unknown: { zh: '县代码不存在', en: 'unknown county code' },
  exit_year_invalid: { zh: '无法识别的脱贫年度', en: 'unrecognised exit year' },
  duplicate_row: { zh: '同一文件中重复出现', en: 'appears twice in the file' },
};

/** The title of a code, or the code itself for one this build does not know (stored by a newer one). */
export function errorCodeTitle(code: string): TBilingual {
  return ERROR_CODE_TITLES[code as TCellErrorCode] ?? { zh: code, en: code };
}
