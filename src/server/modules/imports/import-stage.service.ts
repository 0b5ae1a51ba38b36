import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { cleanFileName } from '../../../domain/file-name.ts';
import type { TImportKind } from '../../../domain/registry/fields.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { FileReadError } from '../registry/files/common.ts';
import { readRows } from '../registry/files/read-rows.ts';
import { loadCountyResolver } from './county-resolver.ts';
import * as repo from './import.repo.ts';
import { allowedUniversities, requireImporter } from './import-access.ts';
import { findMappingTemplate } from './mapping-templates.ts';
import * as registryRepo from './registry-entries.repo.ts';
import * as rosterRepo from './roster.repo.ts';
import type { TUniversity } from './row-record.ts';
import { readHeader, stageRow, type TRowContext } from './stage-rows.ts';
import { loadUniversities } from './universities.ts';

export type TStageInput = {
  kind: TImportKind;
  filePath: string;
  fileName: string;
  /** roster: the university (org code or MOE code); may be omitted when the file has a 院校代码 column */
  universityCode?: string;
  /** roster: the graduating cohort (e.g. 2020) */
  cohort?: number;
  /** re-staging: the user's corrected column mapping (field → 0-based column) and header row */
  mapping?: Partial<Record<string, number>>;
  headerRowNo?: number;
  /** where the upload is kept for re-staging (DATA_DIR/uploads/…) */
  storedFile?: string;
  /** file size limit (default 100 MB, the upload limit); the CLI and benchmarks may raise it */
  maxBytes?: number;
};

const CHUNK = 10_000;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Parse, validate and stage a file as a new batch: every row lands in import_row as new / updated / unchanged
 * / error / review; nothing touches graduates until commit.
 */
export async function stageImport(
  deps: TDeps,
  ctx: TCtx,
  input: TStageInput,
  onProgress?: (rows: number) => void,
) {
  const { run } = await beginImport(deps, ctx, input);
  return run(onProgress);
}

/**
 * Check the request and create the batch (status `parsing`); `run` then stages the rows. The HTTP route answers
 * after `beginImport` and lets `run` continue in the background while the UI polls the batch's progress.
 */
export async function beginImport(deps: TDeps, ctx: TCtx, input: TStageInput) {
  const user = requireImporter(ctx, input.kind);
  const db = deps.database.db;
  const universities =
    input.kind === 'roster' ? await loadUniversities(db, await allowedUniversities(deps, user)) : null;
  let fixedUniversity: TUniversity | null = null;
  if (input.kind === 'roster') {
    if (!input.cohort)
      throw new AppError('validation_error', '请指定毕业年份 / The cohort (graduation year) is required');
    const own = user.org.universityId ? universities!.byId.get(user.org.universityId)?.code : undefined;
    const code = input.universityCode ?? own;
    if (code) {
      fixedUniversity = universities!.byCode.get(code) ?? null;
      if (!fixedUniversity) {
        throw new AppError(
          'forbidden',
          `无权导入院校 ${code} 的名单 / You may not import a roster for university ${code}`,
        );
      }
    }
  }
  const size = (await stat(input.filePath)).size;
  // the name is shown in the batch list and the error workbook: no bidi overrides or control characters
  const fileName = cleanFileName(input.fileName);
  const now = deps.clock.now();
  const batch = await db.transaction(async (tx) => {
    const b = await repo.insertBatch(tx, {
      kind: input.kind,
      status: 'parsing',
      fileName,
      fileSha256: await sha256File(input.filePath),
      fileSize: size,
      orgId: user.org.id,
      universityId: fixedUniversity?.id ?? null,
      cohort: input.cohort ?? null,
      storedFile: input.storedFile ?? null,
      createdBy: user.id,
      createdAt: now,
    });
    const after = { kind: input.kind, fileName, size };
    await recordAudit(
      tx,
      ctx,
      { action: 'import.stage', entityType: 'import_batch', entityId: b.id, after },
      now,
    );
    return b;
  });
  const rowContext = async (): Promise<TRowContext> => ({
    kind: input.kind,
    batchId: batch.id,
    cohort: input.cohort ?? null,
    crypto: deps.crypto,
    resolveCounty: await loadCountyResolver(db),
    fixedUniversity,
    universitiesByCode: universities?.byCode ?? null,
    knownUniversityCodes: universities ? new Set(universities.byCode.keys()) : undefined,
  });
  const run = async (onProgress?: (rows: number) => void) => {
    try {
      return await stageRows(deps, input, batch, await rowContext(), onProgress);
    } catch (err) {
      await failBatch(deps, batch.id, err);
      if (err instanceof FileReadError)
        throw new AppError('validation_error', err.message, { code: err.code, batchId: batch.id });
      if (err instanceof AppError)
        throw new AppError(err.code, err.message, { ...(err.details as object), batchId: batch.id });
      throw err;
    }
  };
  return { batch, run };
}

