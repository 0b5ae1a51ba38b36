import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileReadError } from './common.ts';
import { openCsv, readCsvRows, sniffCsvEncoding, sniffDelimiter } from './read-csv.ts';
import { collect, makeTempDir } from './test-helpers.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  tmp = await makeTempDir();
});
afterAll(async () => {
  await tmp.remove();
});

/** A roster as exported by Excel or WPS: a title line, a blank line, a header, data with trailing spaces. */
const ROSTER = [
  'XX大学2020届毕业生生源信息表',
  '',
  '姓名,身份证号码,生源所在地,学历层次,备注',
  '张三  ,522427200001011233,贵州省毕节市威宁县,本科,"家庭困难,建档立卡"',
  '李四,52242720000101124X,贵州省毕节市威宁县,研究生,"多行',
  '备注"',
  ',,,,',
  '王五,522427200001011258,贵州省毕节市威宁县,专科,',
].join('\r\n');

const EXPECTED = [
  { rowNo: 1, cells: ['XX大学2020届毕业生生源信息表'] },
  // row 2 is blank: skipped, numbering kept
  { rowNo: 3, cells: ['姓名', '身份证号码', '生源所在地', '学历层次', '备注'] },
  { rowNo: 4, cells: ['张三  ', '522427200001011233', '贵州省毕节市威宁县', '本科', '家庭困难,建档立卡'] },
  // a quoted cell with a line break is one record, shown by Excel as one row
  { rowNo: 5, cells: ['李四', '52242720000101124X', '贵州省毕节市威宁县', '研究生', '多行\r\n备注'] },
  // row 6 has only separators: blank; trailing empty cells are dropped
  { rowNo: 7, cells: ['王五', '522427200001011258', '贵州省毕节市威宁县', '专科'] },
];

