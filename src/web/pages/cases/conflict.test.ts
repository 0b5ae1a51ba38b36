import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN.ts';
import { conflictFieldLabel, conflictValue } from './case-labels.ts';
import { conflictRows, withVersion } from './conflict.ts';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } } });
});

describe('conflictRows', () => {
  it('lines up nested needs field by field and marks what differs', () => {
    const rows = conflictRows(
      { intention: 'employment', needs: { regions: ['520000'], salaryFloor: 3000, constraints: '' } },
      { intention: 'further_study', needs: { regions: ['520000'], salaryFloor: null } },
    );
    expect(rows).toEqual([
      { field: 'intention', yours: 'employment', theirs: 'further_study', differs: true },
      { field: 'needs.regions', yours: ['520000'], theirs: ['520000'], differs: false },
      { field: 'needs.salaryFloor', yours: 3000, theirs: null, differs: true },
      { field: 'needs.constraints', yours: '', theirs: undefined, differs: false },
    ]);
  });

  it('treats a never-set stored object as empty fields', () => {
    const rows = conflictRows(
      { destinationCode: '10', destination: { employer: '贵州茅台' } },
      { destinationCode: null, destination: null },
    );
    expect(rows.map((r) => [r.field, r.differs])).toEqual([
      ['destinationCode', true],
      ['destination.employer', true],
    ]);
  });

  it('ignores the order of list values', () => {
    const [row] = conflictRows({ plannedMeasures: ['a', 'b'] }, { plannedMeasures: ['b', 'a'] });
    expect(row?.differs).toBe(false);
  });

  it('keeps fields only the stored side has', () => {
    const rows = conflictRows({ status: 'paused' }, { status: 'seeking', note: 'x' });
    expect(rows.map((r) => r.field)).toEqual(['status', 'note']);
  });
});

describe('the qualifications in a needs conflict', () => {
  it('are labelled and read 是 / 否 / 未填写, an unrecorded one differing from a recorded one', () => {
    const rows = conflictRows(
      { needs: { partyMember: true, teacherCertificate: null } },
      { needs: { partyMember: true, teacherCertificate: false } },
    );
    const tt = t.t as unknown as Parameters<typeof conflictValue>[0];
    expect(
      rows.map((r) => [
        conflictFieldLabel(tt, r.field),
        conflictValue(tt, r.field, r.yours),
        conflictValue(tt, r.field, r.theirs),
        r.differs,
      ]),
    ).toEqual([
      ['中共党员', '是', '是', false],
      ['教师资格证', '未填写', '否', true],
    ]);
  });
});

describe('withVersion', () => {
  it('re-sends the same body on the stored version', () => {
    expect(withVersion({ version: 3, status: 'closed' }, 5)).toEqual({ version: 5, status: 'closed' });
  });
});
