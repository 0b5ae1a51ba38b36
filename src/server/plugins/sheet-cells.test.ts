import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addSafeRow, csvLine, safeCellValue } from './sheet-cells.ts';

/** Payloads of the OWASP list: each would run as a formula (or DDE) in Excel, LibreOffice or WPS. */
const FORMULA_PAYLOADS = ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)', '\t=1+1', '\r=1+1'];

async function roundTrip(write: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('s');
  ws.columns = [
    { header: '姓名', key: 'name' },
    { header: '金额', key: 'amount' },
  ];
  write(ws as unknown as ExcelJS.Worksheet);
  ws.commit();
  await wb.commit();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return read.getWorksheet('s')!;
}

describe('the cell writer', () => {
  it('writes formula-like text with an apostrophe, as Text, never as a formula', async () => {
    const ws = await roundTrip((s) => {
      for (const p of FORMULA_PAYLOADS) addSafeRow(s, { name: p, amount: -2 }).commit();
    });
    FORMULA_PAYLOADS.forEach((p, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // (XML stores a CR as a line feed)
      expect(cell.value).toBe(`'${p.replace('\r', '\n')}`);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
      // a real negative number stays a number
      expect(ws.getCell(i + 2, 2).value).toBe(-2);
      expect(ws.getCell(i + 2, 2).type).toBe(ExcelJS.ValueType.Number);
    });
  });

  it('leaves ordinary text, numbers and empty cells alone, by position too', async () => {
    const ws = await roundTrip((s) => {
      addSafeRow(s, ['张三', 3.5, null, 'a-b', '+1']).commit();
    });
    expect(ws.getRow(2).values).toEqual([undefined, '张三', 3.5, undefined, 'a-b', "'+1"]);
    expect(ws.getCell(2, 1).numFmt).toBeUndefined();
    expect(ws.getCell(2, 5).numFmt).toBe('@');
    expect(safeCellValue(undefined)).toBeNull();
    expect(safeCellValue(false)).toBe(false);
  });

  it('applies the same rule to CSV fields, quoting as CSV needs', () => {
    expect(csvLine(['=HYPERLINK("http://x","y")', -2, '张三', null, 'a,b'])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",-2,张三,,"a,b"\r\n`,
    );
    expect(csvLine(['-2', '@SUM(A1)', '+1+1'])).toBe(`'-2,'@SUM(A1),'+1+1\r\n`);
  });
});
