import { and } from 'drizzle-orm';
import type {
  TGraduateFilters,
  TGraduateListItem,
  TGraduateListQuery,
} from '../../../domain/api/registry.ts';
import { maskIdNumber } from '../../../domain/id-number.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { graduateScopeWhere } from '../../plugins/scope-sql.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { graduateFilterWhere } from './graduate-filters.ts';
import * as repo from './graduates.repo.ts';

type TSelected = Awaited<ReturnType<typeof repo.listGraduates>>['rows'][number];

/** A row as the API shows it: the ID masked (older rows without a stored mask are masked on the fly). */
export function toListItem(
  deps: TDeps,
  { idMasked, idEncrypted, studentNo: _s, ...r }: TSelected,
): TGraduateListItem {
  return { ...r, idNumberMasked: idMasked ?? maskIdNumber(deps.crypto.decrypt(idEncrypted)) };
}

/** Scope first, then the user's filters: the one place list, counts and export build their WHERE. */
export function scopedWhere(ctx: TCtx, f: TGraduateFilters) {
  return and(graduateScopeWhere(ctx.scope), graduateFilterWhere(f))!;
}

/** The graduates the user may see, filtered, sorted and paged, ID numbers masked. */
export async function listGraduates(deps: TDeps, ctx: TCtx, q: TGraduateListQuery) {
  requireUser(ctx);
  const { rows, total } = await repo.listGraduates(deps.database.db, scopedWhere(ctx, q), q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => toListItem(deps, r)), total, page: q.page, pageSize: q.pageSize };
}

/** Totals and counts by province, county and university over the same scoped, filtered set. */
export async function countGraduates(deps: TDeps, ctx: TCtx, f: TGraduateFilters) {
  requireUser(ctx);
  return repo.countGraduates(deps.database.db, scopedWhere(ctx, f));
}

/**
 * Reveal a full ID number: needs the permission, a graduate inside the user's scope, and a reason; the reveal
 * is audited before the number is returned.
 */
export async function revealIdNumber(
  deps: TDeps,
  ctx: TCtx,
  graduateId: string,
  reason: string,
): Promise<string> {
  requireUser(ctx);
  const { db } = deps.database;
  const row = await repo.findGraduateInScope(db, graduateScopeWhere(ctx.scope), graduateId);
  if (!row) throw notFound('Graduate');
  if (!reason.trim()) throw new AppError('validation_error', 'A reason is required');
  await db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      { action: 'graduate.reveal_id', entityType: 'graduate', entityId: row.id, reason },
      deps.clock.now(),
    ),
  );
  return deps.crypto.decrypt(row.idEncrypted);
}
