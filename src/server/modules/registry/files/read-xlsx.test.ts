import { readdir, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, parseIdNumber } from '../../../../domain/id-number.ts';
import { cellText, numberText, openXlsx, readXlsxRows } from './read-xlsx.ts';
import { collect, handmadeWorkbook, makeTempDir, prng } from './test-helpers.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  tmp = await makeTempDir();
});
afterAll(async () => {
  await tmp.remove();
});

const ID_TEXT = makeIdNumber('522427', '20000101', 123);

/** A roster as universities send it: title rows, a merged title, a blank row, a header, messy data. */
async function writeMessyRoster(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('生源信息');
  ws.getCell('A1').value = 'XX大学2020届毕业生生源信息表';
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = '填报单位：学生处  填报日期：2020年6月';
  // row 3 left blank
  ws.getRow(4).values = ['姓名', '身份证号', '出生日期', '在校', '合计', '查找', '备注', '入学日期'];
  ws.getRow(5).values = [
    '张三  ',
    ID_TEXT,
    new Date(Date.UTC(2000, 0, 1)),
    true,
    { formula: 'SUM(1,2)', result: 3 },
    { formula: '1/0', result: { error: '#DIV/0!' } },
    { richText: [{ text: '家庭' }, { font: { bold: true }, text: '困难 ' }] },
    { formula: 'DATE(2001,2,3)', result: 36925 },
  ];
  ws.getCell('H5').numFmt = 'yyyy-mm-dd';
  ws.getRow(6).values = [
    ' 李四',
    Number('522427200001011234'), // an 18-digit ID typed into a number cell (a double cannot hold it)
    new Date(Date.UTC(1999, 11, 31, 8, 30, 0)),
    false,
    { formula: 'A6&"x"', result: ' 李四x' },
    { formula: 'VLOOKUP(1,A1:A2,2,0)', result: { error: '#N/A' } },
    { formula: 'ISNUMBER(1)', result: true },
  ];
  ws.getCell('C5').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('C6').numFmt = 'yyyy-mm-dd hh:mm';
  // row 7: only styled, no value: blank; row 8: a value in a far column only
  ws.getCell('A7').numFmt = '@';
  ws.getCell('J8').value = 'far';
  ws.getCell('A9').value = 0.1 + 0.2;
  ws.getCell('B9').value = 123456789012345;
  ws.getCell('C9').value = 5.22427e17;
  const hidden = wb.addWorksheet('第二页');
  hidden.getCell('A1').value = 'second sheet';
  await wb.xlsx.writeFile(path);
}

