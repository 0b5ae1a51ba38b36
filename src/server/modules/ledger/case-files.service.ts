import { hasPermission } from '../../../domain/roles.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { guardReveal } from '../registry/reveal-limit.ts';
import { getCaseInScope, lockCaseForWrite, requireCaseNotes } from './case-access.ts';
import { appendCaseEvents } from './case-events.repo.ts';
import * as repo from './cases.repo.ts';
import { findEvidenceFile, storeEvidenceFile } from './evidence-files.ts';

export async function uploadEvidence(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  file: { name: string; content: Buffer },
) {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    await lockCaseForWrite(tx, ctx, caseId);
    const row = await storeEvidenceFile(tx, { caseId, ...file, uploadedBy: user.id, now });
    await appendCaseEvents(tx, [
      {
        caseId,
        kind: 'file',
        at: now,
        actorUserId: user.id,
        actorName: user.displayName,
        data: { fileId: row.id, name: row.name },
      },
    ]);
    await recordAudit(
      tx,
      ctx,
      {
        action: 'case.file',
        entityType: 'ledger_case',
        entityId: caseId,
        after: { fileId: row.id, name: row.name, size: row.size },
      },
      now,
    );
    return { ...row, createdAt: row.createdAt.toISOString() };
  });
}

export async function getEvidence(deps: TDeps, ctx: TCtx, caseId: string, fileId: string) {
  await requireCaseNotes(deps.database.db, ctx, caseId); // evidence is a case note (field rule)
  const file = await findEvidenceFile(deps.database.db, caseId, fileId);
  if (!file) throw notFound('File');
  return file;
}

/** Reveal the full ID number or phone of the case's graduate: permission, scope and a reason; audited first. */
export async function revealOnCase(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  body: { field: 'idNumber' | 'phone'; reason: string },
) {
  const user = requireUser(ctx);
  if (!hasPermission(user.roles, 'graduates.reveal')) throw forbidden();
  const { db } = deps.database;
  const ref = await getCaseInScope(db, ctx, caseId);
  const row = await repo.findCaseDetail(db, caseId);
  const encrypted = body.field === 'idNumber' ? row?.idEncrypted : row?.phoneEncrypted;
  if (!encrypted) throw notFound(body.field === 'idNumber' ? 'ID number' : 'Phone');
  await guardReveal(deps, ctx, { graduateId: ref.graduateId, field: body.field }, body.reason);
  const now = deps.clock.now();
  await db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      {
        action: body.field === 'idNumber' ? 'graduate.reveal_id' : 'graduate.reveal_phone',
        entityType: 'graduate',
        entityId: ref.graduateId,
        after: { caseId },
        reason: body.reason,
      },
      now,
    ),
  );
  return { value: deps.crypto.decrypt(encrypted) };
}
