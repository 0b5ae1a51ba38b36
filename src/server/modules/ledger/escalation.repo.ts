import { and, asc, eq, gt, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { TCaseStage, TCaseStatus, TIntention } from '../../../domain/ledger/codes.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import {
  appUser,
  counselorClass,
  graduate,
  helperPairing,
  ledgerCase,
  orgUnit,
  overdueItem,
} from '../../db/schema/index.ts';
import { parentOrg } from '../auth/auth.repo.ts';

/*
 * SQL of the zero-gap clock's job: read cases in keyset batches with the dates the domain's clock needs, keep
 * `overdue_item` in step, and find who is told at each escalation level. The rules themselves stay in
 * domain/ledger/clock.ts.
 */

/** A case with its clock dates (domain TCaseDates) and what choosing recipients needs. */
export type TClockCase = {
  id: string;
  cohort: number;
  status: TCaseStatus;
  stage: TCaseStage;
  holderOrgId: string;
  universityId: string;
  openedAt: Date;
  intention: TIntention | null;
  needsConfirmedAt: Date | null;
  profileVerifiedAt: Date | null;
  hasPhone: boolean;
  lastMeasureAt: Date | null;
  lastContactAt: Date | null;
  nextFollowUpDue: Date | null;
  progressUpdatedAt: Date | null;
  destinationCode: string | null;
  pairedAt: Date | null;
  helperUserId: string | null;
  name: string;
  collegeId: string | null;
  className: string | null;
  universityProvinceCode: string;
};

/**
 * The next `limit` cases after `afterId` (keyset on the primary key, so memory stays flat at any size). The
 * batch is cut from `ledger_case` first and its graduate and current pairing are looked up row by row
 * (LATERAL): a batch costs index lookups for its own rows, never a scan of the whole graduate table.
 */
export async function listClockCases(
  db: TDbOrTx,
  afterId: string | null,
  limit: number,
): Promise<TClockCase[]> {
  const c = db
    .select()
    .from(ledgerCase)
    .where(afterId ? gt(ledgerCase.id, afterId) : undefined)
    .orderBy(asc(ledgerCase.id))
    .limit(limit)
    .as('batch');
  const g = db
    .select({
      name: graduate.name,
      collegeId: graduate.collegeId,
      className: graduate.className,
      universityProvinceCode: graduate.universityProvinceCode,
      hasPhone: sql<boolean>`(${graduate.phoneEncrypted} is not null)`.as('has_phone'),
    })
    .from(graduate)
    .where(eq(graduate.id, c.graduateId))
    // `limit 1` keeps PostgreSQL from flattening the lookup back into a hash join over the whole table
    .limit(1)
    .as('g');
  const hp = db
    .select({ startedAt: helperPairing.startedAt, helperUserId: helperPairing.helperUserId })
    .from(helperPairing)
    .where(and(eq(helperPairing.graduateId, c.graduateId), isNull(helperPairing.endedAt)))
    .limit(1)
    .as('hp');
  const rows = await db
    .select({
      id: c.id,
      cohort: c.cohort,
      status: c.status,
      stage: c.stage,
      holderOrgId: c.holderOrgId,
      universityId: c.universityId,
      openedAt: c.openedAt,
      intention: c.intention,
      needsConfirmedAt: c.needsConfirmedAt,
      profileVerifiedAt: c.profileVerifiedAt,
      hasPhone: g.hasPhone,
      lastMeasureAt: c.lastMeasureAt,
      lastContactAt: c.lastContactAt,
      nextFollowUpDue: c.nextFollowUpDue,
      progressUpdatedAt: c.progressUpdatedAt,
      destinationCode: c.destinationCode,
      pairedAt: hp.startedAt,
      helperUserId: hp.helperUserId,
      name: g.name,
      collegeId: g.collegeId,
      className: g.className,
      universityProvinceCode: g.universityProvinceCode,
    })
    .from(c)
    .innerJoinLateral(g, sql`true`)
    .leftJoinLateral(hp, sql`true`)
    .orderBy(asc(c.id));
  return rows as TClockCase[];
}

export type TOpenItem = { id: string; caseId: string; rule: string; dueAt: Date; level: number };

/** Open overdue items of the cases whose ids lie in (afterId, lastId] — one batch of listClockCases. */
export async function listOpenItemsInRange(
  db: TDbOrTx,
  afterId: string | null,
  lastId: string,
): Promise<TOpenItem[]> {
  const range: SQL[] = [isNull(overdueItem.resolvedAt), lte(overdueItem.caseId, lastId)];
  if (afterId) range.push(gt(overdueItem.caseId, afterId));
  return db
    .select({
      id: overdueItem.id,
      caseId: overdueItem.caseId,
      rule: overdueItem.rule,
      dueAt: overdueItem.dueAt,
      level: overdueItem.level,
    })
    .from(overdueItem)
    .where(and(...range));
}

const CHUNK = 1000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Open new items. A concurrent run that opened the same (case, rule) first wins (the partial unique index):
 * only the rows actually inserted are returned.
 */
export async function insertOpenItems(
  tx: TDbOrTx,
  rows: { caseId: string; rule: string; dueAt: Date; level: number }[],
  now: Date,
): Promise<TOpenItem[]> {
  const out: TOpenItem[] = [];
  for (const part of chunks(rows)) {
    const inserted = await tx
      .insert(overdueItem)
      .values(
        part.map((r) => ({
          caseId: r.caseId,
          rule: r.rule,
          dueAt: r.dueAt,
          level: r.level,
          createdAt: now,
          escalatedAt: r.level > 0 ? now : null,
        })),
      )
      .onConflictDoNothing()
      .returning({
        id: overdueItem.id,
        caseId: overdueItem.caseId,
        rule: overdueItem.rule,
        dueAt: overdueItem.dueAt,
        level: overdueItem.level,
      });
    out.push(...inserted);
  }
  return out;
}

