import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { canManageOrg, isManagedKind, PARENT_KINDS, type TOrgActor } from '../../../domain/org-rules.ts';
import type { TOrgKind } from '../../../domain/orgs.ts';

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

/** Every node with its parent's id, for finding where an org sits and what lies beneath it. */
export function indexOrgTree(
  nodes: readonly TOrgNode[],
): Map<string, { node: TOrgNode; parentId: string | null }> {
  const index = new Map<string, { node: TOrgNode; parentId: string | null }>();
  const walk = (list: readonly TOrgNode[], parentId: string | null) => {
    for (const node of list) {
      index.set(node.id, { node, parentId });
      walk(node.children, node.id);
    }
  };
  walk(nodes, null);
  return index;
}

const subtreeIds = (node: TOrgNode): string[] => [node.id, ...node.children.flatMap(subtreeIds)];

/**
 * The orgs an org of this kind may be put under, for the create and move dialogs: the kind rule of the tree
 * (PARENT_KINDS), never the org itself or its own subtree, and — for the actor — only where the result would be
 * theirs to manage. `null` (the top level) is in the list when allowed.
 */
export function parentChoices(
  tree: readonly TOrgNode[],
  org: { kind: TOrgKind; regionCode: string | null; id?: string },
  actor: TOrgActor,
): (TOrgNode | null)[] {
  if (!isManagedKind(org.kind)) return [];
  const allowed = PARENT_KINDS[org.kind];
  const index = indexOrgTree(tree);
  const own = org.id && index.get(org.id);
  const excluded = new Set(own ? subtreeIds(own.node) : []);
  const sameProvince = (parent: TOrgNode | null) =>
    !org.regionCode || !parent?.regionCode || parent.regionCode.slice(0, 2) === org.regionCode.slice(0, 2);
  const fits = (parent: TOrgNode | null) =>
    allowed.includes(parent?.kind ?? null) &&
    sameProvince(parent) &&
    canManageOrg(actor, {
      kind: org.kind,
      // a new college takes its university's region
      regionCode: org.regionCode ?? parent?.regionCode ?? null,
      parentId: parent?.id ?? null,
    });
  const choices: (TOrgNode | null)[] = fits(null) ? [null] : [];
  for (const { node } of index.values()) if (!excluded.has(node.id) && fits(node)) choices.push(node);
  return choices;
}

/** A code to start from: U-<院校代码> for a university (as the demo and rosters use), <university>-Cnn for a college. */
export function suggestOrgCode(
  kind: TOrgKind,
  opts: { moeCode?: string | null; parent?: TOrgNode | null },
): string {
  if (kind === 'university' && opts.moeCode) return `U-${opts.moeCode}`;
  if (kind === 'college' && opts.parent) {
    const taken = new Set(opts.parent.children.map((c) => c.code));
    for (let i = 1; ; i++) {
      const code = `${opts.parent.code}-C${String(i).padStart(2, '0')}`;
      if (!taken.has(code)) return code;
    }
  }
  return '';
}
