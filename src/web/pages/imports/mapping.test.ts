import { describe, expect, it } from 'vitest';
import {
  cleanMapping,
  columnCount,
  columnIndex,
  columnLabel,
  columnLetter,
  fieldLabel,
  mappingDiff,
  missingRequired,
  pickBilingual,
  pickServerText,
  sharedColumns,
} from './mapping.ts';

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i ⇄ %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  it('refuses what is not a column', () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(columnIndex('')).toBeUndefined();
    expect(columnIndex('A1')).toBeUndefined();
    expect(columnIndex('姓名')).toBeUndefined();
  });

  it('labels a column with its header cell when there is one', () => {
    const headers = ['姓名', ' ', '身份证号码'];
    expect(columnLabel(0, headers)).toBe('A · 姓名');
    expect(columnLabel(1, headers)).toBe('B');
    expect(columnLabel(2, headers)).toBe('C · 身份证号码');
    expect(columnLabel(5, headers)).toBe('F');
    expect(columnLabel(3, null)).toBe('D');
  });

  it('offers the header width, or 30 columns without a header, and always the mapped ones', () => {
    expect(columnCount(['a', 'b'])).toBe(2);
    expect(columnCount(null)).toBe(30);
    expect(columnCount([])).toBe(30);
    expect(columnCount(['a'], { name: 4 })).toBe(5);
  });
});

describe('mapping diff', () => {
  const original = { name: 0, idNumber: 1, level: 3 };

  it('is empty for the same mapping', () => {
    expect(mappingDiff('roster', original, { level: 3, idNumber: 1, name: 0 })).toEqual([]);
  });

  it('lists added, moved and removed fields in template order', () => {
    expect(mappingDiff('roster', original, { name: 0, idNumber: 2, majorName: 6 })).toEqual([
      { field: 'idNumber', from: 1, to: 2 },
      { field: 'majorName', from: undefined, to: 6 },
      { field: 'level', from: 3, to: undefined },
    ]);
  });

  it('treats a missing original (header not found) as empty', () => {
    expect(mappingDiff('registry', null, { idNumber: 0 })).toEqual([
      { field: 'idNumber', from: undefined, to: 0 },
    ]);
  });

  it('keeps fields this client does not know', () => {
    expect(mappingDiff('registry', { idNumber: 0, future: 3 }, { idNumber: 0 })).toEqual([
      { field: 'future', from: 3, to: undefined },
    ]);
  });

  it('drops unset entries before comparing', () => {
    expect(cleanMapping({ name: 0, idNumber: undefined, level: null, gender: -1, college: 2 })).toEqual({
      name: 0,
      college: 2,
    });
  });
});

describe('mapping checks', () => {
  it('names the required fields left unmapped', () => {
    expect(missingRequired('roster', { name: 0 })).toEqual(['idNumber', 'level']);
    expect(missingRequired('roster', { name: 0, idNumber: 1, level: 2 })).toEqual([]);
    expect(missingRequired('registry', {})).toEqual(['idNumber']);
  });

  it('finds columns read by more than one field', () => {
    expect([...sharedColumns({ name: 0, idNumber: 1, college: 1, className: 1 })]).toEqual([
      [1, ['idNumber', 'college', 'className']],
    ]);
    expect(sharedColumns({ name: 0, idNumber: 1 }).size).toBe(0);
  });
});

describe('bilingual text', () => {
  it('labels fields in the reader language', () => {
    expect(fieldLabel('roster', 'idNumber', 'zh-CN')).toBe('身份证号');
    expect(fieldLabel('roster', 'idNumber', 'en-US')).toBe('ID number');
    expect(fieldLabel('registry', 'householdRef', 'en-US')).toBe('Household number');
    expect(fieldLabel('roster', 'nope', 'en-US')).toBe('nope');
  });

  it('picks a half of a pair or of a server message', () => {
    expect(pickBilingual({ zh: '男', en: 'male' }, 'en-US')).toBe('male');
    expect(pickBilingual(undefined, 'en-US')).toBe('');
    const failure =
      '未找到表头行：前10行中没有可识别的列名 / No header row in the first 10 rows (e.g. a / b)';
    expect(pickServerText(failure, 'zh-CN')).toBe('未找到表头行：前10行中没有可识别的列名');
    expect(pickServerText(failure, 'en-US')).toBe('No header row in the first 10 rows (e.g. a / b)');
    expect(pickServerText('plain', 'en-US')).toBe('plain');
  });
});