/** Close items whose rule is no longer overdue. */
export async function resolveItems(tx: TDbOrTx, ids: string[], now: Date): Promise<void> {
  for (const part of chunks(ids)) {
    await tx
      .update(overdueItem)
      .set({ resolvedAt: now })
      .where(and(inArray(overdueItem.id, part), isNull(overdueItem.resolvedAt)));
  }
}

/**
 * Move open items to a new due instant and/or level in one statement per chunk; `escalated` says the level
 * rose (escalated_at = now), otherwise escalated_at is kept.
 */
export async function updateItems(
  tx: TDbOrTx,
  rows: { id: string; dueAt: Date; level: number; escalated: boolean }[],
  now: Date,
): Promise<void> {
  for (const part of chunks(rows)) {
    const values = sql.join(
      part.map(
        (r) =>
          sql`(${r.id}::uuid, ${r.dueAt.toISOString()}::timestamptz, ${r.level}::int, ${r.escalated}::boolean)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`update overdue_item o
      set due_at = v.due_at, level = v.level,
        escalated_at = case when v.escalated then ${now.toISOString()}::timestamptz else o.escalated_at end
      from (values ${values}) as v(id, due_at, level, escalated)
      where o.id = v.id and o.resolved_at is null`);
  }
}

// ——— recipients ———

const activeWithRole = (role: string) => and(eq(appUser.active, true), sql`${role} = any(${appUser.roles})`)!;

/** Active counselors keeping these colleges' classes: rows of (user, college, class). */
export async function findClassCounselors(db: TDbOrTx, collegeIds: string[]) {
  if (collegeIds.length === 0) return [];
  return db
    .select({
      userId: counselorClass.userId,
      collegeId: counselorClass.collegeId,
      className: counselorClass.className,
    })
    .from(counselorClass)
    .innerJoin(appUser, eq(appUser.id, counselorClass.userId))
    .where(and(inArray(counselorClass.collegeId, collegeIds), activeWithRole('counselor')));
}

/** Which of these users are active helpers. */
export async function findActiveHelpers(db: TDbOrTx, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(inArray(appUser.id, userIds), activeWithRole('helper')));
  return new Set(rows.map((r) => r.id));
}

/** Active users holding `role` in one of these orgs: rows of (user, org). */
export async function findUsersInOrgs(db: TDbOrTx, orgIds: string[], role: string) {
  if (orgIds.length === 0) return [];
  return db
    .select({ userId: appUser.id, orgId: appUser.orgId })
    .from(appUser)
    .where(and(inArray(appUser.orgId, orgIds), activeWithRole(role)));
}

/**
 * Active users holding `role` in an org of `kind` whose region is in one of these provinces: rows of
 * (user, 2-digit province prefix).
 */
export async function findProvinceUsers(db: TDbOrTx, kind: string, role: string, provincePrefixes: string[]) {
  if (provincePrefixes.length === 0) return [];
  return queryRows<{ userId: string; prefix: string }>(
    db,
    sql`select u.id as "userId", left(o.region_code, 2) as prefix
      from app_user u join org_unit o on o.id = u.org_id
      where o.kind = ${kind} and left(o.region_code, 2) in ${provincePrefixes}
        and u.active and ${role} = any(u.roles)`,
  );
}

/** Region codes of these orgs (county HRSS bureaus holding handed-over cases). */
export async function findOrgRegions(db: TDbOrTx, orgIds: string[]): Promise<Map<string, string | null>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnit.id, regionCode: orgUnit.regionCode })
    .from(orgUnit)
    .where(inArray(orgUnit.id, orgIds));
  return new Map(rows.map((r) => [r.id, r.regionCode]));
}

/** All active ministry users. */
export async function findMinistryUsers(db: TDbOrTx): Promise<string[]> {
  const rows = await db.select({ id: appUser.id }).from(appUser).where(activeWithRole('ministry'));
  return rows.map((r) => r.id);
}

// ——— digest ———

/** Active accounts after `afterId` (keyset) with their org and the org's parent, as findActingUser reads them. */
export async function listActiveUsersWithOrg(db: TDbOrTx, afterId: string | null, limit: number) {
  return db
    .select({ user: appUser, org: orgUnit, parentId: parentOrg.id, parentKind: parentOrg.kind })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, orgUnit.parentId))
    .where(and(eq(appUser.active, true), afterId ? gt(appUser.id, afterId) : undefined))
    .orderBy(asc(appUser.id))
    .limit(limit);
}

/** Open overdue items of the cases matching `scope` (a condition on `graduate`), counted by rule. */
export async function countOpenItemsByRule(db: TDbOrTx, scope: SQL): Promise<Record<string, number>> {
  const rows = await db
    .select({ rule: overdueItem.rule, n: sql<number>`count(*)::int` })
    .from(overdueItem)
    .innerJoin(ledgerCase, eq(ledgerCase.id, overdueItem.caseId))
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(and(isNull(overdueItem.resolvedAt), scope))
    .groupBy(overdueItem.rule);
  return Object.fromEntries(rows.map((r) => [r.rule, Number(r.n)]));
}
