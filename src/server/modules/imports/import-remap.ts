import { eq } from 'drizzle-orm';
import type { TCtx, TDeps } from '../../context.ts';
import { orgUnit } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import * as repo from './import.repo.ts';
import { getBatchForUser } from './import-access.ts';
import { discardBatch } from './import-commit.service.ts';
import { beginImport } from './import-stage.service.ts';

/**
 * Stage the same file again with the user's corrected column mapping. A new batch takes over the stored
 * upload and the old one is discarded, so there is always one live batch per upload.
 */
export async function remapBatch(
  deps: TDeps,
  ctx: TCtx,
  id: string,
  { mapping, headerRow }: { mapping: Record<string, number>; headerRow?: number },
) {
  const old = await getBatchForUser(deps, ctx, id);
  if (old.status !== 'staged' && old.status !== 'failed') {
    throw new AppError(
      'conflict',
      `批次状态为 ${old.status}，不能重新映射 / A ${old.status} batch cannot be re-mapped`,
    );
  }
  if (!old.storedFile)
    throw new AppError('conflict', '上传的文件已不在服务器上，请重新上传 / The upload is gone; upload again');
  const [university] = old.universityId
    ? await deps.database.db
        .select({ code: orgUnit.code })
        .from(orgUnit)
        .where(eq(orgUnit.id, old.universityId))
    : [];
  const started = await beginImport(deps, ctx, {
    kind: old.kind,
    filePath: old.storedFile,
    fileName: old.fileName,
    universityCode: university?.code,
    cohort: old.cohort ?? undefined,
    mapping,
    headerRowNo: headerRow ?? old.headerRow ?? undefined,
    storedFile: old.storedFile,
  });
  // hand the file to the new batch before discarding the old one (discard deletes the batch's file)
  await repo.updateBatch(deps.database.db, old.id, { storedFile: null });
  await discardBatch(deps, ctx, old.id);
  return started;
}
