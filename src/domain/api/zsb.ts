import { z } from 'zod';

/*
 * 专升本专项计划: a ratio per province and cohort, and the report per province. Re-exported by
 * api/opportunities.ts.
 */

const provinceCode = z.string().regex(/^\d{2}0000$/, 'province code such as 520000');
const cohort = z.number().int().min(2000).max(2100);

/** The plan's ratio in basis points: 1000 = 10 % of the base. */
export const ZZsbPlanBody = z.object({
  provinceCode,
  cohort,
  ratioBp: z.number().int().min(1).max(10_000),
});
export type TZsbPlanBody = z.infer<typeof ZZsbPlanBody>;

export const ZZsbPlan = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  cohort: z.number().int(),
  ratioBp: z.number().int(),
  setByName: z.string().nullable(),
  setAt: z.string(),
});

export const ZZsbReportQuery = z.object({ cohort: z.coerce.number().int().min(2000).max(2100) });

/**
 * One province's 专升本 report: base = 高职(专科) target graduates of the province's universities in the
 * cohort; quota = ratio × base, rounded up (domain/opportunities/zsb-quota.ts); applicants and admissions from
 * applications to the province's 专升本 posts of the cohort. Without a plan, ratio and quota are null.
 */
export const ZZsbReportRow = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  cohort: z.number().int(),
  ratioBp: z.number().int().nullable(),
  /** the ratio as a decimal string ("0.1") */
  ratio: z.string().nullable(),
  base: z.number().int(),
  quota: z.number().int().nullable(),
  /** applications (not withdrawn) to the province's 专升本 posts of the cohort */
  applicants: z.number().int(),
  /** offers and confirmed admissions (录取) among them */
  admitted: z.number().int(),
  /** admitted / quota (4 decimals); null without a plan or with a zero quota */
  fillRate: z.number().nullable(),
  /** places not yet filled; null without a plan */
  remaining: z.number().int().nullable(),
});
export type TZsbReportRowApi = z.infer<typeof ZZsbReportRow>;

/** The provinces in the reader's scope, and the total of the planned ones. */
export const ZZsbReport = z.object({
  cohort: z.number().int(),
  rows: z.array(ZZsbReportRow),
  total: ZZsbReportRow.omit({ provinceName: true, ratioBp: true, ratio: true }),
});
export type TZsbReport = z.infer<typeof ZZsbReport>;
