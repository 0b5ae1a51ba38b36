import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TCtx } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import {
  appUser,
  auditEvent,
  caseFile,
  counselorClass,
  graduate,
  helperPairing,
  ledgerCase,
  orgUnit,
} from '../../db/schema/index.ts';
import { caseScopeWhere } from '../ledger/case-access.ts';

const university = alias(orgUnit, 'university');

/**
 * The signed-in graduate's own case: graduate.user_id is them, AND the case-file scope (clause `self`). A person
 * in two cohorts sees the newer one.
 */
export async function findSelfCase(db: TDbOrTx, ctx: TCtx, userId: string) {
  const [row] = await db
    .select({
      caseId: ledgerCase.id,
      version: ledgerCase.version,
      cohort: ledgerCase.cohort,
      status: ledgerCase.status,
      intention: ledgerCase.intention,
      needs: ledgerCase.needs,
      needsConfirmedAt: ledgerCase.needsConfirmedAt,
      destinationCode: ledgerCase.destinationCode,
      destination: ledgerCase.destination,
      graduateId: graduate.id,
      name: graduate.name,
      collegeId: graduate.collegeId,
      className: graduate.className,
      collegeName: graduate.collegeName,
      majorName: graduate.majorName,
      level: graduate.level,
      idMasked: graduate.idMasked,
      idEncrypted: graduate.idEncrypted,
      phoneEncrypted: graduate.phoneEncrypted,
      universityName: university.name,
    })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .innerJoin(university, eq(university.id, ledgerCase.universityId))
    .where(and(eq(graduate.userId, userId), caseScopeWhere(ctx)))
    .orderBy(desc(ledgerCase.cohort), desc(ledgerCase.openedAt))
    .limit(1);
  return row;
}
export type TSelfCaseRow = NonNullable<Awaited<ReturnType<typeof findSelfCase>>>;

/** Lock the case row for an overwrite (writers of one case queue instead of interleaving). */
export async function lockCase(tx: TDbOrTx, caseId: string) {
  await tx.execute(sql`select 1 from ledger_case where id = ${caseId} for update`);
}

/** The current 一帮一 helper with their org and work phone. */
export async function findHelperContact(db: TDbOrTx, graduateId: string) {
  const [row] = await db
    .select({ name: appUser.displayName, orgName: orgUnit.name, phone: appUser.contactPhone })
    .from(helperPairing)
    .innerJoin(appUser, eq(appUser.id, helperPairing.helperUserId))
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .where(and(eq(helperPairing.graduateId, graduateId), isNull(helperPairing.endedAt)))
    .limit(1);
  return row;
}

/** Active counselors who keep the graduate's class. */
export async function listCounselorContacts(db: TDbOrTx, collegeId: string | null, className: string | null) {
  if (!collegeId || !className) return [];
  return db
    .select({ name: appUser.displayName, orgName: orgUnit.name, phone: appUser.contactPhone })
    .from(counselorClass)
    .innerJoin(appUser, eq(appUser.id, counselorClass.userId))
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .where(
      and(
        eq(counselorClass.collegeId, collegeId),
        eq(counselorClass.className, className),
        eq(appUser.active, true),
      ),
    )
    .orderBy(asc(appUser.displayName));
}

const fileColumns = {
  id: caseFile.id,
  name: caseFile.name,
  mime: caseFile.mime,
  size: caseFile.size,
  createdAt: caseFile.createdAt,
};

/** Files the graduate uploaded to their case (staff uploads stay with staff). */
export async function listOwnFiles(db: TDbOrTx, caseId: string, userId: string) {
  return db
    .select(fileColumns)
    .from(caseFile)
    .where(and(eq(caseFile.caseId, caseId), eq(caseFile.uploadedBy, userId)))
    .orderBy(desc(caseFile.createdAt));
}

export async function findOwnFile(db: TDbOrTx, caseId: string, userId: string, fileId: string) {
  const [row] = await db
    .select({ ...fileColumns, content: caseFile.content })
    .from(caseFile)
    .where(and(eq(caseFile.id, fileId), eq(caseFile.caseId, caseId), eq(caseFile.uploadedBy, userId)));
  return row;
}

export async function insertFile(db: TDbOrTx, values: typeof caseFile.$inferInsert) {
  const [row] = await db.insert(caseFile).values(values).returning(fileColumns);
  return row!;
}

export async function updateCase(
  db: TDbOrTx,
  caseId: string,
  set: Partial<typeof ledgerCase.$inferInsert> & { bumpVersion?: boolean },
) {
  const { bumpVersion, ...values } = set;
  const [row] = await db
    .update(ledgerCase)
    .set(bumpVersion ? { ...values, version: sql`${ledgerCase.version} + 1` } : values)
    .where(eq(ledgerCase.id, caseId))
    .returning({ version: ledgerCase.version });
  return row!;
}

/** Entity types under which audit rows about a graduate or their case file are written. */
const RECORD_ENTITY_TYPES = ['graduate', 'ledger_case'];
const actor = alias(appUser, 'actor');
const actorOrg = alias(orgUnit, 'actor_org');

/**
 * Audit rows about the graduate and their case, newest first, with who and from where: rows naming either as
 * their entity, and bulk case actions (no entity; the case ids in `after.caseIds`) that included the case.
 */
export async function listRecordAudit(
  db: TDbOrTx,
  ids: { graduateId: string; caseId: string },
  page: { limit: number; offset: number },
) {
  const where = or(
    and(
      inArray(auditEvent.entityType, RECORD_ENTITY_TYPES),
      inArray(auditEvent.entityId, [ids.graduateId, ids.caseId]),
    ),
    and(
      eq(auditEvent.entityType, 'ledger_case'),
      isNull(auditEvent.entityId),
      sql`${auditEvent.after} -> 'caseIds' @> jsonb_build_array(${ids.caseId}::text)`,
    ),
    // exports name every graduate they contained
    and(
      eq(auditEvent.entityType, 'graduate'),
      isNull(auditEvent.entityId),
      sql`${auditEvent.after} -> 'graduateIds' @> jsonb_build_array(${ids.graduateId}::text)`,
    ),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditEvent.id,
        at: auditEvent.at,
        action: auditEvent.action,
        after: auditEvent.after,
        actorUserId: auditEvent.actorUserId,
        actorName: actor.displayName,
        actorRoles: actor.roles,
        orgName: actorOrg.name,
        orgKind: actorOrg.kind,
      })
      .from(auditEvent)
      .leftJoin(actor, eq(actor.id, auditEvent.actorUserId))
      .leftJoin(actorOrg, eq(actorOrg.id, auditEvent.orgId))
      .where(where)
      .orderBy(desc(auditEvent.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(auditEvent).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
