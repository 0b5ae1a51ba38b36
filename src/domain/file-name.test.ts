import { describe, expect, it } from 'vitest';
import { cleanFileName, MAX_FILE_NAME_CHARS } from './file-name.ts';

describe('cleanFileName', () => {
  it('strips bidi overrides, embeddings and isolates, so a name cannot display a false extension', () => {
    expect(cleanFileName('probe\u202egpj.pdf')).toBe('probegpj.pdf');
    expect(cleanFileName('a\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cb.pdf')).toBe(
      'ab.pdf',
    );
  });

  it('strips control characters (C0, DEL, C1), zero-width characters, the BOM and line separators', () => {
    expect(cleanFileName('of\u0000fer\u0007\u001b[31m.pdf')).toBe('offer[31m.pdf');
    expect(cleanFileName('a\u007f\u0085\u009bb.png')).toBe('ab.png');
    expect(cleanFileName('\ufeffa\u200b\u200c\u200d\u2060b\u2028\u2029.jpg')).toBe('ab.jpg');
    expect(cleanFileName('line\r\nbreak.pdf')).toBe('linebreak.pdf');
  });

  it('keeps Chinese, spaces and punctuation, drops directories and trims', () => {
    expect(cleanFileName('  C:\\Users\\张三\\录用通知 (2020).pdf ')).toBe('录用通知 (2020).pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('keeps the end of a long name, never splitting a character, and names an empty result `file`', () => {
    const long = `${'𠀀'.repeat(200)}.pdf`;
    const clean = cleanFileName(long);
    expect(clean).toBe(`${'𠀀'.repeat(MAX_FILE_NAME_CHARS - 4)}.pdf`);
    expect(cleanFileName('\u202e\u0000 ')).toBe('file');
  });
});
