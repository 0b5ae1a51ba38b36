import { and, eq, inArray } from 'drizzle-orm';
import type {
  TClassAssignBody,
  TClassAssignResult,
  TClassList,
  TMoveCaseloadBody,
} from '../../../domain/api/staff.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser, counselorClass, orgUnit } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { appendCaseEvents, type TNewCaseEvent } from '../ledger/case-events.repo.ts';
import * as repo from './class-assign.repo.ts';

/*
 * Counselor ↔ class assignments (issue 22). A counselor sees the cases of the classes assigned to them (the scope's
 * 'counselor' clause reads counselor_class), so assigning or moving a class moves its caseload; every change is
 * recorded on the timeline of each case in the class and audited, in one transaction.
 */

const EVENT_CHUNK = 1000;

type TPerson = { userId: string; name: string };
export type TClassChange = {
  collegeId: string;
  collegeName: string;
  className: string;
  before: TPerson[];
  after: TPerson[];
};

/** The university whose classes the user assigns: university admins only (403 for everyone else). */
export function classAdminUniversity(ctx: TCtx): string {
  const user = ctx.user;
  if (!user?.roles.includes('university_admin') || user.org.kind !== 'university' || !user.org.universityId) {
    throw new AppError(
      'forbidden',
      '只有高校就业管理员可以分配辅导员班级 / Only university admins assign classes',
      {
        reason: 'not_university_admin',
      },
    );
  }
  return user.org.universityId;
}

/** Classes of the admin's university with their counselors and counts; classes without a counselor first. */
export async function listClasses(deps: TDeps, ctx: TCtx, q: { cohort?: number }): Promise<TClassList> {
  const universityId = classAdminUniversity(ctx);
  const db = deps.database.db;
  const [classes, counselors, colleges] = await Promise.all([
    repo.listUniversityClasses(db, universityId, q.cohort),
    repo.listUniversityCounselors(db, universityId),
    repo.listColleges(db, universityId),
  ]);
  const assigned = await repo.listClassCounselors(
    db,
    colleges.length
      ? inArray(
          counselorClass.collegeId,
          colleges.map((c) => c.id),
        )
      : eq(counselorClass.collegeId, universityId),
  );
  const byClass = new Map<string, { userId: string; name: string; active: boolean }[]>();
  for (const a of assigned) {
    const k = `${a.collegeId}\u0000${a.className}`;
    byClass.set(k, [...(byClass.get(k) ?? []), { userId: a.userId, name: a.name, active: a.active }]);
  }
  const items = classes.map((c) => {
    const people = byClass.get(`${c.collegeId}\u0000${c.className}`) ?? [];
    return { ...c, counselors: people, unassigned: !people.some((p) => p.active) };
  });
  items.sort((a, b) => Number(b.unassigned) - Number(a.unassigned));
  const open = items.filter((i) => i.unassigned);
  return {
    classes: items,
    counselors: counselors.map((c) => ({ ...c })),
    colleges,
    unassigned: { classes: open.length, targets: open.reduce((n, i) => n + i.targets, 0) },
  };
}

async function collegeOf(db: TDbOrTx, universityId: string, collegeId: string) {
  const [college] = await db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.id, collegeId), eq(orgUnit.parentId, universityId), eq(orgUnit.kind, 'college')))
    .limit(1);
  if (!college) {
    throw new AppError('forbidden', '该院系不属于本校 / This college is not part of your university', {
      reason: 'college_out_of_scope',
    });
  }
  return college;
}

async function eligibleCounselors(db: TDbOrTx, universityId: string, userIds: string[]): Promise<TPerson[]> {
  if (userIds.length === 0) return [];
  const found = await repo.listUniversityCounselors(db, universityId, userIds);
  const ok = new Map(found.filter((f) => f.active).map((f) => [f.userId, f]));
  const bad = userIds.filter((id) => !ok.has(id));
  if (bad.length) {
    throw new AppError(
      'forbidden',
      '所选人员不是本校在岗的辅导员 / The chosen person is not an active counselor of your university',
      {
        reason: 'counselor_not_eligible',
        userIds: bad,
      },
    );
  }
  return userIds.map((id) => ({ userId: id, name: ok.get(id)!.name }));
}

/** Set who keeps one class (replacing the previous counselors). */
export async function setClassCounselors(
  deps: TDeps,
  ctx: TCtx,
  body: TClassAssignBody,
): Promise<TClassAssignResult> {
  const universityId = classAdminUniversity(ctx);
  return deps.database.db.transaction(async (tx) => {
    const college = await collegeOf(tx, universityId, body.collegeId);
    const after = await eligibleCounselors(tx, universityId, [...new Set(body.counselorUserIds)]);
    const key = { collegeId: college.id, className: body.className };
    await repo.lockClass(tx, key);
    const before = (await repo.listClassCounselors(tx, classWhere(key))).map((p) => ({
      userId: p.userId,
      name: p.name,
    }));
    return applyClassChanges(
      deps,
      tx,
      ctx,
      [{ ...key, collegeName: college.name, before, after }],
      body.reason,
    );
  });
}

