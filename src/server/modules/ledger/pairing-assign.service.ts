import { and, eq } from 'drizzle-orm';
import type { TAssignBody, TAssignResult } from '../../../domain/api/pairing.ts';
import { caseWriteDenial } from '../../../domain/ledger/access.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import { ledgerCase } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseScopeWhere } from './case-access.ts';
import { appendCaseEvents } from './case-events.repo.ts';
import * as repo from './pairing.repo.ts';

/*
 * The write of 一帮一 pairing, set-based so that pairing a whole university is a handful of statements: the
 * checks lockCaseForWrite makes for one case (lock, scope, holder rule), made for all cases of the call at once.
 */

const EVENT_CHUNK = 1000;

const handedOver = () =>
  new AppError(
    'forbidden',
    '该台账已移交人社部门，学校只可查看 / This case has been handed over to HRSS; the university can only read it',
    { reason: 'handed_over' },
  );

/**
 * Assign helpers of the university to its cases in one transaction (the caller has checked that `user` is an
 * admin of `universityId`). Refuses the whole call when a helper is not eligible (403), a case is not the
 * university's (404) or has been handed over (403).
 */
export async function assignPairs(
  deps: TDeps,
  ctx: TCtx,
  user: TSessionUser,
  universityId: string,
  body: TAssignBody,
): Promise<TAssignResult> {
  const caseIds = body.pairs.map((p) => p.caseId);
  if (new Set(caseIds).size !== caseIds.length) {
    throw new AppError('validation_error', '同一名毕业生只能出现一次 / Each case may appear only once', {
      reason: 'duplicate_case',
    });
  }
  const helperIds = [...new Set(body.pairs.map((p) => p.helperUserId))];
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const helpers = new Map((await repo.listHelpers(tx, universityId, helperIds)).map((h) => [h.userId, h]));
    const notEligible = helperIds.filter((id) => !helpers.has(id));
    if (notEligible.length > 0) {
      throw new AppError(
        'forbidden',
        '所选人员不是本校在岗的帮扶责任人 / The chosen person is not an active helper of your university',
        { reason: 'helper_not_eligible', helperUserIds: notEligible },
      );
    }
    // the same checks as lockCaseForWrite, for many cases at once: lock, scope, holder rule
    await repo.lockCases(tx, caseIds);
    const refs = await repo.findCaseRefs(
      tx,
      repo.pairingCasesWhere(caseScopeWhere(ctx), universityId),
      caseIds,
    );
    const refById = new Map(refs.map((r) => [r.id, r]));
    const missing = caseIds.filter((id) => !refById.has(id));
    if (missing.length > 0) {
      // a handed-over case of the university is visible but not writable: say so rather than "not found"
      const all = await repo.findCaseRefs(
        tx,
        and(caseScopeWhere(ctx), eq(ledgerCase.universityId, universityId))!,
        missing,
      );
      if (all.some((r) => r.stage !== 'school')) throw handedOver();
      throw new AppError('not_found', '未找到台账 / Case not found', { caseIds: missing });
    }
    for (const ref of refs) {
      const denial = caseWriteDenial(user, ref);
      if (denial === 'handed_over') throw handedOver();
      if (denial)
        throw new AppError('forbidden', '无权修改该台账 / You cannot change this case', { reason: denial });
    }
    const current = new Map(
      (
        await repo.findCurrentPairings(
          tx,
          refs.map((r) => r.graduateId),
        )
      ).map((p) => [p.graduateId, p]),
    );
    const result: TAssignResult = { assigned: 0, reassigned: 0, unchanged: 0 };
    const toEnd: string[] = [];
    const toInsert: Parameters<typeof repo.insertPairings>[1] = [];
    const changes: { caseId: string; helperUserId: string; previousHelperUserId: string | null }[] = [];
    const events: Parameters<typeof appendCaseEvents>[1] = [];
    for (const pair of body.pairs) {
      const ref = refById.get(pair.caseId)!;
      const before = current.get(ref.graduateId);
      if (before?.helperUserId === pair.helperUserId) {
        result.unchanged++;
        continue;
      }
      if (before) {
        toEnd.push(before.id);
        result.reassigned++;
      } else result.assigned++;
      toInsert.push({
        graduateId: ref.graduateId,
        helperUserId: pair.helperUserId,
        startedAt: now,
        assignedBy: user.id,
      });
      changes.push({
        caseId: ref.id,
        helperUserId: pair.helperUserId,
        previousHelperUserId: before?.helperUserId ?? null,
      });
      events.push({
        caseId: ref.id,
        kind: 'pairing',
        at: now,
        actorUserId: user.id,
        actorName: user.displayName,
        data: {
          helperUserId: pair.helperUserId,
          helperName: helpers.get(pair.helperUserId)!.name,
          previousHelperName: before?.helperName ?? null,
          ...(before && body.reason ? { reason: body.reason } : {}),
        },
      });
    }
    if (changes.length === 0) return result;
    await repo.endPairings(tx, toEnd, {
      endedAt: now,
      endedBy: user.id,
      endReason: body.reason || 'reassigned',
    });
    await repo.insertPairings(tx, toInsert);
    // bounded statements: a whole university's pairing stays far below the bind-parameter limit
    for (let i = 0; i < events.length; i += EVENT_CHUNK)
      await appendCaseEvents(tx, events.slice(i, i + EVENT_CHUNK));
    await recordAudit(
      tx,
      ctx,
      {
        action: 'pairing.assign',
        entityType: 'helper_pairing',
        after: changes,
        ...(body.reason ? { reason: body.reason } : {}),
      },
      now,
    );
    return result;
  });
}
