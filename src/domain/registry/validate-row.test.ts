import { describe, expect, it } from 'vitest';
import { computeCheckChar, makeIdNumber } from '../id-number.ts';
import { withRowNumber } from './messages.ts';
import type { TRosterRecord, TRowResult } from './schemas.ts';
import { type TRosterCells, validateRosterRow } from './validate-row.ts';

// 威宁: current code 520526, historical 522427 (still on many 2020 graduates' ID cards)
const COUNTIES: Record<string, string> = { '522427': '520526', '520526': '520526' };
const resolveCounty = (code: string) => COUNTIES[code] ?? null;
const ctx = { cohort: 2020, resolveCounty };

const ID = makeIdNumber('520526', '20000101', 123); // odd 17th digit: male
const row = (overrides: TRosterCells = {}): TRosterCells => ({
  name: '张三',
  idNumber: ID,
  level: '本科',
  ...overrides,
});
const check = (overrides: TRosterCells = {}) => validateRosterRow(row(overrides), ctx);
const codes = (r: TRowResult<unknown, string>) => (r.ok ? [] : r.errors.map((e) => [e.field, e.code]));

/** A valid number whose check character is X, to test the lower-case x. */
function idEndingInX(): string {
  for (let seq = 1; seq < 1000; seq++) {
    const first17 = `52052620000101${String(seq).padStart(3, '0')}`;
    if (computeCheckChar(first17) === 'X') return `${first17}X`;
  }
  throw new Error('unreachable');
}

describe('validateRosterRow: a clean row', () => {
  it('normalises every field; gender and birth date come from the ID number', () => {
    const result = check({
      name: ' 李 四 ',
      gender: '男',
      ethnicity: '彝族 ',
      birthDate: '2000/1/1',
      studentNo: '2016010123',
      college: ' 数学学院',
      className: '数学1601',
      majorCode: '070101',
      majorName: '数学与应用数学',
      level: '大学本科',
      domicileCode: '520526',
      domicileName: '贵州省威宁县',
      phone: '+86 138-1234-5678',
      difficultyCode: '2',
      universityCode: '10657',
      cohort: '2020',
    });
    expect(result).toEqual<TRowResult<TRosterRecord, string>>({
      ok: true,
      value: {
        name: '李四',
        idNumber: ID,
        gender: 'male',
        birthDate: '2000-01-01',
        level: '本科',
        domicileCode: '520526',
        domicileRawCode: '520526',
        domicileSource: 'cell',
        domicileName: '贵州省威宁县',
        phone: '13812345678',
        difficultyCode: '2',
        ethnicity: '彝族',
        studentNo: '2016010123',
        college: '数学学院',
        className: '数学1601',
        majorCode: '070101',
        majorName: '数学与应用数学',
        universityCode: '10657',
        cohort: 2020,
      },
      warnings: [],
    });
  });

  it('keeps the middle dot of minority names and unifies its look-alikes', () => {
    expect(check({ name: '阿依古丽•买买提' })).toMatchObject({
      ok: true,
      value: { name: '阿依古丽·买买提' },
    });
  });
});

describe('validateRosterRow: ID numbers as they arrive', () => {
  it('Excel scientific notation → id_excel_scientific, telling the user to format the column as text', () => {
    const result = check({ idNumber: '5.22427E+17' });
    expect(codes(result)).toEqual([['idNumber', 'id_excel_scientific']]);
    const error = result.ok ? undefined : result.errors[0];
    expect(error?.value).toBe('5.22427E+17');
    expect(error?.message.zh).toBe(
      '「身份证号」列：值“5.22427E+17”被 Excel 转成了科学计数法，原号码已丢失。请将该列设置为“文本”格式后重新录入。',
    );
    expect(error?.expected).toEqual({
      zh: '18位身份证号码（设置为文本格式）',
      en: '18-digit ID number (column formatted as text)',
    });
    expect(withRowNumber(error!.message, 12).zh).toMatch(/^第12行「身份证号」列：值“5\.22427E\+17”/);
    expect(withRowNumber(error!.message, 12).en).toMatch(
      /^Row 12, column "ID number": the value "5.22427E\+17"/,
    );
  });

  it('18 digits ending in 000 that fail the checksum → id_excel_rounded', () => {
    const result = check({ idNumber: '522427199805011000' });
    expect(codes(result)).toEqual([['idNumber', 'id_excel_rounded']]);
    expect(result.ok ? '' : result.errors[0]?.message.zh).toContain('请将该列设置为“文本”格式');
  });

  it('accepts a lower-case x', () => {
    const id = idEndingInX();
    expect(check({ idNumber: id.toLowerCase() })).toMatchObject({ ok: true, value: { idNumber: id } });
  });

  it('accepts full-width digits, spaces, an apostrophe prefix and the ="…" CSV trick', () => {
    const fullWidth = ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const idNumber of [
      fullWidth,
      ` ${ID.slice(0, 6)} ${ID.slice(6, 14)}\u3000${ID.slice(14)} `,
      `'${ID}`,
      `="${ID}"`,
    ]) {
      expect(check({ idNumber })).toMatchObject({ ok: true, value: { idNumber: ID } });
    }
  });

  it('converts a 15-digit legacy number and warns id_legacy_15', () => {
    const result = check({ idNumber: '520526800101001' });
    expect(result).toMatchObject({
      ok: true,
      value: { idNumber: makeIdNumber('520526', '19800101', 1), birthDate: '1980-01-01' },
    });
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['idNumber', 'id_legacy_15']]);
  });

  it('an impossible birth date → id_bad_birth_date, quoting the date', () => {
    const result = check({ idNumber: makeIdNumber('520526', '20000230', 1) });
    expect(codes(result)).toEqual([['idNumber', 'id_bad_birth_date']]);
    expect(result.ok ? '' : result.errors[0]?.message.zh).toContain('“20000230”');
  });

  it('a mistyped character → id_bad_checksum; wrong length → id_bad_format', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(codes(check({ idNumber: wrong }))).toEqual([['idNumber', 'id_bad_checksum']]);
    expect(codes(check({ idNumber: ID.slice(0, 16) }))).toEqual([['idNumber', 'id_bad_format']]);
  });

  it('an empty or missing ID column → required', () => {
    expect(codes(check({ idNumber: '  ' }))).toEqual([['idNumber', 'required']]);
    expect(codes(validateRosterRow({ name: '张三', level: '本科' }, ctx))).toEqual([
      ['idNumber', 'required'],
    ]);
  });
});

