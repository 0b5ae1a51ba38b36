import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  accountGrantsOf,
  manageableRoles,
  type TAccountGrant,
  type TAccountOrg,
} from '../../../domain/accounts/account-scope.ts';
import type { TRole } from '../../../domain/roles.ts';
import type { TSessionUser } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser, orgUnit } from '../../db/schema/index.ts';

/*
 * The account scope (domain/accounts/account-scope.ts) in SQL: which accounts a user's list shows, and the orgs
 * (with the roles allowed in each) that the create form, the import template and the import itself offer.
 */

const parent = alias(orgUnit, 'parent_org');

/** A user with no session (seed, CLI) acts as the system: every account. */
export function grantsOfActor(user: TSessionUser | null): TAccountGrant[] {
  return user ? accountGrantsOf(user) : [{ kind: 'all' }];
}

const arr = (roles: readonly TRole[]) =>
  sql`array[${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;

/** WHERE on app_user joined to its org_unit: accounts whose org a grant covers and whose roles it allows. */
export function accountsWhere(grants: readonly TAccountGrant[]): SQL {
  const parts: SQL[] = [];
  for (const g of grants) {
    switch (g.kind) {
      case 'all':
        return sql`true`;
      case 'university':
        parts.push(
          sql`(${or(
            and(eq(orgUnit.id, g.universityId), eq(orgUnit.kind, 'university')),
            and(eq(orgUnit.parentId, g.universityId), eq(orgUnit.kind, 'college')),
          )} and ${appUser.roles} <@ ${arr(g.roles)})`,
        );
        break;
      case 'org':
        parts.push(sql`(${eq(orgUnit.id, g.orgId)} and ${appUser.roles} <@ ${arr(g.roles)})`);
        break;
      case 'province_line':
        parts.push(
          sql`(${orgUnit.kind} in (${sql.join(
            g.orgKinds.map((k) => sql`${k}`),
            sql`, `,
          )}) and left(${orgUnit.regionCode}, 2) = ${g.provinceCode.slice(0, 2)}
            and ${orgUnit.regionCode} not like '__0000' and ${appUser.roles} <@ ${arr(g.roles)})`,
        );
        break;
    }
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export type TAccountOrgRow = TAccountOrg & { code: string; name: string; parentId: string | null };

function toAccountOrg(row: { org: typeof orgUnit.$inferSelect; parentKind: string | null }): TAccountOrgRow {
  const { org } = row;
  const universityId =
    org.kind === 'university'
      ? org.id
      : org.kind === 'college' && row.parentKind === 'university'
        ? org.parentId
        : null;
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    kind: org.kind,
    regionCode: org.regionCode,
    parentId: org.parentId,
    universityId,
    active: org.active,
  };
}

/** One org as the account scope sees it (with its university), by id or code. */
export async function findAccountOrg(
  db: TDbOrTx,
  by: { id: string } | { code: string },
): Promise<TAccountOrgRow | undefined> {
  const [row] = await db
    .select({ org: orgUnit, parentKind: parent.kind })
    .from(orgUnit)
    .leftJoin(parent, eq(parent.id, orgUnit.parentId))
    .where('id' in by ? eq(orgUnit.id, by.id) : eq(orgUnit.code, by.code))
    .limit(1);
  return row ? toAccountOrg(row) : undefined;
}

/**
 * The active orgs where the grants allow at least one role, with those roles. Bounded by what a grant covers:
 * a university and its colleges, one department and its lower bureaus, or (system admin) the tree.
 */
export async function listManageableOrgs(
  db: TDbOrTx,
  grants: readonly TAccountGrant[],
): Promise<(TAccountOrgRow & { roles: TRole[] })[]> {
  if (grants.length === 0) return [];
  const rows = await db
    .select({ org: orgUnit, parentKind: parent.kind })
    .from(orgUnit)
    .leftJoin(parent, eq(parent.id, orgUnit.parentId))
    .where(eq(orgUnit.active, true))
    .orderBy(orgUnit.code);
  return rows
    .map(toAccountOrg)
    .map((o) => ({ ...o, roles: manageableRoles(grants, o) }))
    .filter((o) => o.roles.length > 0);
}

/** The account's org as the scope sees it; for list rows the join is done by the caller. */
export async function findUserAccountOrg(db: TDbOrTx, userId: string) {
  const [row] = await db
    .select({ orgId: appUser.orgId })
    .from(appUser)
    .where(eq(appUser.id, userId))
    .limit(1);
  return row ? findAccountOrg(db, { id: row.orgId }) : undefined;
}

/** Orgs by code as the account scope sees them (one statement for a whole import file). */
export async function findAccountOrgsByCodes(db: TDbOrTx, codes: string[]): Promise<TAccountOrgRow[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ org: orgUnit, parentKind: parent.kind })
    .from(orgUnit)
    .leftJoin(parent, eq(parent.id, orgUnit.parentId))
    .where(inArray(orgUnit.code, codes));
  return rows.map(toAccountOrg);
}
