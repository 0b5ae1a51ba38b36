import { describe, expect, it } from 'vitest';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { filterOrgTree, parentIds } from './org-tree.ts';

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