describe('readCsvRows', () => {
  const variants: Array<[string, Buffer, string]> = [
    ['UTF-8', Buffer.from(ROSTER, 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROSTER, 'utf8')]),
      'utf-8-bom',
    ],
    ['GBK', iconv.encode(ROSTER, 'gbk'), 'gb18030'],
    ['GB18030', iconv.encode(ROSTER, 'gb18030'), 'gb18030'],
  ];
  for (const [name, bytes, encoding] of variants) {
    it(`reads ${name} identically`, async () => {
      const path = tmp.file(`roster-${name}.csv`);
      await writeFile(path, bytes);
      expect(await sniffCsvEncoding(path)).toBe(encoding);
      expect(await collect(readCsvRows(path))).toEqual(EXPECTED);
      // and with chunk boundaries falling inside characters and CRLFs
      expect(await collect(readCsvRows(path, { highWaterMark: 7 }))).toEqual(EXPECTED);
    });
  }

  it('reads characters that only GB18030 (not GBK) has', async () => {
    const text = '姓名,备注\n𠀀䶮,㐀\n';
    const path = tmp.file('gb18030-only.csv');
    await writeFile(path, iconv.encode(text, 'gb18030'));
    expect(await collect(readCsvRows(path, { highWaterMark: 5 }))).toEqual([
      { rowNo: 1, cells: ['姓名', '备注'] },
      { rowNo: 2, cells: ['𠀀䶮', '㐀'] },
    ]);
  });

  it('detects GBK when the first 64 KB are plain ASCII', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `${i},abcdefghijklmnop`).join('\n');
    const path = tmp.file('late-chinese.csv');
    await writeFile(path, iconv.encode(`id,name\n${ascii}\n3000,张三\n`, 'gbk'));
    expect(await sniffCsvEncoding(path)).toBe('gb18030');
    const rows = await collect(readCsvRows(path));
    expect(rows.at(-1)).toEqual({ rowNo: 3002, cells: ['3000', '张三'] });
  });

  it('accepts tab- and semicolon-separated files, with a title line above the header', async () => {
    const tsv = tmp.file('roster.txt');
    await writeFile(tsv, '毕业生名单（2020届）\n姓名\t身份证号\t备注\n张三\t522427200001011233\t有,逗号\n');
    const t = await openCsv(tsv);
    expect(t.delimiter).toBe('\t');
    expect(await collect(t.rows)).toEqual([
      { rowNo: 1, cells: ['毕业生名单（2020届）'] },
      { rowNo: 2, cells: ['姓名', '身份证号', '备注'] },
      { rowNo: 3, cells: ['张三', '522427200001011233', '有,逗号'] },
    ]);
    const ssv = tmp.file('roster-semicolon.csv');
    await writeFile(ssv, '姓名;身份证号\n张三;522427200001011233\n');
    expect(await collect(readCsvRows(ssv))).toEqual([
      { rowNo: 1, cells: ['姓名', '身份证号'] },
      { rowNo: 2, cells: ['张三', '522427200001011233'] },
    ]);
  });

  it('sniffs the separator from the line that has most of them', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(sniffDelimiter('title, with comma\na\tb\tc\td')).toBe('\t');
    expect(sniffDelimiter('"a;b";c,d,e')).toBe(',');
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('one column')).toBe(',');
  });

  it('keeps quotes inside unquoted cells, and handles LF, CRLF and CR line ends', async () => {
    const path = tmp.file('quotes.csv');
    await writeFile(path, 'a,b\n5"8,x\r\n"q""uoted",y\rlast,z');
    expect(await collect(readCsvRows(path))).toEqual([
      { rowNo: 1, cells: ['a', 'b'] },
      { rowNo: 2, cells: ['5"8', 'x'] },
      { rowNo: 3, cells: ['q"uoted', 'y'] },
      { rowNo: 4, cells: ['last', 'z'] },
    ]);
  });

  it('refuses an unbalanced quote that swallows the rest of the file, naming the row', async () => {
    const path = tmp.file('unbalanced.csv');
    const body = Array.from({ length: 2000 }, (_, i) => `name${i},${'x'.repeat(40)}`).join('\n');
    await writeFile(path, `a,b\nok,1\n"broken,2\n${body}\n`);
    const err = await collect(readCsvRows(path, { maxRecordBytes: 10_000, maxCellChars: 100 })).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(FileReadError);
    expect(err).toMatchObject({ code: 'corrupt_file', rowNo: 3 });
  });

  it('refuses a quote still open at the end of the file', async () => {
    const path = tmp.file('open-quote.csv');
    await writeFile(path, 'a,b\n\n"x,1\n');
    await expect(collect(readCsvRows(path))).rejects.toMatchObject({ code: 'corrupt_file', rowNo: 3 });
  });

  it('streams a 50,000-row file without reading it whole', async () => {
    const path = tmp.file('big.csv');
    const lines = ['姓名,身份证号码,生源所在地,学历层次,专业'];
    for (let i = 0; i < 50_000; i++) {
      lines.push(
        `学生${i},5224272000010${String(i).padStart(5, '0')},贵州省毕节市威宁彝族回族苗族自治县,本科,计算机科学与技术`,
      );
    }
    const text = `${lines.join('\r\n')}\r\n`;
    await writeFile(path, iconv.encode(text, 'gbk'));
    const size = Buffer.byteLength(iconv.encode(text, 'gbk'));

    const opened = await openCsv(path);
    expect(opened.encoding).toBe('gb18030');
    let count = 0;
    let last = 0;
    let readAtFirstRow = -1;
    let readAtMiddleRow = -1;
    for await (const row of opened.rows) {
      if (readAtFirstRow < 0) readAtFirstRow = opened.bytesRead();
      if (row.rowNo === 25_000) readAtMiddleRow = opened.bytesRead();
      count++;
      last = row.rowNo;
    }
    expect(count).toBe(50_001);
    expect(last).toBe(50_001);
    // the file is read as the rows are consumed: a few chunks ahead, never the whole file up front
    // (heap figures are too noisy without --expose-gc to assert on)
    expect(readAtFirstRow).toBeLessThan(size / 10);
    expect(readAtMiddleRow).toBeGreaterThan(size * 0.4);
    expect(readAtMiddleRow).toBeLessThan(size * 0.6);
    expect(opened.bytesRead()).toBe(size);
  });

  it('stops reading and releases the file when the caller breaks out', async () => {
    const path = tmp.file('break.csv');
    await writeFile(path, Array.from({ length: 20_000 }, (_, i) => `r${i},x`).join('\n'));
    const opened = await openCsv(path, { highWaterMark: 1024 });
    for await (const row of opened.rows) if (row.rowNo === 10) break;
    expect(opened.bytesRead()).toBeLessThan(64 * 1024);
  });
});
