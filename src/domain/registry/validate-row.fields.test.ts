import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number.ts';
import type { TRowResult } from './schemas.ts';
import { type TRosterCells, validateRegistryRow, validateRosterRow } from './validate-row.ts';

const COUNTIES: Record<string, string> = { '522427': '520526', '520526': '520526' };
const resolveCounty = (code: string) => COUNTIES[code] ?? null;
const ctx = { cohort: 2020, resolveCounty };

const ID = makeIdNumber('520526', '20000101', 123); // male
const FEMALE_ID = makeIdNumber('520526', '20000101', 124);
const check = (overrides: TRosterCells = {}, c = ctx) =>
  validateRosterRow({ name: '张三', idNumber: ID, level: '本科', ...overrides }, c);
const codes = (r: TRowResult<unknown, string>) => (r.ok ? [] : r.errors.map((e) => [e.field, e.code]));

describe('gender', () => {
  it.each(['男', '男性', 'M', 'm', 'male', 'Male', '1'])('accepts %s for a male ID', (gender) => {
    expect(check({ gender })).toMatchObject({ ok: true, value: { gender: 'male' } });
  });

  it.each(['女', 'F', 'female', '2'])('accepts %s for a female ID', (gender) => {
    expect(check({ gender, idNumber: FEMALE_ID })).toMatchObject({ ok: true, value: { gender: 'female' } });
  });

  it('a gender that contradicts the 17th digit → gender_mismatch, naming what the ID says', () => {
    const result = check({ gender: '女' });
    expect(codes(result)).toEqual([['gender', 'gender_mismatch']]);
    expect(result.ok ? '' : result.errors[0]?.message.zh).toBe(
      '「性别」列：填写的“女”与身份证号第17位表示的性别（男）不一致。',
    );
  });

  it('an unreadable gender → gender_invalid', () => {
    expect(codes(check({ gender: '未知' }))).toEqual([['gender', 'gender_invalid']]);
  });
});

describe('level', () => {
  it.each([
    ['研究生', '研究生'],
    ['硕士', '研究生'],
    ['博士', '研究生'],
    ['硕士研究生', '研究生'],
    ['博士研究生', '研究生'],
    ['本科', '本科'],
    ['大学本科', '本科'],
    ['专科', '专科'],
    ['大专', '专科'],
    ['高职', '专科'],
    ['高职(专科)', '专科'],
    ['高职（专科）', '专科'],
  ])('%s → %s', (level, expected) => {
    expect(check({ level })).toMatchObject({ ok: true, value: { level: expected } });
  });

  it('anything else → level_invalid, naming the three values', () => {
    const result = check({ level: '中专' });
    expect(codes(result)).toEqual([['level', 'level_invalid']]);
    const error = result.ok ? undefined : result.errors[0];
    expect(error?.message.zh).toContain('只能是研究生、本科或专科');
    expect(error?.expected.zh).toBe('研究生、本科或专科');
  });

  it('an empty level → required', () => {
    expect(codes(check({ level: '' }))).toEqual([['level', 'required']]);
  });
});

describe('birth date', () => {
  it.each([
    '2000-01-01',
    '2000/1/1',
    '2000.1.1',
    '20000101',
    '2000年1月1日',
    '36526',
    '2000-01-01T00:00:00.000Z',
  ])('accepts %s for an ID born 2000-01-01', (birthDate) => {
    expect(check({ birthDate })).toMatchObject({ ok: true, value: { birthDate: '2000-01-01' } });
  });

  it('accepts a year-month 出生年月 that agrees with the ID', () => {
    expect(check({ birthDate: '2000.01' })).toMatchObject({ ok: true });
    expect(check({ birthDate: '2000年1月' })).toMatchObject({ ok: true });
  });

  it('a date that differs from the ID → birth_date_mismatch; an unreadable one → birth_date_invalid', () => {
    expect(codes(check({ birthDate: '2000-01-02' }))).toEqual([['birthDate', 'birth_date_mismatch']]);
    expect(codes(check({ birthDate: '36527' }))).toEqual([['birthDate', 'birth_date_mismatch']]);
    expect(codes(check({ birthDate: '2000-02-30' }))).toEqual([['birthDate', 'birth_date_invalid']]);
    expect(codes(check({ birthDate: '一月一日' }))).toEqual([['birthDate', 'birth_date_invalid']]);
  });
});

