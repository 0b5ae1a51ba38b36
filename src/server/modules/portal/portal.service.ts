import { ZCaseNeeds } from '../../../domain/api/ledger.ts';
import type {
  TAccessLogItem,
  TAccessLogQuery,
  TSelfCase,
  TSelfCaseAnswer,
  TSelfFile,
  TSelfNeedsBody,
  TSelfProgress,
  TSelfProgressBody,
} from '../../../domain/api/portal.ts';
import { maskIdNumber, maskPhone } from '../../../domain/id-number.ts';
import { PROGRESS_KINDS, type TIntention, type TProgressKind } from '../../../domain/ledger/codes.ts';
import { accessLabel } from '../../../domain/portal/access-labels.ts';
import { parsePhone } from '../../../domain/registry/parse-values.ts';
import { ROLES, type TRole } from '../../../domain/roles.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { appendCaseEvents, listCaseEvents } from '../ledger/case-events.repo.ts';
import { checkEvidenceFile } from '../ledger/evidence-check.ts';
import * as repo from './portal.repo.ts';

/*
 * Graduate self-service: the signed-in graduate reads and updates their OWN case file only — it is resolved
 * from graduate.user_id = the user (scope clause `self`), never from an id the client sends. Writes are audited
 * and appended to the case timeline with `bySelf: true`.
 */

const PROGRESS_LIMIT = 100;

async function requireSelfCase(
  db: TDbOrTx,
  ctx: TCtx,
): Promise<{ user: TSessionUser; row: repo.TSelfCaseRow }> {
  const user = requireUser(ctx);
  const row = await repo.findSelfCase(db, ctx, user.id);
  if (!row) {
    throw new AppError(
      'not_found',
      '尚未为您建立就业服务档案，请联系辅导员 / No employment-service record yet; please contact your counselor',
    );
  }
  return { user, row };
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function toFile(f: { id: string; name: string; mime: string; size: number; createdAt: Date }): TSelfFile {
  return { id: f.id, name: f.name, mime: f.mime, size: f.size, createdAt: f.createdAt.toISOString() };
}

function toProgress(e: {
  id: number;
  at: Date;
  occurredOn: string | null;
  data: Record<string, unknown>;
}): TSelfProgress {
  const d = e.data;
  const bySelf = d.bySelf === true;
  const kind = PROGRESS_KINDS.find((k) => k === d.kind) ?? null;
  return {
    id: e.id,
    kind: kind as TProgressKind | null,
    employer: text(d.employer),
    post: text(d.post),
    date: e.occurredOn ?? text(d.date),
    note: bySelf ? text(d.note) : null,
    evidenceFileId: bySelf ? text(d.evidenceFileId) : null,
    at: e.at.toISOString(),
    bySelf,
  };
}

function decryptOrNull(deps: TDeps, token: string | null): string | null {
  if (!token) return null;
  try {
    return deps.crypto.decrypt(token);
  } catch {
    return null;
  }
}

/** Everything the self-service page shows, built field by field (never a spread of the staff view). */
async function buildSelfView(
  deps: TDeps,
  db: TDbOrTx,
  userId: string,
  row: repo.TSelfCaseRow,
): Promise<TSelfCase> {
  const [helper, counselors, events, files] = await Promise.all([
    repo.findHelperContact(db, row.graduateId),
    repo.listCounselorContacts(db, row.collegeId, row.className),
    listCaseEvents(db, row.caseId, { withPrivate: false, limit: PROGRESS_LIMIT, kind: 'progress' }),
    repo.listOwnFiles(db, row.caseId, userId),
  ]);
  const idNumber = row.idMasked ? null : decryptOrNull(deps, row.idEncrypted);
  const rawPhone = decryptOrNull(deps, row.phoneEncrypted);
  const phone = rawPhone ? (parsePhone(rawPhone) ?? rawPhone) : null;
  const needs = ZCaseNeeds.safeParse(row.needs ?? {});
  return {
    caseId: row.caseId,
    version: row.version,
    cohort: row.cohort,
    name: row.name,
    universityName: row.universityName,
    collegeName: row.collegeName,
    majorName: row.majorName,
    level: row.level,
    idNumberMasked: row.idMasked ?? (idNumber ? maskIdNumber(idNumber) : '******'),
    phoneMasked: phone ? maskPhone(phone) : null,
    status: row.status as TSelfCase['status'],
    intention: row.intention as TIntention | null,
    needs: needs.success ? needs.data : ZCaseNeeds.parse({}),
    needsConfirmedAt: iso(row.needsConfirmedAt),
    destination:
      row.destinationCode || row.destination
        ? {
            code: row.destinationCode,
            employer: text(row.destination?.employer),
            date: text(row.destination?.date),
          }
        : null,
    progress: events.filter((e) => !e.private).map(toProgress),
    helper: helper ?? null,
    counselors,
    files: files.map(toFile),
  };
}

/** GET /api/me/case: the graduate's own record, or null while none is open. */
export async function getSelfCase(deps: TDeps, ctx: TCtx): Promise<TSelfCaseAnswer> {
  const { db } = deps.database;
  const user = requireUser(ctx);
  const row = await repo.findSelfCase(db, ctx, user.id);
  return { record: row ? await buildSelfView(deps, db, user.id, row) : null };
}

/**
 * The graduate confirms or updates their intention and needs: sets the 就业需求清 date and bumps the version
 * (last writer wins on their own record, but a counselor editing meanwhile gets a conflict).
 */
export async function updateSelfNeeds(deps: TDeps, ctx: TCtx, body: TSelfNeedsBody): Promise<TSelfCase> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const { user, row } = await requireSelfCase(db, ctx);
  await db.transaction(async (tx) => {
    await repo.lockCase(tx, row.caseId);
    const current = (await repo.findSelfCase(tx, ctx, user.id))!;
    const updated = await repo.updateCase(tx, row.caseId, {
      intention: body.intention,
      needs: body.needs,
      needsConfirmedAt: now,
      updatedAt: now,
      updatedBy: user.id,
      bumpVersion: true,
    });
    await appendCaseEvents(tx, [
      {
        caseId: row.caseId,
        kind: 'needs',
        at: now,
        actorUserId: user.id,
        actorName: user.displayName,
        data: { bySelf: true, confirmed: true, intention: body.intention, needs: body.needs },
      },
    ]);
    await recordAudit(
      tx,
      ctx,
      {
        action: 'case.self_needs',
        entityType: 'ledger_case',
        entityId: row.caseId,
        before: { intention: current.intention, needs: current.needs, version: current.version },
        after: { intention: body.intention, needs: body.needs, version: updated.version },
      },
      now,
    );
  });
  return buildSelfView(deps, db, user.id, (await repo.findSelfCase(db, ctx, user.id))!);
}

