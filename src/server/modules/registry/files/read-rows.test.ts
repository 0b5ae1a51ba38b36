import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileReadError, readRows } from './read-rows.ts';
import { collect, makeTempDir, makeZip, prng } from './test-helpers.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  tmp = await makeTempDir();
});
afterAll(async () => {
  await tmp.remove();
});

function randomBytes(n: number, seed = 7): Buffer {
  const r = prng(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
}

async function errorOf(promise: Promise<unknown>): Promise<FileReadError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileReadError);
  return err as FileReadError;
}

async function writeXlsx(path: string, rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

describe('readRows', () => {
  it('opens an XLSX and a CSV by their bytes and reports what it found', async () => {
    const xlsx = tmp.file('名单.xlsx');
    await writeXlsx(xlsx, [
      ['姓名', '身份证号'],
      ['张三', '522427200001011233'],
    ]);
    const x = await readRows(xlsx, '名单.xlsx');
    expect(x).toMatchObject({ kind: 'xlsx', sheetName: '名单' });
    expect(await collect(x.rows)).toEqual([
      { rowNo: 1, cells: ['姓名', '身份证号'] },
      { rowNo: 2, cells: ['张三', '522427200001011233'] },
    ]);

    // a GBK, tab-separated file saved with an .xls name by some system
    const csv = tmp.file('export.xls');
    await writeFile(csv, iconv.encode('姓名\t身份证号\r\n张三\t522427200001011233\r\n', 'gbk'));
    const c = await readRows(csv, 'export.xls');
    expect(c).toMatchObject({ kind: 'csv', encoding: 'gb18030', delimiter: '\t' });
    expect(await collect(c.rows)).toEqual([
      { rowNo: 1, cells: ['姓名', '身份证号'] },
      { rowNo: 2, cells: ['张三', '522427200001011233'] },
    ]);

    // an XLSX renamed .csv is still read as a workbook
    const renamed = tmp.file('renamed.csv');
    await writeFile(renamed, await readFile(xlsx));
    expect((await readRows(renamed, 'renamed.csv')).kind).toBe('xlsx');
  });

  it('empty_file: 0 bytes, or a text file of only a BOM and blank lines', async () => {
    const empty = tmp.file('empty.csv');
    await writeFile(empty, '');
    expect((await errorOf(readRows(empty, 'empty.csv'))).code).toBe('empty_file');
    const blank = tmp.file('blank.csv');
    await writeFile(blank, '\ufeff\r\n\r\n  \r\n');
    const err = await errorOf(readRows(blank, 'blank.csv'));
    expect(err.code).toBe('empty_file');
    expect(err.zh).toContain('空');
    expect(err.en).toContain('empty');
  });

  it('unsupported_type: legacy .xls, with advice to save as .xlsx', async () => {
    const path = tmp.file('old.xls');
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(4096)]),
    );
    const err = await errorOf(readRows(path, 'old.xls'));
    expect(err.code).toBe('unsupported_type');
    expect(err.zh).toContain('.xlsx');
    expect(err.en).toContain('save it as an Excel workbook (.xlsx)');
    expect(err.message).toBe(`${err.zh} / ${err.en}`);
  });

  it('unsupported_type: a PNG renamed .csv, a UTF-16 text file, an HTML table named .xls, a zip of other files', async () => {
    const cases: Array<[string, Buffer, string]> = [
      [
        'photo.csv',
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]),
        'PNG',
      ],
      ['unicode.txt', Buffer.from('\ufeff姓名\t身份证号\r\n', 'utf16le'), 'UTF-16'],
      ['export.xls', Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'HTML'],
      ['archive.xlsx', makeZip([{ name: 'roster.csv', data: Buffer.from('a,b\n') }]), 'ZIP'],
    ];
    for (const [name, bytes, mentioned] of cases) {
      const path = tmp.file(name);
      await writeFile(path, bytes);
      const err = await errorOf(readRows(path, name));
      expect({ name, code: err.code }).toEqual({ name, code: 'unsupported_type' });
      expect(err.en).toContain(mentioned);
      expect(err.zh).toMatch(/xlsx|CSV/);
    }
  });

  it('corrupt_file: random bytes named .xlsx, a ZIP header followed by garbage, a truncated workbook', async () => {
    const random = tmp.file('random.xlsx');
    await writeFile(random, randomBytes(20_000));
    expect((await errorOf(readRows(random, 'random.xlsx'))).code).toBe('corrupt_file');

    const pk = tmp.file('pk.xlsx');
    await writeFile(pk, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(20_000)]));
    expect((await errorOf(readRows(pk, 'pk.xlsx'))).code).toBe('corrupt_file');

    const whole = tmp.file('whole.xlsx');
    await writeXlsx(
      whole,
      Array.from({ length: 3000 }, (_, i) => [`学生${i}`, `5224272000010${String(i).padStart(5, '0')}`]),
    );
    const bytes = await readFile(whole);
    const truncated = tmp.file('truncated.xlsx');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    // fails when opening or part-way through the rows, never silently
    const err = await errorOf(readRows(truncated, 'truncated.xlsx').then((r) => collect(r.rows)));
    expect(err.code).toBe('corrupt_file');
  });

  it('file_too_large: checked before reading', async () => {
    const path = tmp.file('big.csv');
    await writeFile(path, 'a,b\n'.repeat(1000));
    const err = await errorOf(readRows(path, 'big.csv', { maxBytes: 1000 }));
    expect(err.code).toBe('file_too_large');
    expect(err.en).toMatch(/limit/);
    await expect(readRows(path, 'big.csv', { maxBytes: 4000 })).resolves.toMatchObject({ kind: 'csv' });
  });

  it('truncates and flags a 1 MB cell, in CSV and in XLSX', async () => {
    const huge = `${'长'.repeat(500_000)}${'x'.repeat(500_000)}`;
    const csv = tmp.file('huge.csv');
    await writeFile(csv, `姓名,备注\n张三,${huge}\n李四,短\n`);
    const fromCsv = await collect((await readRows(csv, 'huge.csv')).rows);
    const xlsx = tmp.file('huge.xlsx');
    await writeXlsx(xlsx, [
      ['姓名', '备注'],
      ['张三', huge],
      ['李四', '短'],
    ]);
    const fromXlsx = await collect((await readRows(xlsx, 'huge.xlsx')).rows);
    for (const rows of [fromCsv, fromXlsx]) {
      expect(rows[1]?.cellTooLong).toEqual([1]);
      expect(rows[1]?.cells[1]).toBe('长'.repeat(32_767));
      expect(rows[2]).toEqual({ rowNo: 3, cells: ['李四', '短'] });
    }
    const small = await collect((await readRows(csv, 'huge.csv', { maxCellChars: 10 })).rows);
    expect(small[1]).toEqual({ rowNo: 2, cells: ['张三', '长'.repeat(10)], cellTooLong: [1] });
  });

  it('close() releases a file whose rows are never read', async () => {
    const path = tmp.file('unread.xlsx');
    await writeXlsx(path, [['a']]);
    const x = await readRows(path, 'unread.xlsx');
    x.close();
    const csv = tmp.file('unread.csv');
    await writeFile(csv, 'a,b\n');
    const c = await readRows(csv, 'unread.csv');
    c.close();
  });
});