describe('validateRosterRow: domicile and historical county codes', () => {
  it('maps a historical code in the cell (522427 → 520526) and warns', () => {
    const result = check({ domicileCode: '522427' });
    expect(result).toMatchObject({
      ok: true,
      value: { domicileCode: '520526', domicileRawCode: '522427', domicileSource: 'cell' },
    });
    expect(result.warnings).toMatchObject([{ field: 'domicileCode', code: 'domicile_historical_code' }]);
    expect(result.warnings[0]?.message.zh).toBe(
      '「生源地代码」列：历史代码“522427”已换算为现行代码“520526”。',
    );
  });

  it('falls back to the ID prefix when the cell is empty, mapping a historical prefix', () => {
    const result = check({ idNumber: makeIdNumber('522427', '20000101', 123) });
    expect(result).toMatchObject({
      ok: true,
      value: { domicileCode: '520526', domicileRawCode: '522427', domicileSource: 'id_prefix' },
    });
    expect(result.warnings.map((w) => w.code)).toEqual(['domicile_historical_code']);
  });

  it('a code that is neither current nor historical → domicile_unknown', () => {
    expect(codes(check({ domicileCode: '999999' }))).toEqual([['domicileCode', 'domicile_unknown']]);
    expect(codes(check({ domicileCode: '威宁县' }))).toEqual([['domicileCode', 'domicile_unknown']]);
  });

  it('an unknown ID prefix with no cell leaves the domicile unknown, with a warning', () => {
    const result = check({ idNumber: makeIdNumber('110105', '20000101', 123) });
    expect(result).toMatchObject({ ok: true, value: { domicileCode: null, domicileRawCode: '110105' } });
    expect(result.warnings.map((w) => w.code)).toEqual(['domicile_unresolved']);
  });
});

describe('validateRosterRow: cells Excel or people broke', () => {
  it('a 1 MB cell → cell_too_long, quoting only its start and naming the limit', () => {
    const result = check({ majorName: '数'.repeat(1_000_000), name: 'x'.repeat(1001) });
    expect(codes(result)).toEqual([
      ['name', 'cell_too_long'],
      ['majorName', 'cell_too_long'],
    ]);
    const error = result.ok ? undefined : result.errors[1];
    expect(error?.value).toHaveLength(51);
    expect(error?.message.zh).toContain('1000000 个字符，超过上限 1000 个字符');
    expect(error?.expected.en).toBe('at most 1000 characters');
  });

  it.each(['#VALUE!', '#REF!', '#N/A', '#DIV/0!', '#NAME?'])(
    'formula error %s → formula_error only',
    (value) => {
      expect(codes(check({ idNumber: value }))).toEqual([['idNumber', 'formula_error']]);
      expect(codes(check({ level: value }))).toEqual([['level', 'formula_error']]);
    },
  );

  it('formula text instead of a value → formula_error', () => {
    const result = check({ phone: '=VLOOKUP(A2,Sheet2!A:B,2,0)' });
    expect(codes(result)).toEqual([['phone', 'formula_error']]);
    expect(result.ok ? '' : result.errors[0]?.message.zh).toContain('选择性粘贴');
  });

  it('a student number in scientific notation → excel_scientific', () => {
    expect(codes(check({ studentNo: '2.01601E+11' }))).toEqual([['studentNo', 'excel_scientific']]);
  });

  it('reports every bad cell of a row at once', () => {
    const result = check({ name: '', idNumber: '5.22427E+17', level: '中专', phone: '123' });
    expect(codes(result)).toEqual([
      ['name', 'required'],
      ['idNumber', 'id_excel_scientific'],
      ['level', 'level_invalid'],
      ['phone', 'phone_invalid'],
    ]);
  });
});