async function failBatch(deps: TDeps, batchId: string, err: unknown) {
  const db = deps.database.db;
  const reason =
    err instanceof AppError || err instanceof FileReadError ? err.message : '内部错误 / internal error';
  await repo.deleteStagedRows(db, batchId);
  await repo.updateBatch(db, batchId, { status: 'failed', failure: reason });
}

/** Stream the rows into import_row in chunks of 1,000, then classify them in SQL and count. */
async function stageRows(
  deps: TDeps,
  input: TStageInput,
  batch: repo.TBatchRow,
  ctx: TRowContext,
  onProgress?: (rows: number) => void,
): Promise<repo.TBatchRow> {
  const db = deps.database.db;
  const file = await readRows(
    input.filePath,
    input.fileName,
    input.maxBytes ? { maxBytes: input.maxBytes } : {},
  );
  const template = await findMappingTemplate(db, batch.orgId, input.kind);
  const { header, dataRows } = await readHeader(input.kind, file.rows, {
    ...input,
    template: template?.headers,
  });
  if (input.kind === 'roster' && !ctx.fixedUniversity && header.mapping.universityCode === undefined) {
    throw new AppError(
      'validation_error',
      '请选择院校，或在文件中提供“院校代码”列 / Choose a university, or include a 院校代码 column',
    );
  }
  let pending: repo.TStagedRow[] = [];
  let processed = 0;
  const flush = async () => {
    await repo.copyStagedRows(deps.database, pending);
    processed += pending.length;
    pending = [];
    await repo.updateBatch(db, batch.id, { progress: processed });
    onProgress?.(processed);
  };
  for await (const row of dataRows) {
    pending.push(stageRow(ctx, header.mapping, row));
    if (pending.length >= CHUNK) await flush();
  }
  await flush();
  if (processed === 0) {
    throw new AppError(
      'validation_error',
      '文件只有表头，没有数据行 / The file has a header row but no data rows',
    );
  }
  await repo.flagDuplicateRows(db, batch.id);
  if (input.kind === 'roster') await rosterRepo.classifyRosterRows(db, batch.id);
  else await registryRepo.classifyRegistryRows(db, batch.id);
  const byStatus = await repo.countRowsByStatus(db, batch.id);
  const targetMatched =
    input.kind === 'roster'
      ? await rosterRepo.countTargetMatches(db, batch.id)
      : await registryRepo.countRegistryMatches(db, batch.id);
  const errors = byStatus.error ?? 0;
  const counts = {
    total: processed,
    valid: processed - errors,
    new: byStatus.new ?? 0,
    updated: byStatus.updated ?? 0,
    unchanged: byStatus.unchanged ?? 0,
    errors,
    review: byStatus.review ?? 0,
    targetMatched,
  };
  const done = {
    status: 'staged' as const,
    counts,
    progress: processed,
    mapping: header.mapping as Record<string, number>,
    headerRow: header.rowNo,
    headers: header.cells,
  };
  await repo.updateBatch(db, batch.id, done);
  return { ...batch, ...done };
}
