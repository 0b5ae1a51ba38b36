import { z } from 'zod';
import { IMPORT_KINDS } from '../registry/fields.ts';
import { ZPageQuery } from './common.ts';
import { zLine } from './primitives.ts';

export const BATCH_STATUSES = ['parsing', 'staged', 'failed', 'committed', 'discarded', 'reverted'] as const;
export const ROW_STATUSES = ['new', 'updated', 'unchanged', 'error', 'review'] as const;

/** Query of POST /api/imports (the file travels as multipart field `file`). */
export const ZImportUploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS),
  /** roster: org code or MOE code of the university; omitted when the file has a 院校代码 column */
  university: zLine().max(40).optional(),
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TImportUploadQuery = z.infer<typeof ZImportUploadQuery>;

export const ZImportCounts = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
  review: z.number().int(),
  targetMatched: z.number().int(),
});
export type TImportCounts = z.infer<typeof ZImportCounts>;

export const ZImportBatch = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(BATCH_STATUSES),
  fileName: z.string(),
  fileSize: z.number(),
  universityId: z.string().nullable(),
  universityName: z.string().nullable(),
  cohort: z.number().nullable(),
  /** rows read so far while parsing */
  progress: z.number().int(),
  counts: ZImportCounts.partial(),
  /** field key → 0-based column of the header row */
  mapping: z.record(z.string(), z.number()).nullable(),
  /** the header row's cells and its row number, for the mapping editor */
  headers: z.array(z.string()).nullable(),
  headerRow: z.number().nullable(),
  failure: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type TImportBatch = z.infer<typeof ZImportBatch>;

export const ZImportListQuery = ZPageQuery.extend({
  kind: z.enum(IMPORT_KINDS).optional(),
  status: z.enum(BATCH_STATUSES).optional(),
});

const ZBilingual = z.object({ zh: z.string(), en: z.string() });
export const ZImportRowIssue = z.object({
  field: z.string(),
  code: z.string(),
  value: z.string(),
  message: ZBilingual,
  expected: ZBilingual.optional(),
});

export const ZImportRow = z.object({
  rowNo: z.number().int(),
  status: z.enum(ROW_STATUSES),
  errors: z.array(ZImportRowIssue),
  warnings: z.array(ZImportRowIssue),
  /** non-personal preview of the normalised row (name, masked ID, level, domicile, major …) */
  preview: z.record(z.string(), z.unknown()).nullable(),
  /** for updated roster rows: the fields that change, before → after (roster field keys) */
  changes: z.array(
    z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportRowsQuery = ZPageQuery.extend({ status: z.enum(ROW_STATUSES).optional() });

/** Re-stage the batch's file with a corrected mapping (a new batch replaces the old one). */
export const ZRemapBody = z.object({
  mapping: z.record(zLine().min(1).max(64), z.number().int().min(0)),
  /** the header's row number, when it was not recognised (or was recognised wrongly) */
  headerRow: z.number().int().min(1).max(10).optional(),
});
