import { describe, expect, it } from 'vitest';
import type { TPairingHelper, TPairingSuggestionItem } from '../../../domain/api/pairing.ts';
import {
  chosenHelper,
  cohortOptions,
  coveragePercent,
  isEdited,
  projectedLoads,
  toPairs,
} from './pairing-model.ts';

const helper = (userId: string, load: number): TPairingHelper => ({
  userId,
  name: userId,
  collegeId: null,
  collegeName: null,
  isLeader: false,
  load,
});
const item = (caseId: string, helperUserId: string): TPairingSuggestionItem => ({
  caseId,
  graduateId: `g-${caseId}`,
  graduateName: caseId,
  collegeName: null,
  className: null,
  helperUserId,
  helperName: helperUserId,
  helperCollegeName: null,
  helperIsLeader: false,
  reason: 'balance',
});

describe('pairing page model', () => {
  it('computes coverage over those who need a helper, 100% when nobody does', () => {
    expect(coveragePercent(3, 1)).toBe(75);
    expect(coveragePercent(2, 1)).toBe(66);
    expect(coveragePercent(0, 0)).toBe(100);
    expect(coveragePercent(0, 5)).toBe(0);
  });

  it('offers cohorts from 2020 to next year, newest first', () => {
    expect(cohortOptions(new Date('2021-03-01'))).toEqual([2022, 2021, 2020]);
  });

  it('applies the admin’s per-row changes to the suggestion and the projected loads', () => {
    const items = [item('c1', 'h1'), item('c2', 'h1'), item('c3', 'h2')];
    const choices = { c2: 'h2' };
    expect(chosenHelper(items[1]!, choices)).toBe('h2');
    expect(items.map((i) => isEdited(i, choices))).toEqual([false, true, false]);
    expect(toPairs(items, choices)).toEqual([
      { caseId: 'c1', helperUserId: 'h1' },
      { caseId: 'c2', helperUserId: 'h2' },
      { caseId: 'c3', helperUserId: 'h2' },
    ]);
    const loads = projectedLoads([helper('h1', 1), helper('h2', 0), helper('h3', 4)], items, choices);
    expect(Object.fromEntries(loads)).toEqual({ h1: 2, h2: 2, h3: 4 });
  });
});
