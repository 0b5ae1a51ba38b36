import { describe, expect, it } from 'vitest';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { latestLeftCohort } from '../../../domain/ledger/cohort.ts';
import {
  batchActions,
  checkUploadFile,
  cohortYears,
  DEFAULT_COHORT,
  estimateParsePercent,
  formatBytes,
  listUniversities,
  needsUniversityPick,
  uploadableKinds,
} from './import-model.ts';

describe('who uploads what', () => {
  it('offers rosters to universities and provinces, the registry to poverty offices', () => {
    expect(uploadableKinds(['university_admin'])).toEqual(['roster']);
    expect(uploadableKinds(['province_education'])).toEqual(['roster']);
    expect(uploadableKinds(['poverty_office'])).toEqual(['registry']);
    expect(uploadableKinds(['province_hrss'])).toEqual([]);
    expect(uploadableKinds(['university_admin', 'poverty_office'])).toEqual(['roster', 'registry']);
  });

  it('asks a province, not a university, for the university', () => {
    expect(needsUniversityPick(['province_education'], 'roster')).toBe(true);
    expect(needsUniversityPick(['university_admin'], 'roster')).toBe(false);
    expect(needsUniversityPick(['province_education'], 'registry')).toBe(false);
  });
});

describe('checkUploadFile', () => {
  it('accepts .xlsx and .csv up to 100 MB', () => {
    expect(checkUploadFile({ name: '名单.XLSX', size: 10 })).toBeUndefined();
    expect(checkUploadFile({ name: 'a.csv', size: 100 * 1024 * 1024 })).toBeUndefined();
  });

  it('names the problem', () => {
    expect(checkUploadFile({ name: 'a.xls', size: 10 })).toBe('fileType');
    expect(checkUploadFile({ name: 'a.csv', size: 100 * 1024 * 1024 + 1 })).toBe('fileTooLarge');
    expect(checkUploadFile({ name: 'a.csv', size: 0 })).toBe('fileEmpty');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [3 * 1024 ** 3, '3 GB'],
  ])('%i → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

const org = (
  id: string,
  kind: TOrgNode['kind'],
  name: string,
  regionCode: string | null,
  children: TOrgNode[] = [],
) => ({ id, code: `C-${id}`, kind, name, regionCode, moeCode: null, children }) satisfies TOrgNode;

describe('listUniversities', () => {
  const tree = [
    org('moe', 'ministry', '教育部', null, [
      org('u2', 'university', '贵州师范大学', '520100', []),
      org('u1', 'university', '贵州大学', '520100', [org('c1', 'college', '农学院', '520100')]),
      org('u3', 'university', '四川大学', '510100', []),
    ]),
    org('e1', 'employer', '公司', '520100'),
  ];

  it('finds universities anywhere in the tree with their colleges', () => {
    const all = listUniversities(tree);
    expect(all.map((u) => u.id).sort()).toEqual(['u1', 'u2', 'u3']);
    expect(all.find((u) => u.id === 'u1')?.colleges).toEqual([{ id: 'c1', code: 'C-c1', name: '农学院' }]);
  });

  it('keeps a province to its own universities', () => {
    expect(
      listUniversities(tree, '520000')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['u1', 'u2']);
  });
});

describe('batchActions', () => {
  it('offers commit only with valid rows, revert only once committed', () => {
    expect(batchActions({ status: 'staged', counts: { valid: 0, errors: 3 } })).toMatchObject({
      commit: true,
      canCommit: false,
      discard: true,
      revert: false,
      errorWorkbook: true,
    });
    expect(batchActions({ status: 'committed', counts: { valid: 5, errors: 0 } })).toMatchObject({
      commit: false,
      discard: false,
      revert: true,
      remap: false,
      errorWorkbook: false,
    });
    expect(batchActions({ status: 'failed', counts: {} })).toMatchObject({ remap: true, discard: true });
  });
});

describe('estimateParsePercent', () => {
  it('estimates from the file size and never claims to be done', () => {
    expect(estimateParsePercent({ fileName: 'a.csv', fileSize: 100_000, progress: 500 })).toBe(50);
    expect(estimateParsePercent({ fileName: 'a.csv', fileSize: 100_000, progress: 5000 })).toBe(95);
    expect(estimateParsePercent({ fileName: 'a.xlsx', fileSize: 35_000, progress: 0 })).toBe(0);
    expect(estimateParsePercent({ fileName: 'a.csv', fileSize: 0, progress: 0 })).toBe(0);
  });
});

describe('cohortYears', () => {
  it('offers next year down to ten years back, newest first, with 2020 always there', () => {
    expect(cohortYears(2020)).toEqual([2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014, 2013, 2012, 2011]);
    expect(cohortYears(2040).at(-1)).toBe(2020);
    expect(cohortYears(2040)[0]).toBe(2041);
  });

  it('starts forms on the latest cohort that has left school, which is always on offer', () => {
    expect(DEFAULT_COHORT).toBe(latestLeftCohort(new Date()));
    expect(cohortYears(new Date().getFullYear())).toContain(DEFAULT_COHORT);
  });
});
