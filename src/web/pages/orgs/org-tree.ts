import type { TOrgNode } from '../../../domain/api/orgs.ts';

/** A table row: `children` left out on leaves, since antd draws an expand icon for an empty array. */
export type TOrgRow = Omit<TOrgNode, 'children'> & { children?: TOrgRow[] };

/** The tree cut down to nodes whose name matches and their ancestors; a matching node keeps its subtree. */
export function filterOrgTree(nodes: TOrgNode[], needle: string): TOrgRow[] {
  const n = needle.trim().toLowerCase();
  return nodes.flatMap((node): TOrgRow[] => {
    const self = n === '' || node.name.toLowerCase().includes(n);
    const children = filterOrgTree(node.children, self ? '' : n);
    if (!self && children.length === 0) return [];
    return [{ ...node, children: children.length > 0 ? children : undefined }];
  });
}

/** Ids of every row that has children, for expanding the whole filtered tree. */
export function parentIds(rows: TOrgRow[]): string[] {
  return rows.flatMap((r) => (r.children ? [r.id, ...parentIds(r.children)] : []));
}
