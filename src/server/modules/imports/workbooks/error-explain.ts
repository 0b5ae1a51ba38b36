/** The 说明 sheet of an error workbook: what the file is, how to fix and re-upload it, and the errors by type. */
import type ExcelJS from 'exceljs';
import type { TImportKind } from '../../../../domain/registry/fields.ts';
import { addSafeRow } from '../../../plugins/sheet-cells.ts';
import { errorCodeTitle } from './error-codes.ts';
import { ERROR_COLUMN, ROW_NO_COLUMN } from './error-layout.ts';
import type { TErrorCodeCount } from './error-rows.repo.ts';
import { formatChinaDate, HEADER_FILL, KIND_LABELS } from './workbook-style.ts';

export const EXPLAIN_SHEET = '说明';

export type TExplainInfo = {
  kind: TImportKind;
  fileName: string;
  batchId: string;
  generatedAt: Date;
  /** rows written to the 错误行 sheet */
  errorRows: number;
  codeCounts: TErrorCodeCount[];
  /** error rows not in the sheet (duplicates flagged after staging, kept without their cells) */
  omitted: { total: number; rows: { rowNo: number; text: string }[] };
  /** bad cells past the note limit got the red fill but no note */
  notesLimit: number | null;
  /** some rows had cells right of the last header column; those cells were left out */
  droppedCells: boolean;
};

const STEPS_ZH = [
  `“错误行”工作表只包含有错误的行，第1行是上传文件的表头，列的顺序与上传文件相同。出错的单元格标为浅红色，鼠标移到单元格上可看到批注。`,
  `按“${ERROR_COLUMN}”列逐行修改；不需要再导入的行可以整行删除。请不要修改第1行表头。`,
  `“${ERROR_COLUMN}”和“${ROW_NO_COLUMN}”两列由系统添加（${ROW_NO_COLUMN}是该行在原上传文件中的行号），重新上传时会被自动忽略，无需删除。`,
  '身份证号、手机号码、学号和各类代码列已设置为“文本”格式。粘贴号码时请用“选择性粘贴 → 数值”，不要把这些列改为“常规”或“数值”，否则 Excel 会把长号码变成科学计数法（如 5.22427E+17）。',
  '以“=”“+”“-”“@”开头的单元格按文本保存，打开时不会作为公式计算。',
  '改完后保存为 Excel 工作簿（.xlsx），在“导入”页面作为新的一批重新上传本文件。原文件中没有错误的行不在本表中，无需再次上传。',
];
const STEPS_EN = [
  'The sheet 错误行 holds only the rows with errors. Row 1 is the header of your upload and the columns are in the same order. Bad cells are filled light red; hover over one to read its note.',
  `Fix each row as its ${ERROR_COLUMN} (error description) cell says; delete rows you do not want to import. Do not change the header in row 1.`,
  `Bangfu added the columns ${ERROR_COLUMN} and ${ROW_NO_COLUMN} (the row number in your original upload). They are ignored when you upload the file again; there is no need to delete them.`,
  'ID number, phone, student number and code columns are formatted as Text. Paste numbers with "Paste Special → Values" and do not change these columns to General or Number, or Excel turns long numbers into scientific notation (e.g. 5.22427E+17).',
  'Cells starting with =, +, - or @ are stored as text and are not calculated as formulas.',
  'Save the file as an Excel workbook (.xlsx) and upload it again as a new batch on the Import page. Rows of the original file without errors are not in this workbook and need not be uploaded again.',
];

/** Write the 说明 sheet (it is small: a few dozen rows). */
export function writeExplainSheet(ws: ExcelJS.Worksheet, info: TExplainInfo): void {
  ws.columns = [{ width: 34 }, { width: 44 }, { width: 44 }, { width: 12 }, { width: 12 }];
  const date = formatChinaDate(info.generatedAt);
  const add = (values: (string | number)[], style?: (row: ExcelJS.Row) => void) => {
    const row = addSafeRow(ws, values); // the file name and the rows' messages quote the upload
    style?.(row);
    row.commit();
  };
  const heading = (text: string) =>
    add([text], (r) => {
      r.font = { bold: true, size: 12 };
    });
  add([`导入错误清单 · ${info.fileName} · ${date}`], (r) => {
    r.font = { bold: true, size: 14 };
  });
  add([`Import errors · ${info.fileName} · ${date}`]);
  add([]);
  add(['导入类型 / Import kind', `${KIND_LABELS[info.kind].zh} / ${KIND_LABELS[info.kind].en}`]);
  add(['上传文件 / File', info.fileName]);
  add(['批次编号 / Batch', info.batchId]);
  add(['错误行数 / Rows with errors', info.errorRows]);
  add([]);
  heading('如何修改并重新上传');
  for (const [i, s] of STEPS_ZH.entries()) add([`${i + 1}. ${s}`]);
  add([]);
  heading('How to fix and upload again');
  for (const [i, s] of STEPS_EN.entries()) add([`${i + 1}. ${s}`]);
  add([]);
  heading('错误统计 / Errors by type');
  add(['代码 / Code', '错误 / Error (zh)', 'Error (en)', '单元格 / Cells', '行 / Rows'], (r) => {
    r.font = { bold: true };
    r.fill = HEADER_FILL;
  });
  for (const c of info.codeCounts) {
    const title = errorCodeTitle(c.code);
    add([c.code, title.zh, title.en, c.cells, c.rows]);
  }
  if (info.omitted.total > 0) {
    add([]);
    heading('未列入本表的行 / Rows not in this workbook');
    add([
      `以下 ${info.omitted.total} 行与文件中前面的行重复，未列入“错误行”，请勿重复导入。`,
      `These ${info.omitted.total} rows repeat an earlier row of the file; they are left out — do not import them again.`,
    ]);
    for (const r of info.omitted.rows) add([`第${r.rowNo}行 / Row ${r.rowNo}`, r.text]);
    if (info.omitted.total > info.omitted.rows.length) {
      add([`……共 ${info.omitted.total} 行 / … ${info.omitted.total} rows in all`]);
    }
  }
  if (info.notesLimit !== null || info.droppedCells) add([]);
  if (info.notesLimit !== null) {
    add([
      `出错单元格较多，仅前 ${info.notesLimit} 个单元格带批注；所有错误均写在“${ERROR_COLUMN}”列中。`,
      `Only the first ${info.notesLimit} bad cells carry a note; every error is in the ${ERROR_COLUMN} column.`,
    ]);
  }
  if (info.droppedCells) {
    add([
      '部分行在表头最后一列的右侧还有内容（这些列没有表头，导入时不会读取），本表未包含这些内容。',
      'Some rows had cells right of the last header column (columns without a header, never imported); they are not in this workbook.',
    ]);
  }
}
