import { and, desc, eq } from 'drizzle-orm';
import type { TImportKind } from '../../../domain/registry/fields.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { mappingTemplate } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getBatchForUser } from './import-access.ts';

/*
 * An organisation's column mapping, saved from a batch the user corrected: field → header text. The next
 * upload of the same kind by that organisation is mapped with it before the built-in header dictionary.
 */

export async function findMappingTemplate(db: TDbOrTx, orgId: string, kind: TImportKind) {
  const [row] = await db
    .select()
    .from(mappingTemplate)
    .where(and(eq(mappingTemplate.orgId, orgId), eq(mappingTemplate.kind, kind)))
    .orderBy(desc(mappingTemplate.createdAt))
    .limit(1);
  return row;
}

/** Save the batch's mapping (by header text, so it survives reordered columns) as the org's template. */
export async function saveMappingTemplate(deps: TDeps, ctx: TCtx, batchId: string, name: string) {
  const batch = await getBatchForUser(deps, ctx, batchId);
  if (!batch.mapping || !batch.headers) {
    throw new AppError('conflict', '该批次没有列映射可保存 / This batch has no column mapping to save');
  }
  const headers = Object.fromEntries(
    Object.entries(batch.mapping)
      .map(([field, column]) => [field, batch.headers![column]?.trim()] as const)
      .filter(([, header]) => !!header),
  ) as Record<string, string>;
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mappingTemplate)
      .values({ orgId: batch.orgId, kind: batch.kind, name, headers, createdAt: now })
      .returning();
    await recordAudit(
      tx,
      ctx,
      {
        action: 'import.mapping_template',
        entityType: 'import_batch',
        entityId: batch.id,
        after: { name, headers },
      },
      now,
    );
    return row!;
  });
}
