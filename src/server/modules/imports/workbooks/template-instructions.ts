/** The 填写说明 sheet of an import template: rules, then every column with its expected form and an example. */
import type ExcelJS from 'exceljs';
import { makeIdNumber } from '../../../../domain/id-number.ts';
import {
  getFieldSpecs,
  type TImportKind,
  type TRegistryField,
  type TRosterField,
} from '../../../../domain/registry/fields.ts';
import { addSafeRow } from '../../../plugins/sheet-cells.ts';
import { HEADER_FILL, KIND_LABELS, REQUIRED_FONT } from './workbook-style.ts';

export const INSTRUCTIONS_SHEET = '填写说明';

export type TTemplateOptions = {
  /** roster: the universities the user may import for (code = the 院校代码 rows carry, usually the MOE code) */
  universities?: { code: string; name: string }[];
  /** roster: the cohort the file is for; 毕业年份 cells, when filled, must equal it */
  cohort?: number;
};

// a made-up person: valid checksum so the example shows the real form, 2000-01-01 and sequence 123 (male)
const EXAMPLE_ID = makeIdNumber('520526', '20000101', 123);

function examples(kind: TImportKind, opts: TTemplateOptions): Record<string, string> {
  if (kind === 'registry') {
    return {
      name: '张三',
      idNumber: EXAMPLE_ID,
      countyCode: '520526',
      countyName: '威宁彝族回族苗族自治县',
      householdRef: '5205260100010001',
      exitYear: '2019',
    } satisfies Record<TRegistryField, string>;
  }
  return {
    name: '张三',
    idNumber: EXAMPLE_ID,
    gender: '男',
    ethnicity: '汉族',
    birthDate: '2000-01-01',
    studentNo: '2016010123',
    college: '计算机学院',
    className: '计科1601班',
    majorCode: '080901',
    majorName: '计算机科学与技术',
    level: '本科',
    domicileCode: '520526',
    domicileName: '贵州省毕节市威宁彝族回族苗族自治县',
    phone: '13800138000',
    difficultyCode: '2-家庭困难',
    universityCode: opts.universities?.[0]?.code ?? '10657',
    cohort: String(opts.cohort ?? 2020),
  } satisfies Record<TRosterField, string>;
}

function rules(kind: TImportKind, dataSheet: string, opts: TTemplateOptions): [string, string][] {
  const list: [string, string][] = [
    [
      `在“${dataSheet}”工作表中从第2行起每行填写一人。第1行表头请勿修改；不用的选填列可以整列删除。`,
      `Fill in the sheet ${dataSheet} from row 2 on, one person per row. Do not change the header in row 1; optional columns you do not use may be deleted.`,
    ],
    ['表头为红色粗体的列为必填。', 'Columns with a bold red header are required.'],
    [
      '身份证号、手机号码、学号和各类代码列已设为“文本”格式，请勿改为“常规”或“数值”，否则 Excel 会把长号码变成科学计数法（如 5.22427E+17）。从其他表格粘贴时请用“选择性粘贴 → 数值”。',
      'ID number, phone, student number and code columns are formatted as Text; do not change them to General or Number, or Excel turns long numbers into scientific notation (e.g. 5.22427E+17). When pasting from another sheet, use "Paste Special → Values".',
    ],
    ['带下拉箭头的列可以从列表中选择。', 'Columns with a drop-down arrow take a value from the list.'],
    [
      '下表“示例”一列为虚构的示例，仅供参考，请勿填入名单。',
      'The examples below are made up; do not copy them into the list.',
    ],
  ];
  if (kind === 'roster' && opts.cohort) {
    list.push([
      `毕业年份一列可以不填；如填写，必须为 ${opts.cohort}。`,
      `The graduation year column may be left empty; if filled in, it must be ${opts.cohort}.`,
    ]);
  }
  list.push([
    '填好后保存为 Excel 工作簿（.xlsx）上传；也可以另存为 CSV（UTF-8 或 GBK 编码）上传。',
    'Save it as an Excel workbook (.xlsx) and upload it; a CSV file (UTF-8 or GBK) is accepted too.',
  ]);
  return list;
}

/** Write the instructions sheet (a few dozen rows, plus the universities when given). */
export function writeInstructionsSheet(
  ws: ExcelJS.Worksheet,
  kind: TImportKind,
  dataSheet: string,
  opts: TTemplateOptions,
): void {
  ws.columns = [{ width: 16 }, { width: 10 }, { width: 40 }, { width: 24 }, { width: 20 }, { width: 48 }];
  const add = (values: (string | number)[], style?: (row: ExcelJS.Row) => void) => {
    const row = addSafeRow(ws, values); // university names come from the org tree
    style?.(row);
    row.commit();
  };
  const label = KIND_LABELS[kind];
  add([`${label.zh}导入模板 · 填写说明 / ${label.en} import template · instructions`], (r) => {
    r.font = { bold: true, size: 14 };
  });
  add([]);
  rules(kind, dataSheet, opts).forEach(([zh, en], i) => {
    add([`${i + 1}. ${zh}`]);
    add([`    ${en}`]);
  });
  add([]);
  const bold = (r: ExcelJS.Row) => {
    r.font = { bold: true };
    r.fill = HEADER_FILL;
  };
  add(['列名', '必填', '填写要求', '示例', 'Column', 'Expected'], bold);
  const example = examples(kind, opts);
  for (const spec of getFieldSpecs(kind)) {
    add(
      [
        spec.label.zh,
        spec.required ? '必填 / required' : '选填 / optional',
        spec.expected.zh,
        example[spec.key] ?? '',
        spec.label.en,
        spec.expected.en,
      ],
      (r) => {
        if (spec.required) r.getCell(1).font = REQUIRED_FONT;
        // the example ID must not turn into 5.2E+17 if someone copies it into a General cell
        r.getCell(4).numFmt = '@';
      },
    );
  }
  if (kind === 'roster' && opts.universities?.length) {
    add([]);
    add(['院校代码 / Code', '院校名称 / University'], bold);
    const asText = (r: ExcelJS.Row) => {
      r.getCell(1).numFmt = '@';
    };
    for (const u of opts.universities) add([u.code, u.name], asText);
  }
}