describe('readXlsxRows', () => {
  it('reads a messy roster: title rows, merged title, blank rows, formulas, errors, dates, IDs', async () => {
    const path = tmp.file('roster.xlsx');
    await writeMessyRoster(path);
    const rows = await collect(readXlsxRows(path));
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 4, 5, 6, 8, 9]);
    expect(rows[0]).toEqual({ rowNo: 1, cells: ['XX大学2020届毕业生生源信息表'] }); // merged: master cell only
    expect(rows[1]?.cells).toEqual(['填报单位：学生处  填报日期：2020年6月']);
    expect(rows[2]?.cells).toEqual([
      '姓名',
      '身份证号',
      '出生日期',
      '在校',
      '合计',
      '查找',
      '备注',
      '入学日期',
    ]);
    expect(rows[3]?.cells).toEqual([
      '张三  ', // trailing spaces kept: trimming is the validator's job
      ID_TEXT, // an ID stored as text comes back intact
      '2000-01-01',
      'TRUE',
      '3', // formula → cached result
      '#DIV/0!', // formula error → its text
      '家庭困难 ', // rich text → plain text
      '2001-02-03', // a formula's date result with a date format
    ]);
    expect(rows[4]?.cells).toEqual([
      ' 李四',
      '522427200001011000',
      '1999-12-31 08:30:00',
      'FALSE',
      ' 李四x',
      '#N/A',
      'TRUE',
    ]);
    expect(rows[5]?.cells).toEqual(['', '', '', '', '', '', '', '', '', 'far']);
    expect(rows[6]?.cells).toEqual(['0.3', '123456789012345', '522427000000000000']);
  });

  it('returns an 18-digit ID stored as a number as digits ending in zeros, which the ID rules reject', async () => {
    const path = tmp.file('roster-ids.xlsx');
    await writeMessyRoster(path);
    const rows = await collect(readXlsxRows(path));
    const asNumber = rows[4]?.cells[1] as string;
    expect(asNumber).toMatch(/^\d{18}$/);
    expect(asNumber.endsWith('000')).toBe(true);
    expect(parseIdNumber(asNumber)).toEqual({ ok: false, error: 'excel_rounded' });
    expect(parseIdNumber(rows[3]?.cells[1] as string).ok).toBe(true);
  });

  it('reads the first visible worksheet in tab order, in a workbook streamed in place (not spooled)', async () => {
    const path = tmp.file('handmade.xlsx');
    await writeFile(path, handmadeWorkbook('styles-first'));
    const rows = await collect(readXlsxRows(path));
    expect(rows).toEqual([
      { rowNo: 2, cells: ['姓名', '出生日期', '备注'] },
      { rowNo: 3, cells: ['张三 ', '2000-01-01', '2000-01-02 12:00:00', '2000-01-03', '0.3'] },
      { rowNo: 4, cells: ['1'] }, // a <row> without r="" follows the one before
    ]);
  });

  it('still tells dates from numbers when styles.xml comes after the worksheet in the zip', async () => {
    const path = tmp.file('handmade-styles-last.xlsx');
    await writeFile(path, handmadeWorkbook('styles-last'));
    const rows = await collect(readXlsxRows(path));
    expect(rows[1]?.cells).toEqual(['张三 ', '2000-01-01', '2000-01-02 12:00:00', '2000-01-03', '0.3']);
  });

  it('reads every row of a workbook with stored (uncompressed) entries whose sheets are spooled', async () => {
    // unzipper ends the entry stream early here unless exceljs drains what is buffered (patched iterate-stream.js)
    for (const order of ['strings-last', 'styles-last'] as const) {
      const path = tmp.file(`handmade-stored-${order}.xlsx`);
      await writeFile(path, handmadeWorkbook(order, 'store'));
      const rows = await collect(readXlsxRows(path));
      expect(rows.map((r) => r.rowNo)).toEqual([2, 3, 4]);
      expect(rows[1]?.cells).toEqual(['张三 ', '2000-01-01', '2000-01-02 12:00:00', '2000-01-03', '0.3']);
    }
  });

  it('removes the temporary files exceljs spools sheets to, also when the caller stops early or never reads', async () => {
    const spool = await makeTempDir();
    const savedTmpDir = process.env.TMPDIR;
    process.env.TMPDIR = spool.dir; // where the tmp package (used by exceljs) puts its files
    const leftOver = async () => {
      // the tmp package removes its files asynchronously
      for (let i = 0; i < 100 && (await readdir(spool.dir)).length > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      return readdir(spool.dir);
    };
    try {
      const path = tmp.file('three-sheets.xlsx');
      const wb = new ExcelJS.Workbook();
      for (const name of ['一', '二', '三']) {
        const ws = wb.addWorksheet(name);
        for (let i = 1; i <= 2000; i++) ws.addRow([`${name}${i}`, i]);
      }
      await wb.xlsx.writeFile(path);

      const stopped = await openXlsx(path);
      expect(stopped.sheetName).toBe('一');
      expect((await readdir(spool.dir)).length).toBeGreaterThan(0); // Excel's zip order: sheets were spooled
      for await (const row of stopped.rows) if (row.rowNo === 5) break;
      expect(await leftOver()).toEqual([]);

      const neverRead = await openXlsx(path);
      await neverRead.close();
      expect(await leftOver()).toEqual([]);

      const rows = await collect(readXlsxRows(path));
      expect(rows.length).toBe(2000);
      expect(rows.at(-1)?.cells).toEqual(['一2000', '2000']);
      expect(await leftOver()).toEqual([]);
    } finally {
      if (savedTmpDir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpDir;
      await spool.remove();
    }
  });

  it('keeps long Chinese text intact across stream chunk boundaries (exceljs patch)', async () => {
    // 120 rows × 200 columns = 24,000 cells of 200 characters mixing 汉字, ASCII and a 4-byte character at
    // varying offsets, so that characters straddle the 16/64 KB chunk boundaries of the zip and file streams.
    const random = prng(20_200_601);
    const pool = '帮扶贵州威宁毕业生就业困难家庭建档立卡脱贫县学院专业研究生本科专科身份证号码户籍所在地𠀀';
    const ascii = 'abcdefghijklmnopqrstuvwxyz0123456789 -';
    const expected: string[][] = [];
    for (let r = 0; r < 120; r++) {
      const row: string[] = [];
      for (let c = 0; c < 200; c++) {
        let s = ascii.slice(0, (r * 7 + c) % 5);
        while (s.length < 200) {
          const chars = random() < 0.7 ? [...pool] : [...ascii];
          s += chars[Math.floor(random() * chars.length)];
        }
        row.push(s);
      }
      expected.push(row);
    }
    for (const useSharedStrings of [true, false]) {
      const path = tmp.file(`chinese-${useSharedStrings}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
      const ws = wb.addWorksheet('名单');
      for (const row of expected) ws.addRow(row).commit();
      ws.commit();
      await wb.commit();

      let rows = 0;
      let replaced = 0;
      let different = 0;
      for await (const row of readXlsxRows(path)) {
        const want = expected[row.rowNo - 1] ?? [];
        expect(row.cells.length).toBe(want.length);
        row.cells.forEach((cell, i) => {
          if (cell.includes('\uFFFD')) replaced++;
          if (cell !== want[i]) different++;
        });
        rows++;
      }
      expect({ useSharedStrings, rows, replaced, different }).toEqual({
        useSharedStrings,
        rows: 120,
        replaced: 0,
        different: 0,
      });
    }
  }, 20_000);
});

describe('cell values to text', () => {
  it('formats numbers as Excel shows them', () => {
    expect(numberText(42)).toBe('42');
    expect(numberText(-0)).toBe('0');
    expect(numberText(123456789012345)).toBe('123456789012345');
    expect(numberText(9007199254740991)).toBe('9007199254740991');
    expect(numberText(Number('522427200001011234'))).toBe('522427200001011000');
    expect(numberText(Number('-522427200001011234'))).toBe('-522427200001011000');
    expect(numberText(5.22427e17)).toBe('522427000000000000');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(85.5)).toBe('85.5');
    expect(numberText(Number.NaN)).toBe('');
  });

  it('handles exceljs value shapes', () => {
    expect(cellText(null, undefined, false)).toBe('');
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] }, undefined, false)).toBe('ab');
    expect(cellText({ error: '#REF!' }, undefined, false)).toBe('#REF!');
    expect(cellText({ sharedFormula: 'A1', result: 7 }, undefined, false)).toBe('7');
    expect(cellText({ formula: 'A1' }, undefined, false)).toBe('');
    expect(cellText({ text: '链接', hyperlink: 'http://x' }, undefined, false)).toBe('链接');
    expect(cellText(36526, 'yyyy"年"m"月"d"日"', false)).toBe('2000-01-01');
    expect(cellText(35064, 'yyyy-mm-dd', true)).toBe('2000-01-01'); // 1904 date system
    expect(cellText(0.75, 'h:mm', false)).toBe('18:00:00');
  });
});
