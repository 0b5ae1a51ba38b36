import { describe, expect, it } from 'vitest';
import type { THandoverCase } from '../../../domain/api/handover.ts';
import { ApiError } from '../../api/client.ts';
import { refusedCases, summarizeSelection } from './handover-model.ts';

const base = {
  graduateId: 'g',
  collegeName: null,
  className: null,
  majorName: null,
  countyCode: '520526',
  intention: 'employment' as const,
};
const weining = { toOrgId: 'w', toOrgName: '威宁县人社局', countyName: '威宁县' };
const zhenxiong = { toOrgId: 'z', toOrgName: '镇雄县人社局', countyName: '镇雄县' };
const cases: THandoverCase[] = [
  { ...base, ...zhenxiong, caseId: '1', name: '甲' },
  { ...base, ...weining, caseId: '2', name: '乙' },
  { ...base, ...weining, caseId: '3', name: '丙' },
];

describe('summarizeSelection', () => {
  it('picks nothing by default', () => {
    expect(summarizeSelection(cases, new Set())).toEqual({ caseIds: [], byBureau: [] });
  });

  it('counts the ticked cases per bureau, biggest first', () => {
    expect(summarizeSelection(cases, new Set(['1', '2', '3']))).toEqual({
      caseIds: ['1', '2', '3'],
      byBureau: [
        { orgId: 'w', orgName: '威宁县人社局', countyName: '威宁县', count: 2 },
        { orgId: 'z', orgName: '镇雄县人社局', countyName: '镇雄县', count: 1 },
      ],
    });
  });

  it('leaves out unticked cases, bureaus left with none, and ticks the preview no longer lists', () => {
    const s = summarizeSelection(cases, new Set(['2', 'gone']));
    expect(s.caseIds).toEqual(['2']);
    expect(s.byBureau.map((b) => [b.orgId, b.count])).toEqual([['w', 1]]);
  });
});

describe('refusedCases', () => {
  it('reads the cases a refused batch names', () => {
    const named = [{ caseId: '2', name: '乙', reason: 'placed' }];
    const error = new ApiError(409, 'conflict', 'x', { reason: 'not_qualifying', cases: named });
    expect(refusedCases(error)).toEqual(named);
  });

  it('is null for other refusals (the leaving date) and other errors', () => {
    expect(refusedCases(new ApiError(409, 'conflict', 'x', { reason: 'not_yet' }))).toBeNull();
    expect(refusedCases(new ApiError(403, 'forbidden', 'x'))).toBeNull();
    expect(refusedCases(new Error('x'))).toBeNull();
  });
});