describe('phone, difficulty, university, cohort', () => {
  it.each(['13812345678', '138 1234 5678', '138-1234-5678', '+86 13812345678', '8613812345678'])(
    'phone %s → 13812345678',
    (phone) => {
      expect(check({ phone })).toMatchObject({ ok: true, value: { phone: '13812345678' } });
    },
  );

  it.each(['12812345678', '1381234567', '0851-8888888', '1.38123E+10', '13812345678/13912345678'])(
    'phone %s → phone_invalid',
    (phone) => {
      expect(codes(check({ phone }))).toEqual([['phone', 'phone_invalid']]);
    },
  );

  it('difficulty codes 0–7, also by name → the code; anything else → difficulty_invalid', () => {
    for (const code of ['0', '1', '2', '3', '4', '5', '6', '7']) {
      expect(check({ difficultyCode: code })).toMatchObject({ ok: true, value: { difficultyCode: code } });
    }
    expect(check({ difficultyCode: '2-家庭困难' })).toMatchObject({ value: { difficultyCode: '2' } });
    expect(check({ difficultyCode: '家庭困难' })).toMatchObject({ value: { difficultyCode: '2' } });
    for (const difficultyCode of ['8', '-1', '2-残疾', '困难']) {
      expect(codes(check({ difficultyCode }))).toEqual([['difficultyCode', 'difficulty_invalid']]);
    }
  });

  it('a university code outside the known set → university_unknown', () => {
    const known = { ...ctx, knownUniversityCodes: new Set(['10657']) };
    expect(check({ universityCode: '10657' }, known)).toMatchObject({ ok: true });
    expect(codes(check({ universityCode: '10001' }, known))).toEqual([
      ['universityCode', 'university_unknown'],
    ]);
    // without a known set, the form is still checked
    expect(codes(check({ universityCode: '1065' }))).toEqual([['universityCode', 'university_unknown']]);
  });

  it('a cohort cell must agree with the upload', () => {
    expect(check({ cohort: '2020届' })).toMatchObject({ ok: true, value: { cohort: 2020 } });
    expect(codes(check({ cohort: '2019' }))).toEqual([['cohort', 'cohort_mismatch']]);
    expect(codes(check({ cohort: '二〇二〇' }))).toEqual([['cohort', 'cohort_invalid']]);
  });
});

describe('validateRegistryRow', () => {
  const registry = (cells: Parameters<typeof validateRegistryRow>[0]) =>
    validateRegistryRow(cells, { resolveCounty });

  it('normalises a row; the county maps from a historical code', () => {
    const result = registry({
      name: '王 五',
      idNumber: ` ${ID.toLowerCase()} `,
      countyCode: '522427',
      countyName: '威宁县',
      householdRef: '5224270101010001',
      exitYear: '2019年',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: '王五',
        idNumber: ID,
        countyCode: '520526',
        countyRawCode: '522427',
        countySource: 'cell',
        countyName: '威宁县',
        householdRef: '5224270101010001',
        exitYear: 2019,
      },
      warnings: [expect.objectContaining({ field: 'countyCode', code: 'county_historical_code' })],
    });
  });

  it('needs only the ID number; the county falls back to its prefix', () => {
    expect(registry({ idNumber: makeIdNumber('522427', '19990101', 1) })).toMatchObject({
      ok: true,
      value: { name: null, countyCode: '520526', countyRawCode: '522427', countySource: 'id_prefix' },
    });
  });

  it('reports the registry-specific errors', () => {
    expect(codes(registry({ name: '张三' }))).toEqual([['idNumber', 'required']]);
    expect(codes(registry({ idNumber: '5.22427E+17' }))).toEqual([['idNumber', 'id_excel_scientific']]);
    expect(codes(registry({ idNumber: ID, countyCode: '123456' }))).toEqual([
      ['countyCode', 'county_unknown'],
    ]);
    expect(codes(registry({ idNumber: ID, householdRef: '5.22427E+15' }))).toEqual([
      ['householdRef', 'excel_scientific'],
    ]);
    expect(codes(registry({ idNumber: ID, exitYear: '去年' }))).toEqual([['exitYear', 'exit_year_invalid']]);
    expect(codes(registry({ idNumber: '#N/A' }))).toEqual([['idNumber', 'formula_error']]);
  });
});
