import { sql } from 'drizzle-orm';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countCasesWithWork } from '../ledger/case-events.repo.ts';
import { openCasesForTargets } from '../ledger/open-cases.repo.ts';
import { refreshTargets } from '../registry/targets.repo.ts';
import * as repo from './import.repo.ts';
import { getBatchForUser } from './import-access.ts';
import * as registryRepo from './registry-entries.repo.ts';
import * as rosterRepo from './roster.repo.ts';
import { removeUpload } from './uploads.ts';

type TBatch = repo.TBatchRow;

/** Lock the batch row for the rest of the transaction and check it is in the expected state. */
async function lockBatch(tx: TDbOrTx, id: string, expected: TBatch['status']): Promise<TBatch> {
  await tx.execute(sql`select 1 from import_batch where id = ${id} for update`);
  const batch = await repo.findBatch(tx, id);
  if (!batch || batch.status !== expected) {
    throw new AppError(
      'conflict',
      `批次状态为 ${batch?.status}，需要 ${expected} / Batch is ${batch?.status}, expected ${expected}`,
    );
  }
  return batch;
}

/** Graduates whose flags may change when a registry batch comes or goes: those sharing its hashes. */
const sharesHashWithBatch = (batchId: string) =>
  sql`g2.id_hash in (select id_hash from import_row where batch_id = ${batchId})`;

/**
 * Commit a staged batch in one transaction: all of it or nothing. Re-committing the same file finds every
 * row unchanged and writes no graduate.
 */
export async function commitBatch(deps: TDeps, ctx: TCtx, id: string) {
  await getBatchForUser(deps, ctx, id);
  const now = deps.clock.now();
  const committed = await deps.database.db.transaction(async (tx) => {
    const batch = await lockBatch(tx, id, 'staged');
    if (batch.kind === 'roster') {
      await rosterRepo.applyRosterBatch(tx, id, now);
      // new graduates got their flags in the INSERT; updated ones may have moved county
      await refreshTargets(
        tx,
        sql`g2.id in (select graduate_id from import_row where batch_id = ${id} and status = 'updated')`,
      );
    } else {
      await registryRepo.applyRegistryBatch(tx, id, now);
      await refreshTargets(tx, sharesHashWithBatch(id));
    }
    // target graduates get their 一人一策 case file with the batch that made them targets
    await openCasesForTargets(tx, now);
    await repo.updateBatch(tx, id, { status: 'committed', committedBy: ctx.user!.id, committedAt: now });
    await recordAudit(
      tx,
      ctx,
      {
        action: 'import.commit',
        entityType: 'import_batch',
        entityId: id,
        after: { kind: batch.kind, fileName: batch.fileName, counts: batch.counts },
      },
      now,
    );
    await repo.updateBatch(tx, id, { storedFile: null });
    return { ...batch, status: 'committed' as const };
  });
  // the upload is no longer needed once its rows are in; staged rows stay for the error list and revert
  await removeUpload(committed.storedFile);
  return committed;
}

/** Throw away a staged (or failed) batch; its staged rows are deleted. */
export async function discardBatch(deps: TDeps, ctx: TCtx, id: string) {
  const current = await getBatchForUser(deps, ctx, id);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    await lockBatch(tx, id, current.status === 'failed' ? 'failed' : 'staged');
    await repo.deleteStagedRows(tx, id);
    await repo.updateBatch(tx, id, {
      status: 'discarded',
      closedBy: ctx.user!.id,
      closedAt: now,
      storedFile: null,
    });
    await recordAudit(tx, ctx, { action: 'import.discard', entityType: 'import_batch', entityId: id }, now);
  });
  await removeUpload(current.storedFile);
}

/**
 * Undo a committed batch. A roster batch is refused when a later batch changed the same graduates (its
 * before-images would overwrite that work); the user reverts the later batch first.
 */
export async function revertBatch(deps: TDeps, ctx: TCtx, id: string) {
  await getBatchForUser(deps, ctx, id);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const batch = await lockBatch(tx, id, 'committed');
    if (batch.kind === 'roster') {
      const later = await rosterRepo.countLaterChanges(tx, id);
      if (later > 0) {
        throw new AppError(
          'conflict',
          `有 ${later} 名毕业生已被之后的批次修改，请先撤销之后的批次 / ${later} graduates were changed by a later batch; revert that batch first`,
          { laterChanges: later },
        );
      }
      const worked = await countCasesWithWork(
        tx,
        sql`select graduate_id from graduate_change where batch_id = ${id} and op = 'insert'`,
      );
      if (worked > 0) {
        throw new AppError(
          'conflict',
          `该批次新增的毕业生中有 ${worked} 份帮扶台账已有记录，不能撤销 / ${worked} case files of this batch's new graduates already hold work; the batch cannot be reverted`,
          { casesWithWork: worked },
        );
      }
      await rosterRepo.revertRosterBatch(tx, id);
      await refreshTargets(
        tx,
        sql`g2.id in (select graduate_id from graduate_change where batch_id = ${id} and op = 'update')`,
      );
    } else {
      await registryRepo.revertRegistryBatch(tx, id);
      await refreshTargets(tx, sharesHashWithBatch(id));
    }
    await repo.updateBatch(tx, id, { status: 'reverted', closedBy: ctx.user!.id, closedAt: now });
    await recordAudit(tx, ctx, { action: 'import.revert', entityType: 'import_batch', entityId: id }, now);
  });
}
