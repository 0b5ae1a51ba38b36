import { describe, expect, it } from 'vitest';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import type { TOrgActor } from '../../../domain/org-rules.ts';
import { filterOrgTree, parentChoices, parentIds, suggestOrgCode } from './org-tree.ts';

const node = (id: string, name: string, children: TOrgNode[] = []): TOrgNode => ({
  id,
  code: id,
  name,
  kind: 'university',
  regionCode: null,
  moeCode: null,
  children,
});

const tree = [
  node('u1', '贵州大学', [node('c1', '计算机科学与技术学院'), node('c2', '经济学院')]),
  node('u2', '四川大学', [node('c3', '经济学院')]),
];

describe('filterOrgTree', () => {
  it('keeps the whole tree, without empty children, when the filter is empty', () => {
    const rows = filterOrgTree(tree, '');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.children?.[0]?.children).toBeUndefined();
  });

  it('keeps matching nodes with their ancestors', () => {
    const rows = filterOrgTree(tree, '经济');
    expect(rows.map((r) => r.id)).toEqual(['u1', 'u2']);
    expect(rows[0]?.children?.map((c) => c.id)).toEqual(['c2']);
  });

  it('keeps the subtree of a matching parent', () => {
    expect(filterOrgTree(tree, '贵州')[0]?.children).toHaveLength(2);
    expect(parentIds(filterOrgTree(tree, '贵州'))).toEqual(['u1']);
  });
});

const org = (
  id: string,
  kind: TOrgNode['kind'],
  regionCode: string | null,
  children: TOrgNode[] = [],
): TOrgNode => ({
  id,
  code: id.toUpperCase(),
  name: id,
  kind,
  regionCode,
  moeCode: null,
  children,
});

const gzEdu = org('edu52', 'province_education', '520000', [
  org('gzu', 'university', '520100', [
    org('gzu-c1', 'college', '520100'),
    org('gzu-c2', 'college', '520100'),
  ]),
]);
const scEdu = org('edu51', 'province_education', '510000', [org('scu', 'university', '510100')]);
const orgTree = [org('moe', 'ministry', null), gzEdu, scEdu];

describe('parentChoices', () => {
  const admin: TOrgActor = { roles: ['system_admin'], org: { id: 'sys', kind: 'system', regionCode: null } };
  const gzuAdmin: TOrgActor = {
    roles: ['university_admin'],
    org: { id: 'gzu', kind: 'university', regionCode: '520100' },
  };
  const gzEduActor: TOrgActor = {
    roles: ['province_education'],
    org: { id: 'edu52', kind: 'province_education', regionCode: '520000' },
  };
  const ids = (choices: (TOrgNode | null)[]) => choices.map((c) => c?.id ?? null);

  it('offers a university the top level, the ministry and the education department of its province', () => {
    expect(ids(parentChoices(orgTree, { kind: 'university', regionCode: '520100' }, admin))).toEqual([
      null,
      'moe',
      'edu52',
    ]);
  });

  it('offers a university admin only their own university for a new college', () => {
    expect(ids(parentChoices(orgTree, { kind: 'college', regionCode: null }, gzuAdmin))).toEqual(['gzu']);
  });

  it('keeps a province department to parents in its own province', () => {
    expect(ids(parentChoices(orgTree, { kind: 'college', regionCode: null }, gzEduActor))).toEqual(['gzu']);
  });

  it('never offers the org itself or its own subtree when moving', () => {
    const partnerTree = [
      org('p1', 'partner', '440000', [org('p2', 'partner', '440100')]),
      org('p3', 'partner', '440300'),
    ];
    expect(
      ids(parentChoices(partnerTree, { id: 'p1', kind: 'partner', regionCode: '440000' }, admin)),
    ).toEqual([null, 'p3']);
  });
});

describe('suggestOrgCode', () => {
  it('suggests U-<院校代码> for a university and the next free college code under its university', () => {
    expect(suggestOrgCode('university', { moeCode: '10657' })).toBe('U-10657');
    expect(
      suggestOrgCode('college', {
        parent: {
          ...org('gzu', 'university', '520100'),
          code: 'U-10657',
          children: [{ ...org('x', 'college', null), code: 'U-10657-C01' }],
        },
      }),
    ).toBe('U-10657-C02');
    expect(suggestOrgCode('ministry', {})).toBe('');
  });
});
