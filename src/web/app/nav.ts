import type { TRole } from '../../domain/roles.ts';
import { hasPermission, type TPermission } from '../../domain/roles.ts';

/** Page keys double as `nav.<key>` and `navDesc.<key>` label keys. */
export type TPageKey =
  | 'home'
  | 'me'
  | 'mePosts'
  | 'mePushed'
  | 'meApplications'
  | 'employerPortal'
  | 'graduates'
  | 'cases'
  | 'pairing'
  | 'classes'
  | 'handover'
  | 'siqing'
  | 'ledgerRules'
  | 'imports'
  | 'opportunities'
  | 'zone'
  | 'zsb'
  | 'employers'
  | 'funnel'
  | 'regions'
  | 'focusCounties'
  | 'codeTables'
  | 'supportPairs'
  | 'orgs'
  | 'audit'
  | 'users'
  | 'notifications'
  | 'password';
export type TGroupKey = 'reference' | 'account';

export type TNavLeaf = { kind: 'page'; key: TPageKey; path: string; permission?: TPermission };
export type TNavGroup = { kind: 'group'; key: TGroupKey; children: TNavLeaf[] };
export type TNavItem = TNavLeaf | TNavGroup;

/**
 * The one table the menu, the routes' permission guards and the home shortcuts are built from,
 * so a page can never be reachable from the menu but forbidden by its route, or the reverse.
 */
export const NAV: readonly TNavItem[] = [
  { kind: 'page', key: 'home', path: '/' },
  { kind: 'page', key: 'me', path: '/me', permission: 'self.portal' },
  { kind: 'page', key: 'mePosts', path: '/me/posts', permission: 'self.portal' },
  { kind: 'page', key: 'mePushed', path: '/me/pushed', permission: 'self.portal' },
  { kind: 'page', key: 'meApplications', path: '/me/applications', permission: 'self.portal' },
  { kind: 'page', key: 'employerPortal', path: '/employer', permission: 'employer.portal' },
  { kind: 'page', key: 'graduates', path: '/graduates', permission: 'graduates.read' },
  { kind: 'page', key: 'cases', path: '/cases', permission: 'cases.read' },
  { kind: 'page', key: 'pairing', path: '/pairing', permission: 'cases.pair' },
  // counselors see cases through the classes they keep (issue 22)
  { kind: 'page', key: 'classes', path: '/classes', permission: 'classes.assign' },
  { kind: 'page', key: 'handover', path: '/handover', permission: 'cases.handover' },
  { kind: 'page', key: 'siqing', path: '/siqing', permission: 'cases.read' },
  { kind: 'page', key: 'ledgerRules', path: '/ledger/rules', permission: 'ledger.settings' },
  { kind: 'page', key: 'imports', path: '/imports', permission: 'imports.manage' },
  { kind: 'page', key: 'opportunities', path: '/opportunities', permission: 'opportunities.read' },
  { kind: 'page', key: 'zone', path: '/zone', permission: 'opportunities.read' },
  // the funnel counts pushes of the cases in the reader's scope (GET /api/matching/funnel: cases.read)
  { kind: 'page', key: 'funnel', path: '/funnel', permission: 'cases.read' },
  // the report and the ratios are the provincial education departments' and the ministry's (zsb.service.ts)
  { kind: 'page', key: 'zsb', path: '/zsb', permission: 'zsb.manage' },
  { kind: 'page', key: 'employers', path: '/employers', permission: 'employers.manage' },
  {
    kind: 'group',
    key: 'reference',
    children: [
      { kind: 'page', key: 'regions', path: '/reference/regions', permission: 'reference.read' },
      { kind: 'page', key: 'focusCounties', path: '/reference/focus-counties', permission: 'reference.read' },
      { kind: 'page', key: 'codeTables', path: '/reference/code-tables', permission: 'reference.read' },
      { kind: 'page', key: 'supportPairs', path: '/reference/support-pairs', permission: 'reference.read' },
    ],
  },
  { kind: 'page', key: 'orgs', path: '/orgs', permission: 'orgs.read' },
  { kind: 'page', key: 'audit', path: '/audit', permission: 'audit.read' },
  { kind: 'page', key: 'users', path: '/admin/users', permission: 'users.manage' },
  {
    kind: 'group',
    key: 'account',
    children: [
      { kind: 'page', key: 'notifications', path: '/notifications' },
      { kind: 'page', key: 'password', path: '/account/password' },
    ],
  },
];

export const NAV_LEAVES: readonly TNavLeaf[] = NAV.flatMap((item) =>
  item.kind === 'page' ? [item] : item.children,
);

export function canSee(roles: readonly TRole[], leaf: TNavLeaf): boolean {
  return leaf.permission === undefined || hasPermission(roles, leaf.permission);
}

/** The menu for these roles: forbidden pages dropped, groups left empty dropped too. */
export function navFor(roles: readonly TRole[]): TNavItem[] {
  return NAV.flatMap((item): TNavItem[] => {
    if (item.kind === 'page') return canSee(roles, item) ? [item] : [];
    const children = item.children.filter((leaf) => canSee(roles, leaf));
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}

/** The nav leaf a location belongs to (longest matching path), used to highlight the menu. */
export function leafForPath(pathname: string): TNavLeaf | undefined {
  return [...NAV_LEAVES]
    .sort((a, b) => b.path.length - a.path.length)
    .find((leaf) => (leaf.path === '/' ? pathname === '/' : pathname.startsWith(leaf.path)));
}
