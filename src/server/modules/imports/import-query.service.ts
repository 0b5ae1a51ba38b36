import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { TImportBatch, TImportRow } from '../../../domain/api/imports.ts';
import { hasPermission } from '../../../domain/roles.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { graduate, importBatch, orgUnit } from '../../db/schema/index.ts';
import { forbidden } from '../../errors.ts';
import { requireUser } from '../auth/auth.service.ts';
import * as repo from './import.repo.ts';
import { batchVisibleWhere, getBatchForUser } from './import-access.ts';

/** Fields of a staged record safe to show in the preview (no ciphertext, masked ID only). */
const PREVIEW_FIELDS = [
  'name',
  'idMasked',
  'gender',
  'level',
  'college',
  'className',
  'majorName',
  'domicileCode',
  'domicileRawCode',
  'countyCode',
  'householdRef',
  'cohort',
] as const;

export function toBatchDto(b: repo.TBatchRow, universityName: string | null): TImportBatch {
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    fileName: b.fileName,
    fileSize: b.fileSize,
    universityId: b.universityId,
    universityName,
    cohort: b.cohort,
    progress: b.progress,
    counts: b.counts,
    mapping: b.mapping ?? null,
    headers: b.headers ?? null,
    headerRow: b.headerRow ?? null,
    failure: b.failure,
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    committedAt: b.committedAt?.toISOString() ?? null,
    closedAt: b.closedAt?.toISOString() ?? null,
  };
}

async function universityNames(deps: TDeps, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await deps.database.db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function getBatch(deps: TDeps, ctx: TCtx, id: string): Promise<TImportBatch> {
  const batch = await getBatchForUser(deps, ctx, id);
  const names = await universityNames(deps, [batch.universityId]);
  return toBatchDto(batch, batch.universityId ? (names.get(batch.universityId) ?? null) : null);
}

export async function listBatches(
  deps: TDeps,
  ctx: TCtx,
  q: { page: number; pageSize: number; kind?: 'roster' | 'registry'; status?: string },
) {
  const user = requireUser(ctx);
  if (!hasPermission(user.roles, 'imports.manage')) throw forbidden();
  const conds: SQL[] = [batchVisibleWhere(user)];
  if (q.kind) conds.push(eq(importBatch.kind, q.kind));
  if (q.status) conds.push(eq(importBatch.status, q.status as 'staged'));
  const { rows, total } = await repo.listBatches(
    deps.database.db,
    and(...conds),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const names = await universityNames(
    deps,
    rows.map((r) => r.universityId),
  );
  const items = rows.map((b) => toBatchDto(b, b.universityId ? (names.get(b.universityId) ?? null) : null));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Staged rows of a batch, with errors, warnings and a non-personal preview. */
export async function listBatchRows(
  deps: TDeps,
  ctx: TCtx,
  id: string,
  q: { page: number; pageSize: number; status?: TImportRow['status'] },
) {
  const batch = await getBatchForUser(deps, ctx, id);
  const { rows, total } = await repo.listRows(
    deps.database.db,
    id,
    q.status,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const current = batch.kind === 'roster' ? await currentValues(deps, rows) : new Map();
  const items: TImportRow[] = rows.map((r) => ({
    rowNo: r.rowNo,
    status: r.status,
    errors: r.errors ?? [],
    warnings: r.warnings ?? [],
    preview: r.record
      ? Object.fromEntries(PREVIEW_FIELDS.filter((f) => f in r.record!).map((f) => [f, r.record![f]]))
      : null,
    changes:
      r.status === 'updated' && r.graduateId && r.record
        ? diffRecord(current.get(r.graduateId), r.record)
        : [],
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Roster field → graduate column for the before → after view of updated rows (phones are ciphertext: left out). */
const COMPARED: [string, keyof typeof graduate.$inferSelect][] = [
  ['name', 'name'],
  ['level', 'level'],
  ['college', 'collegeName'],
  ['className', 'className'],
  ['majorCode', 'majorCode'],
  ['majorName', 'majorName'],
  ['domicileCode', 'domicileCountyCode'],
  ['studentNo', 'studentNo'],
  ['ethnicity', 'ethnicity'],
  ['difficultyCode', 'difficultyCode'],
];

async function currentValues(deps: TDeps, rows: { status: string; graduateId: string | null }[]) {
  const ids = rows.filter((r) => r.status === 'updated' && r.graduateId).map((r) => r.graduateId!);
  if (!ids.length) return new Map<string, typeof graduate.$inferSelect>();
  const found = await deps.database.db.select().from(graduate).where(inArray(graduate.id, ids));
  return new Map(found.map((g) => [g.id, g]));
}

function diffRecord(before: typeof graduate.$inferSelect | undefined, after: Record<string, unknown>) {
  if (!before) return [];
  const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  return COMPARED.flatMap(([field, column]) => {
    const [b, a] = [str(before[column]), str(after[field])];
    return b === a ? [] : [{ field, before: b, after: a }];
  });
}