/** Move every class of one counselor to another (a counselor leaves or changes post): the caseload follows. */
export async function moveCaseload(
  deps: TDeps,
  ctx: TCtx,
  body: TMoveCaseloadBody,
): Promise<TClassAssignResult> {
  const universityId = classAdminUniversity(ctx);
  if (body.fromUserId === body.toUserId) {
    throw new AppError('validation_error', '请选择另一名辅导员 / Choose a different counselor', {
      reason: 'same_counselor',
    });
  }
  return deps.database.db.transaction(async (tx) => {
    const [from] = await repo.listUniversityCounselors(tx, universityId, [body.fromUserId]);
    if (!from) {
      throw new AppError('forbidden', '该人员不是本校辅导员 / Not a counselor of your university', {
        reason: 'counselor_not_eligible',
        userIds: [body.fromUserId],
      });
    }
    const [to] = await eligibleCounselors(tx, universityId, [body.toUserId]);
    const classes = await repo.listClassCounselors(tx, eq(counselorClass.userId, body.fromUserId));
    const changes: TClassChange[] = [];
    for (const c of classes) {
      const key = { collegeId: c.collegeId, className: c.className };
      const college = await collegeOf(tx, universityId, c.collegeId);
      await repo.lockClass(tx, key);
      const before = (await repo.listClassCounselors(tx, classWhere(key))).map((p) => ({
        userId: p.userId,
        name: p.name,
      }));
      const after = [...before.filter((p) => p.userId !== from.userId && p.userId !== to!.userId), to!];
      changes.push({ ...key, collegeName: college.name, before, after });
    }
    return applyClassChanges(deps, tx, ctx, changes, body.reason);
  });
}

const classWhere = repo.classWhere;

/**
 * Write assignment changes in the caller's transaction: counselor_class rows, a `counselor` event on every case
 * of each changed class (through the ledger's own append), and one audit record. Used by the assignment page,
 * the staff import and the demo seed.
 */
export async function applyClassChanges(
  deps: TDeps,
  tx: TDbOrTx,
  ctx: TCtx,
  changes: TClassChange[],
  reason?: string,
): Promise<TClassAssignResult> {
  const now = deps.clock.now();
  const result: TClassAssignResult = { classes: 0, cases: 0 };
  const audited: unknown[] = [];
  for (const ch of changes) {
    const beforeIds = new Set(ch.before.map((p) => p.userId));
    const afterIds = new Set(ch.after.map((p) => p.userId));
    const added = ch.after.filter((p) => !beforeIds.has(p.userId));
    const removed = ch.before.filter((p) => !afterIds.has(p.userId));
    if (added.length === 0 && removed.length === 0) continue;
    const key = { collegeId: ch.collegeId, className: ch.className };
    await repo.deleteAssignments(
      tx,
      removed.map((p) => ({ ...key, userId: p.userId })),
    );
    await repo.insertAssignments(
      tx,
      added.map((p) => ({ ...key, userId: p.userId })),
    );
    const caseIds = await repo.listClassCaseIds(tx, key);
    const data = {
      collegeName: ch.collegeName,
      className: ch.className,
      counselorNames: ch.after.map((p) => p.name),
      previousCounselorNames: ch.before.map((p) => p.name),
      ...(reason ? { reason } : {}),
    };
    const events: TNewCaseEvent[] = caseIds.map((caseId) => ({
      caseId,
      kind: 'counselor',
      at: now,
      actorUserId: ctx.user?.id ?? null,
      actorName: ctx.user?.displayName ?? null,
      data,
    }));
    for (let i = 0; i < events.length; i += EVENT_CHUNK)
      await appendCaseEvents(tx, events.slice(i, i + EVENT_CHUNK));
    result.classes++;
    result.cases += caseIds.length;
    audited.push({
      ...key,
      before: ch.before.map((p) => p.userId),
      after: ch.after.map((p) => p.userId),
      cases: caseIds.length,
    });
  }
  if (audited.length) {
    await recordAudit(
      tx,
      ctx,
      {
        action: 'user.assign_classes',
        entityType: 'counselor_class',
        after: { changes: audited },
        ...(reason ? { reason } : {}),
      },
      now,
    );
  }
  return result;
}

/**
 * Add a counselor to classes of a college beside whoever keeps them already, without the admin check: for
 * callers that have checked scope themselves (the staff import) or act as the system (the demo seed, CLI).
 */
export async function addCounselorToClasses(
  deps: TDeps,
  ctx: TCtx,
  input: { userId: string; collegeId: string; classNames: string[] },
): Promise<TClassAssignResult> {
  return deps.database.db.transaction(async (tx) => {
    const [person] = await tx
      .select({ name: appUser.displayName })
      .from(appUser)
      .where(eq(appUser.id, input.userId))
      .limit(1);
    const [college] = await tx
      .select({ name: orgUnit.name })
      .from(orgUnit)
      .where(eq(orgUnit.id, input.collegeId))
      .limit(1);
    if (!person || !college)
      throw new AppError('not_found', '未找到辅导员或院系 / Counselor or college not found');
    const changes: TClassChange[] = [];
    for (const className of input.classNames) {
      const key = { collegeId: input.collegeId, className };
      await repo.lockClass(tx, key);
      const before = (await repo.listClassCounselors(tx, repo.classWhere(key))).map((p) => ({
        userId: p.userId,
        name: p.name,
      }));
      if (before.some((p) => p.userId === input.userId)) continue;
      changes.push({
        ...key,
        collegeName: college.name,
        before,
        after: [...before, { userId: input.userId, name: person.name }],
      });
    }
    return applyClassChanges(deps, tx, ctx, changes);
  });
}
