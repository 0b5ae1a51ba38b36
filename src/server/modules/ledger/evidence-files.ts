import { and, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { caseFile } from '../../db/schema/index.ts';
import { checkEvidenceFile } from './evidence-check.ts';

/** Check and store one evidence file of a case; the caller audits and logs the event in the same transaction. */
export async function storeEvidenceFile(
  tx: TDbOrTx,
  input: { caseId: string; name: string; content: Buffer; uploadedBy: string; now: Date },
) {
  const { name, mime } = checkEvidenceFile(input.name, input.content);
  const [row] = await tx
    .insert(caseFile)
    .values({
      caseId: input.caseId,
      name,
      mime,
      size: input.content.length,
      content: input.content,
      uploadedBy: input.uploadedBy,
      createdAt: input.now,
    })
    .returning({ id: caseFile.id, name: caseFile.name, size: caseFile.size, createdAt: caseFile.createdAt });
  return row!;
}

export async function findEvidenceFile(db: TDbOrTx, caseId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(caseFile)
    .where(and(eq(caseFile.caseId, caseId), eq(caseFile.id, fileId)));
  return row;
}
