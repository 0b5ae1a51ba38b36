import type { z } from 'zod';
import type { ZGraduateListQuery } from '../../../domain/api/registry.ts';
import { maskIdNumber } from '../../../domain/id-number.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { graduateScopeWhere } from '../../plugins/scope-sql.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import * as repo from './graduates.repo.ts';

/** The graduates the user may see, ID numbers masked. */
export async function listGraduates(deps: TDeps, ctx: TCtx, q: z.infer<typeof ZGraduateListQuery>) {
  requireUser(ctx);
  const { rows, total } = await repo.listGraduates(
    deps.database.db,
    graduateScopeWhere(ctx.scope),
    { cohort: q.cohort },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const items = rows.map(({ idEncrypted, ...r }) => ({
    ...r,
    idNumberMasked: maskIdNumber(deps.crypto.decrypt(idEncrypted)),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
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