/** The graduate reports an application, interview, offer (optionally with their uploaded evidence) or rejection. */
export async function addSelfProgress(
  deps: TDeps,
  ctx: TCtx,
  body: TSelfProgressBody,
): Promise<TSelfProgress> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const { user, row } = await requireSelfCase(db, ctx);
  if (body.evidenceFileId && !(await repo.findOwnFile(db, row.caseId, user.id, body.evidenceFileId))) {
    throw new AppError('validation_error', '证明材料不存在，请重新上传 / The evidence file was not found', [
      { path: ['evidenceFileId'], message: 'evidence_not_found' },
    ]);
  }
  const data = {
    bySelf: true,
    kind: body.kind,
    employer: body.employer,
    post: body.post,
    date: body.date,
    note: body.note,
    evidenceFileId: body.evidenceFileId,
  };
  await db.transaction(async (tx) => {
    await repo.lockCase(tx, row.caseId);
    await appendCaseEvents(tx, [
      {
        caseId: row.caseId,
        kind: 'progress',
        at: now,
        occurredOn: body.date,
        actorUserId: user.id,
        actorName: user.displayName,
        data,
      },
    ]);
    await repo.updateCase(tx, row.caseId, { progressUpdatedAt: now });
    await recordAudit(
      tx,
      ctx,
      { action: 'case.self_progress', entityType: 'ledger_case', entityId: row.caseId, after: data },
      now,
    );
  });
  const [event] = await listCaseEvents(db, row.caseId, { withPrivate: false, limit: 1, kind: 'progress' });
  return toProgress(event!);
}

/** Store an evidence file (PDF/JPG/PNG ≤ 10 MB, checked by content) on the graduate's case. */
export async function uploadSelfFile(
  deps: TDeps,
  ctx: TCtx,
  file: { name: string; content: Buffer },
): Promise<TSelfFile> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const { user, row } = await requireSelfCase(db, ctx);
  const checked = checkEvidenceFile(file.name, file.content);
  return db.transaction(async (tx) => {
    const stored = await repo.insertFile(tx, {
      caseId: row.caseId,
      name: checked.name,
      mime: checked.mime,
      size: file.content.length,
      content: file.content,
      uploadedBy: user.id,
      createdAt: now,
    });
    const data = { bySelf: true, fileId: stored.id, name: stored.name, size: stored.size };
    await appendCaseEvents(tx, [
      { caseId: row.caseId, kind: 'file', at: now, actorUserId: user.id, actorName: user.displayName, data },
    ]);
    await recordAudit(
      tx,
      ctx,
      { action: 'case.self_file', entityType: 'ledger_case', entityId: row.caseId, after: data },
      now,
    );
    return toFile(stored);
  });
}

/** One of the graduate's own uploaded files; any other id is "not found". */
export async function getSelfFile(deps: TDeps, ctx: TCtx, fileId: string) {
  const { db } = deps.database;
  const { user, row } = await requireSelfCase(db, ctx);
  const file = await repo.findOwnFile(db, row.caseId, user.id, fileId);
  if (!file) throw notFound('File');
  return { name: file.name, mime: file.mime, content: Buffer.from(file.content) };
}

/** The role a read recorded (reads keep the reader's roles), else the actor's role now; the first one listed. */
function roleAtTheTime(after: unknown, current: string[] | null): TRole | null {
  const recorded = (after as { roles?: unknown } | null)?.roles;
  const roles = Array.isArray(recorded) && recorded.length ? recorded : (current ?? []);
  const role = roles.find((x): x is TRole => (ROLES as readonly unknown[]).includes(x));
  return role ?? null;
}

/**
 * Who looked at or changed the graduate's record (case page, timeline and evidence reads, reveals, edits,
 * exports that contained them): audit rows about their graduate row or case file, newest first — as a label,
 * a name, a role and an org, never the audit payload.
 */
export async function listSelfAccessLog(deps: TDeps, ctx: TCtx, q: TAccessLogQuery) {
  const { db } = deps.database;
  const user = requireUser(ctx);
  const row = await repo.findSelfCase(db, ctx, user.id);
  if (!row) return { items: [] as TAccessLogItem[], total: 0, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await repo.listRecordAudit(
    db,
    { graduateId: row.graduateId, caseId: row.caseId },
    {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    },
  );
  const items: TAccessLogItem[] = rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    label: accessLabel(r.action, r.after),
    actorName: r.actorName,
    // a poverty-relief office's name would say what these pages never say; its staff show by name only
    orgName: r.orgKind === 'poverty_office' ? null : r.orgName,
    role: r.orgKind === 'poverty_office' ? null : roleAtTheTime(r.after, r.actorRoles),
    bySelf: r.actorUserId === user.id,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
