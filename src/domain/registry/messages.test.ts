import { describe, expect, it } from 'vitest';
import { describeError, describeWarning, previewValue, withRowNumber } from './messages.ts';
import { CELL_ERROR_CODES, CELL_WARNING_CODES } from './schemas.ts';

const label = { zh: '身份证号', en: 'ID number' };
const expected = {
  zh: '18位身份证号码（设置为文本格式）',
  en: '18-digit ID number (column formatted as text)',
};

// every parameter some template uses; a template that reads anything else prints "undefined"
const ALL_PARAMS = {
  firstRow: 2,
  length: 2000,
  birth: '20000230',
  idGenderZh: '男',
  idGenderEn: 'male',
  idBirth: '2000-01-01',
  cohort: 2020,
};

describe('messages', () => {
  it('every error and warning code has a zh and an en text naming the column', () => {
    for (const code of CELL_ERROR_CODES) {
      const { message } = describeError(code, { label, value: 'v', ...ALL_PARAMS }, expected);
      expect(message.zh).toMatch(/^「身份证号」列：.+/);
      expect(message.en).toMatch(/^Column "ID number": .+/);
      expect(`${message.zh}${message.en}`).not.toContain('undefined');
    }
    for (const code of CELL_WARNING_CODES) {
      const message = describeWarning(code, {
        label,
        value: 'v',
        from: '522427',
        to: '520526',
        converted: 'c',
      });
      expect(message.zh).toMatch(/^「身份证号」列：.+/);
      expect(`${message.zh}${message.en}`).not.toContain('undefined');
    }
  });

  it('uses the field’s expected form unless the cell itself is the problem', () => {
    expect(describeError('id_bad_format', { label, value: '1' }, expected).expected).toBe(expected);
    expect(describeError('cell_too_long', { label, value: '1', length: 2000 }, expected).expected.zh).toBe(
      '不超过 1000 个字符',
    );
  });

  it('prefixes the row number in both languages', () => {
    const { message } = describeError('required', { label, value: '' }, expected);
    expect(withRowNumber(message, 7)).toEqual({
      zh: '第7行「身份证号」列：此项必填，但单元格为空。',
      en: 'Row 7, column "ID number": this column is required but the cell is empty.',
    });
  });

  it('shortens long values to 50 characters', () => {
    expect(previewValue('a'.repeat(50))).toBe('a'.repeat(50));
    expect(previewValue('数'.repeat(1_000_000))).toBe(`${'数'.repeat(50)}…`);
  });
});
