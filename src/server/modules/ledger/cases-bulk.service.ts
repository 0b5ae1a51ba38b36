import type { z } from 'zod';
import type { ZBulkMeasureBody, ZBulkStatusBody } from '../../../domain/api/ledger.ts';
import { isEmployedDestination, measureGroupOf } from '../../../domain/ledger/codes.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { lockCaseForWrite } from './case-access.ts';
import { happenedAt, later } from './case-dates.ts';
import { appendCaseEvents } from './case-events.repo.ts';
import * as repo from './cases.repo.ts';

// ——— bulk ———

/**
 * Apply one append or status change to many cases the user may change; cases they may not (out of scope,
 * handed over, contradicting status) are skipped and counted, never half-applied: all in one transaction.
 */
async function changeMany(
  deps: TDeps,
  ctx: TCtx,
  caseIds: string[],
  action: string,
  each: (tx: TDbOrTx, caseId: string) => Promise<boolean>,
  detail: Record<string, unknown>,
) {
  requireUser(ctx);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    let updated = 0;
    const done: string[] = [];
    for (const id of [...new Set(caseIds)].sort()) {
      try {
        await lockCaseForWrite(tx, ctx, id);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'not_found' || err.code === 'forbidden')) continue;
        throw err;
      }
      if (await each(tx, id)) {
        updated++;
        done.push(id);
      }
    }
    await recordAudit(
      tx,
      ctx,
      { action, entityType: 'ledger_case', after: { ...detail, caseIds: done } },
      now,
    );
    return { updated, skipped: caseIds.length - updated };
  });
}

export function bulkAddMeasure(deps: TDeps, ctx: TCtx, body: z.infer<typeof ZBulkMeasureBody>) {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  const { caseIds, ...measure } = body;
  const when = happenedAt(measure.date, now);
  return changeMany(
    deps,
    ctx,
    caseIds,
    'case.bulk_measure',
    async (tx, caseId) => {
      const cur = await repo.findCaseDetail(tx, caseId);
      await repo.updateCase(tx, caseId, { lastMeasureAt: later(cur?.lastMeasureAt ?? null, when) }, false);
      await appendCaseEvents(tx, [
        {
          caseId,
          kind: 'measure',
          at: now,
          occurredOn: measure.date,
          actorUserId: user.id,
          actorName: user.displayName,
          data: { ...measure, group: measureGroupOf(measure.item), bulk: true },
        },
      ]);
      return true;
    },
    measure,
  );
}

export function bulkSetStatus(deps: TDeps, ctx: TCtx, body: z.infer<typeof ZBulkStatusBody>) {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  return changeMany(
    deps,
    ctx,
    body.caseIds,
    'case.bulk_status',
    async (tx, caseId) => {
      const cur = await repo.findCaseDetail(tx, caseId);
      if (!cur || cur.status === body.status) return false;
      if (body.status === 'seeking' && isEmployedDestination(cur.destinationCode)) return false;
      await repo.updateCase(tx, caseId, { status: body.status, updatedAt: now, updatedBy: user.id }, true);
      await appendCaseEvents(tx, [
        {
          caseId,
          kind: 'status',
          at: now,
          actorUserId: user.id,
          actorName: user.displayName,
          data: { from: cur.status, to: body.status, note: body.note, bulk: true },
        },
      ]);
      return true;
    },
    { status: body.status, note: body.note },
  );
}
