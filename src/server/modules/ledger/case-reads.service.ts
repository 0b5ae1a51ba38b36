import type { TCtx, TDeps } from '../../context.ts';
import { recordRead } from '../audit/audit.service.ts';
import { getEvidence } from './case-files.service.ts';
import { getCase, listEvents } from './cases-query.service.ts';

/*
 * Reads of one graduate's case as the API serves them, each audited once the read succeeded (scope and field
 * rule passed), so the graduate's access log (我的档案被谁看过) shows every office that looked. A read is one
 * INSERT sealed on its own, without the chain lock (decision 0016); the case list is not audited per graduate.
 * The services' own getCase (a write returning the fresh page) is the writer's audited change, not a read.
 */

export async function readCase(deps: TDeps, ctx: TCtx, caseId: string) {
  const detail = await getCase(deps, ctx, caseId);
  await recordRead(
    deps.database.db,
    ctx,
    { action: 'case.view', entityType: 'ledger_case', entityId: caseId, after: readerOf(ctx) },
    deps.clock.now(),
  );
  return detail;
}

export async function readTimeline(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  q: { page: number; pageSize: number; kind?: string | undefined },
) {
  const page = await listEvents(deps, ctx, caseId, q);
  await recordRead(
    deps.database.db,
    ctx,
    {
      action: 'case.timeline_view',
      entityType: 'ledger_case',
      entityId: caseId,
      after: { ...readerOf(ctx), page: q.page },
    },
    deps.clock.now(),
  );
  return page;
}

export async function downloadEvidence(deps: TDeps, ctx: TCtx, caseId: string, fileId: string) {
  const file = await getEvidence(deps, ctx, caseId, fileId);
  await recordRead(
    deps.database.db,
    ctx,
    {
      action: 'case.file_download',
      entityType: 'ledger_case',
      entityId: caseId,
      after: { ...readerOf(ctx), fileId, name: file.name },
    },
    deps.clock.now(),
  );
  return file;
}

/** The reader's roles as they were at the read, for the access log's "role" column. */
function readerOf(ctx: TCtx) {
  return { roles: ctx.user?.roles ?? [] };
}
