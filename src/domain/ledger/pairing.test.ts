import { describe, expect, it } from 'vitest';
import { suggestPairings, type TPairingGraduate, type TPairingHelper } from './pairing.ts';

const grads = (college: string, n: number, prefix = college): TPairingGraduate[] =>
  Array.from({ length: n }, (_, i) => ({
    graduateId: `${prefix}-${String(i).padStart(3, '0')}`,
    collegeId: college,
  }));

describe('一帮一 suggestion', () => {
  it('gives every university leader one graduate first', () => {
    const helpers: TPairingHelper[] = [
      { userId: 'leader-a', collegeId: null, isLeader: true, load: 0 },
      { userId: 'leader-b', collegeId: null, isLeader: true, load: 2 },
      { userId: 'cadre-c1', collegeId: 'c1', isLeader: false, load: 0 },
    ];
    const out = suggestPairings(grads('c1', 4), helpers);
    expect(out[0]).toMatchObject({ helperUserId: 'leader-a', reason: 'leader_first' });
    expect(out.filter((p) => p.reason === 'leader_first')).toHaveLength(1);
    expect(out).toHaveLength(4);
  });

  it('prefers a helper of the same college while load stays balanced', () => {
    const helpers: TPairingHelper[] = [
      { userId: 'h1', collegeId: 'c1', isLeader: false, load: 0 },
      { userId: 'h2', collegeId: 'c2', isLeader: false, load: 0 },
    ];
    const out = suggestPairings([...grads('c1', 2), ...grads('c2', 2)], helpers);
    expect(out.every((p) => p.reason === 'same_college')).toBe(true);
    expect(out.filter((p) => p.helperUserId === 'h1').map((p) => p.graduateId)).toEqual(['c1-000', 'c1-001']);
  });

  it('spills over to the least-loaded helper when one college has too many', () => {
    const helpers: TPairingHelper[] = [
      { userId: 'h1', collegeId: 'c1', isLeader: false, load: 0 },
      { userId: 'h2', collegeId: 'c2', isLeader: false, load: 0 },
      { userId: 'h3', collegeId: 'c3', isLeader: false, load: 0 },
    ];
    const out = suggestPairings(grads('c1', 9), helpers);
    const load = (id: string) => out.filter((p) => p.helperUserId === id).length;
    expect([load('h1'), load('h2'), load('h3')]).toEqual([3, 3, 3]);
    expect(out.filter((p) => p.reason === 'balance')).toHaveLength(6);
  });

  it('is deterministic and empty without helpers', () => {
    const helpers: TPairingHelper[] = [{ userId: 'h1', collegeId: 'c1', isLeader: false, load: 1 }];
    const input = grads('c1', 5);
    expect(suggestPairings(input, helpers)).toEqual(suggestPairings([...input].reverse(), helpers));
    expect(suggestPairings(input, [])).toEqual([]);
  });
});
