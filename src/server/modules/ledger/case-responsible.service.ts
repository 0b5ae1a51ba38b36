import { and, asc, eq, sql } from 'drizzle-orm';
import type { TResponsibleBody, TResponsibleCandidate } from '../../../domain/api/handover.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser, ledgerCase } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { getCaseInScope, lockCaseForWrite, type TCaseRef } from './case-access.ts';
import { appendCaseEvents } from './case-events.repo.ts';
import { getCase } from './cases-query.service.ts';

/*
 * After a handover the county HRSS bureau holds the case; it names the staff member responsible for it (离校未就业
 * 实名帮扶: a named person per graduate). Only the holding bureau may (the holder rule of lockCaseForWrite), only
 * one of its own active staff can be named, and the change is audited and on the case's timeline.
 */

/** The holding bureau's active staff (county_hrss role), by name; empty while the case is at school. */
async function bureauStaff(db: TDbOrTx, ref: TCaseRef): Promise<TResponsibleCandidate[]> {
  if (ref.stage !== 'handed_over') return [];
  return db
    .select({ userId: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(
      and(
        eq(appUser.orgId, ref.holderOrgId),
        eq(appUser.active, true),
        sql`'county_hrss' = any(${appUser.roles})`,
      ),
    )
    .orderBy(asc(appUser.displayName), asc(appUser.id));
}

/** Who can be named for the case: the holding bureau's staff (what the case page's picker offers). */
export async function listResponsibleCandidates(deps: TDeps, ctx: TCtx, caseId: string) {
  const ref = await getCaseInScope(deps.database.db, ctx, caseId);
  return bureauStaff(deps.database.db, ref);
}

/** Name (or clear) the bureau's responsible person for a handed-over case; the fresh case page. */
export async function setResponsible(deps: TDeps, ctx: TCtx, caseId: string, body: TResponsibleBody) {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const ref = await lockCaseForWrite(tx, ctx, caseId);
    if (ref.stage !== 'handed_over') {
      throw new AppError(
        'conflict',
        '该台账尚未移交人社部门，由学校帮扶 / The case is still with the university: name a person after handover',
        { reason: 'not_handed_over' },
      );
    }
    const staff = await bureauStaff(tx, ref);
    const chosen = body.userId ? staff.find((s) => s.userId === body.userId) : null;
    if (body.userId && !chosen) {
      throw new AppError(
        'validation_error',
        '只能指定本单位在岗的人社工作人员 / Name one of your own bureau’s active staff',
        { field: 'userId' },
      );
    }
    const [cur] = await tx
      .select({
        userId: ledgerCase.responsibleUserId,
        name: sql<
          string | null
        >`(select display_name from app_user u where u.id = ${ledgerCase.responsibleUserId})`,
      })
      .from(ledgerCase)
      .where(eq(ledgerCase.id, caseId));
    if ((cur?.userId ?? null) === (body.userId ?? null)) return;
    await tx
      .update(ledgerCase)
      .set({ responsibleUserId: body.userId, updatedAt: now, updatedBy: user.id })
      .where(eq(ledgerCase.id, caseId));
    const before = { userId: cur?.userId ?? null, name: cur?.name ?? null };
    const after = { userId: chosen?.userId ?? null, name: chosen?.name ?? null };
    await appendCaseEvents(tx, [
      {
        caseId,
        kind: 'responsible',
        at: now,
        actorUserId: user.id,
        actorName: user.displayName,
        data: { name: after.name, previousName: before.name },
      },
    ]);
    await recordAudit(
      tx,
      ctx,
      { action: 'case.responsible', entityType: 'ledger_case', entityId: caseId, before, after },
      now,
    );
  });
  return getCase(deps, ctx, caseId);
}
