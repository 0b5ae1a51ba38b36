/*
 * Code lists of the import and graduate APIs, copied from src/domain/api so the pages that need them at run
 * time do not pull zod (the domain schemas' dependency) into their chunks. registry-codes.test.ts keeps the
 * copies equal to the originals.
 */

export const BATCH_STATUS_LIST = [
  'parsing',
  'staged',
  'failed',
  'committed',
  'discarded',
  'reverted',
] as const;
export const ROW_STATUS_LIST = ['new', 'updated', 'unchanged', 'error', 'review'] as const;
export const GRADUATE_SORT_LIST = ['name', 'cohort', 'university', 'domicile', 'level', 'major'] as const;
