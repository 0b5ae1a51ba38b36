import { and, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { caseFile } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/** Evidence (offer letters, contracts, certificates): PDF or a photo, at most 10 MB. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { mime: string; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file's type by its first bytes, not its name: a renamed .exe is not a PDF. */
export function sniffEvidenceType(content: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b))?.mime ?? null;
}

/** Check and store one evidence file of a case; the caller audits and logs the event in the same transaction. */
export async function storeEvidenceFile(
  tx: TDbOrTx,
  input: { caseId: string; name: string; content: Buffer; uploadedBy: string; now: Date },
) {
  if (input.content.length === 0) throw new AppError('validation_error', '文件为空 / The file is empty');
  if (input.content.length > MAX_EVIDENCE_BYTES) {
    throw new AppError('validation_error', '文件超过 10 MB / The file is larger than 10 MB');
  }
  const mime = sniffEvidenceType(input.content);
  if (!mime) {
    throw new AppError(
      'validation_error',
      '只能上传 PDF、JPG 或 PNG 文件 / Only PDF, JPG or PNG files can be uploaded',
    );
  }
  const [row] = await tx
    .insert(caseFile)
    .values({
      caseId: input.caseId,
      name: input.name.slice(0, 200),
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
