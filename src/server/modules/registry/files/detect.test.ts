import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectFileKind, detectTextEncoding, sniffFile } from './detect.ts';
import { makeZip, prng } from './test-helpers.ts';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

function randomBytes(n: number, seed = 1): Buffer {
  const r = prng(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
}

describe('detectFileKind', () => {
  it('goes by the bytes, not the extension', () => {
    const zip = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }]);
    expect(detectFileKind(zip, 'roster.xlsx')).toBe('xlsx');
    expect(detectFileKind(zip, 'roster.csv')).toBe('xlsx');
    expect(detectFileKind(OLE, 'roster.xls')).toBe('xls');
    expect(detectFileKind(OLE, 'roster.xlsx')).toBe('xls'); // a password-protected .xlsx is an OLE file too
    expect(detectFileKind(Buffer.from('姓名,身份证号\n张三,1\n'), 'roster.xls')).toBe('csv');
    expect(detectFileKind(iconv.encode('姓名\t身份证号\n', 'gbk'), 'roster.txt')).toBe('csv');
    expect(detectFileKind(PNG, 'roster.csv')).toBe('unknown');
    expect(detectFileKind(randomBytes(5000), 'roster.csv')).toBe('unknown');
    expect(detectFileKind(Buffer.alloc(0), 'roster.csv')).toBe('unknown');
  });

  it('says what an unreadable file looks like', () => {
    expect(sniffFile(PNG, 'a.csv').looksLike).toBe('png');
    expect(sniffFile(Buffer.from('%PDF-1.7\n'), 'a.xlsx').looksLike).toBe('pdf');
    expect(sniffFile(randomBytes(5000), 'a.xlsx').looksLike).toBe('damaged-spreadsheet');
    expect(sniffFile(randomBytes(5000), 'a.dat').looksLike).toBe('binary');
    expect(sniffFile(Buffer.from('\ufeff姓名\t身份证号', 'utf16le'), 'a.txt').looksLike).toBe('utf-16');
    expect(
      sniffFile(Buffer.from('<html><table><tr><td>姓名</td></tr></table></html>'), 'a.xls').looksLike,
    ).toBe('html');
    expect(sniffFile(Buffer.from('<?xml version="1.0"?>\n<Workbook>'), 'a.xls').looksLike).toBe('xml');
    const ods = makeZip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
    ]);
    expect(sniffFile(ods, 'a.ods').looksLike).toBe('ods');
  });
});

describe('detectTextEncoding', () => {
  const text = '姓名,身份证号码,生源所在地\n张三,522427200001011233,贵州省毕节市威宁彝族回族苗族自治县\n';

  it('tells UTF-8 with and without BOM from GBK and GB18030', () => {
    expect(detectTextEncoding(Buffer.from(text))).toBe('utf-8');
    expect(detectTextEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      'utf-8-bom',
    );
    expect(detectTextEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030');
    expect(detectTextEncoding(iconv.encode(`${text}𠀀`, 'gb18030'))).toBe('gb18030');
    expect(detectTextEncoding(Buffer.from('plain,ascii\n'))).toBe('utf-8');
  });

  it('does not mistake a sample cut in the middle of a character for invalid UTF-8', () => {
    const bytes = Buffer.from(`${text}𠀀`);
    for (let cut = bytes.length - 8; cut <= bytes.length; cut++) {
      expect(detectTextEncoding(bytes.subarray(0, cut))).toBe('utf-8');
    }
  });

  it('still calls invalid UTF-8 in the middle of a sample GB18030', () => {
    const gbk = iconv.encode('张三', 'gbk');
    expect(detectTextEncoding(Buffer.concat([Buffer.from('abc,'), gbk, Buffer.from(',def')]))).toBe(
      'gb18030',
    );
  });
});
