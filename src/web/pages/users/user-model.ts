import dayjs from 'dayjs';
import type { TUserListItem } from '../../../domain/api/auth.ts';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { ROLE_ORG_KINDS, ROLES, type TRole } from '../../../domain/roles.ts';

/** The roles a person in an org of this kind may hold (the server refuses any other combination). */
export function rolesForOrgKind(kind: string | undefined): TRole[] {
  if (!kind) return [];
  return ROLES.filter((role) => ROLE_ORG_KINDS[role].includes(kind));
}

/** The org with this code anywhere in the tree. */
export function findOrg(nodes: readonly TOrgNode[], code: string | undefined): TOrgNode | undefined {
  if (!code) return undefined;
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = findOrg(node.children, code);
    if (found) return found;
  }
  return undefined;
}

/** Search in the org picker: name or code, ignoring case and surrounding blanks. */
export function orgMatches(org: Pick<TOrgNode, 'name' | 'code'>, input: string): boolean {
  const needle = input.trim().toLowerCase();
  return needle === '' || org.name.toLowerCase().includes(needle) || org.code.toLowerCase().includes(needle);
}

export type TUserStatus = 'active' | 'inactive' | 'locked';

/**
 * What the status column shows: inactive and locked can both hold (a lockout outlives deactivation);
 * `active` only when neither does. The server sends `lockedUntil` only while the lock lasts.
 */
export function userStatuses(user: Pick<TUserListItem, 'active' | 'lockedUntil'>): TUserStatus[] {
  const statuses: TUserStatus[] = [];
  if (!user.active) statuses.push('inactive');
  if (user.lockedUntil) statuses.push('locked');
  return statuses.length > 0 ? statuses : ['active'];
}

/** `HH:mm` for a lock ending today (the usual case), with the date when it ends on another day. */
export function formatLockedUntil(iso: string, now: Date = new Date()): string {
  const until = dayjs(iso);
  return until.isSame(now, 'day') ? until.format('HH:mm') : until.format('YYYY-MM-DD HH:mm');
}
