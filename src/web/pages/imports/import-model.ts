import type { TImportBatch } from '../../../domain/api/imports.ts';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { latestLeftCohort } from '../../../domain/ledger/cohort.ts';
import { IMPORT_KINDS, type TImportKind } from '../../../domain/registry/fields.ts';
import type { TRole } from '../../../domain/roles.ts';

/** The server's upload limit (uploads.ts); checked here too so a 300 MB file is refused before it is sent. */
export const MAX_UPLOAD_MB = 100;
export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'] as const;
/** The notice's cohort (2020), always on offer. */
export const NOTICE_COHORT = 2020;
/**
 * The cohort forms start on: the latest one that has left school (the one whose 离校未就业 season is under way,
 * and the one the demo shows, decision 0017).
 */
export const DEFAULT_COHORT = latestLeftCohort(new Date());

/** Cohorts on offer: next year's down to ten years back, and always the notice's 2020 one. */
export function cohortYears(currentYear: number): number[] {
  const years = Array.from({ length: 11 }, (_, i) => currentYear + 1 - i);
  // DEFAULT_COHORT is this year's or last year's: always within the range
  if (!years.includes(NOTICE_COHORT)) years.push(NOTICE_COHORT);
  return years;
}

/** Which lists a user may upload: rosters for universities and provincial education, the registry for poverty offices. */
export function uploadableKinds(roles: readonly TRole[]): TImportKind[] {
  return IMPORT_KINDS.filter((kind) =>
    kind === 'roster'
      ? roles.includes('university_admin') || roles.includes('province_education')
      : roles.includes('poverty_office'),
  );
}

/** A province-level user picks the university a roster is for; a university admin's own is implied. */
export function needsUniversityPick(roles: readonly TRole[], kind: TImportKind): boolean {
  return kind === 'roster' && roles.includes('province_education') && !roles.includes('university_admin');
}

export type TFileProblem = 'fileType' | 'fileTooLarge' | 'fileEmpty';

/** Why a chosen file cannot be uploaded, or undefined when it can. */
export function checkUploadFile(file: { name: string; size: number }): TFileProblem | undefined {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'fileType';
  if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return 'fileTooLarge';
  if (file.size === 0) return 'fileEmpty';
  return undefined;
}

/** 1536 → "1.5 KB"; bytes in the units people see in their file manager. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}

export type TUniversityOption = {
  id: string;
  code: string;
  name: string;
  regionCode: string | null;
  colleges: { id: string; code: string; name: string }[];
};

/**
 * Every university of the org tree with its colleges, sorted by name; with `provinceCode`, only those whose
 * region lies in that province (a province department picks among its own universities).
 */
export function listUniversities(
  tree: readonly TOrgNode[],
  provinceCode?: string | null,
): TUniversityOption[] {
  const out: TUniversityOption[] = [];
  const walk = (node: TOrgNode) => {
    if (node.kind === 'university') {
      out.push({
        id: node.id,
        code: node.code,
        name: node.name,
        regionCode: node.regionCode,
        colleges: collegesOf(node),
      });
      return;
    }
    node.children.forEach(walk);
  };
  tree.forEach(walk);
  const prefix = provinceCode?.slice(0, 2);
  return out
    .filter((u) => !prefix || u.regionCode?.startsWith(prefix))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function collegesOf(node: TOrgNode): TUniversityOption['colleges'] {
  return node.children.flatMap((child) =>
    child.kind === 'college'
      ? [{ id: child.id, code: child.code, name: child.name }, ...collegesOf(child)]
      : [],
  );
}

/** The batch's actions by state: what the batch page offers. */
export function batchActions(batch: Pick<TImportBatch, 'status' | 'counts'>) {
  const staged = batch.status === 'staged';
  return {
    commit: staged,
    canCommit: staged && (batch.counts.valid ?? 0) > 0,
    discard: staged || batch.status === 'failed',
    revert: batch.status === 'committed',
    remap: staged || batch.status === 'failed',
    errorWorkbook: (batch.counts.errors ?? 0) > 0 && batch.status !== 'discarded',
  };
}

/** Typical bytes per data row: a CSV row of a roster is ~100 bytes; XLSX compresses to about a third. */
const BYTES_PER_ROW = { csv: 100, xlsx: 35 } as const;

/**
 * A rough share of the file read so far, for the progress bar while parsing: the server reports rows, not
 * bytes, so the total is estimated from the file size. Capped at 95 % until the server says it is done.
 */
export function estimateParsePercent(
  batch: Pick<TImportBatch, 'fileName' | 'fileSize' | 'progress'>,
): number {
  const perRow = batch.fileName.toLowerCase().endsWith('.csv') ? BYTES_PER_ROW.csv : BYTES_PER_ROW.xlsx;
  const expected = Math.max(1, batch.fileSize / perRow);
  return Math.min(95, Math.round((batch.progress / expected) * 100));
}
