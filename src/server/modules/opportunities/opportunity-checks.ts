import type { TOpportunityBody } from '../../../domain/api/opportunities.ts';
import { employerMayPost } from '../../../domain/opportunities/codes.ts';
import { normalizeMajorCode } from '../../../domain/opportunities/majors.ts';
import { toProvinceCode } from '../../../domain/orgs.ts';
import type { TCtx } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import type { opportunity } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../auth/auth.service.ts';
import { isEmployer } from './employer-access.ts';
import * as repo from './opportunities.repo.ts';

/*
 * The rules a post must satisfy beyond its Zod shape: what employers may post, an approved employer named,
 * known regions, a sane salary range, a deadline not in the past, real reference dates, a cohort for 专升本
 * (its quota is per cohort), and never fewer places than are already taken.
 */

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_error', message, { field, reason });

const isRealDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** The body, checked and normalised (employer named, major codes without suffix letters, duplicates dropped). */
export async function checkPostBody(
  db: TDbOrTx,
  ctx: TCtx,
  body: TOpportunityBody,
  at: { today: string; current: typeof opportunity.$inferSelect | null },
): Promise<TOpportunityBody> {
  const org = requireUser(ctx).org.id;
  let employerOrgId = body.employerOrgId;
  if (isEmployer(ctx)) {
    if (!employerMayPost(body.kind)) {
      throw invalid(
        'kind',
        'not_for_employers',
        '用人单位可发布招聘、见习和培训岗位；政策性岗位和升学项目由主管部门发布 / Employers post jobs, internships and training; policy posts and study routes are posted by the departments',
      );
    }
    employerOrgId = org;
  } else if (employerOrgId && employerOrgId !== at.current?.employerOrgId) {
    if ((await repo.findEmployerStatus(db, employerOrgId)) !== 'approved') {
      throw invalid('employerOrgId', 'not_approved', '所选用人单位未通过审核 / The employer is not approved');
    }
  }
  if (body.salaryMin !== null && body.salaryMax !== null && body.salaryMin > body.salaryMax) {
    throw invalid('salaryMax', 'range', '最高薪资不能低于最低薪资 / The maximum salary is below the minimum');
  }
  const unknown = await repo.listUnknownRegions(db, body.regionCodes);
  if (unknown.length > 0) {
    throw invalid(
      'regionCodes',
      'unknown',
      `行政区划代码不存在 / Unknown region code(s): ${unknown.join(', ')}`,
    );
  }
  if ((!at.current || at.current.deadline !== body.deadline) && body.deadline < at.today) {
    throw invalid(
      'deadline',
      'past',
      `截止日期不能早于今天 / The deadline cannot be before today (${at.today})`,
    );
  }
  if (!isRealDate(body.deadline))
    throw invalid('deadline', 'date', `日期无效 / Not a date: ${body.deadline}`);
  for (const rule of body.eligibilityRules) {
    if (rule.kind === 'max_age' && !isRealDate(rule.referenceDate)) {
      throw invalid('eligibilityRules', 'date', `年龄计算基准日无效 / Not a date: ${rule.referenceDate}`);
    }
  }
  if (body.kind === 'zhuanshengben' && body.cohort === null) {
    throw invalid('cohort', 'required', '专升本岗位须注明届别 / A 专升本 post needs its cohort');
  }
  if (at.current && body.quota !== null && body.quota < at.current.quotaUsed) {
    throw invalid(
      'quota',
      'below_used',
      `已有 ${at.current.quotaUsed} 人录用，名额不能少于此数 / ${at.current.quotaUsed} places are taken; the quota cannot be lower`,
    );
  }
  return {
    ...body,
    employerOrgId,
    regionCodes: [...new Set(body.regionCodes)],
    majorPrefixes: [...new Set(body.majorPrefixes.map(normalizeMajorCode))],
  };
}

/** The columns a checked body sets (the province is the first region's). */
export function postValues(b: TOpportunityBody) {
  return {
    kind: b.kind,
    title: b.title,
    regionCodes: b.regionCodes,
    majorPrefixes: b.majorPrefixes,
    minLevel: b.minLevel,
    eligibilityRules: b.eligibilityRules,
    quota: b.quota,
    deadline: b.deadline,
    salaryMin: b.salaryMin,
    salaryMax: b.salaryMax,
    description: b.description,
    targetPriority: b.targetPriority,
    industry: b.industry,
    postKind: b.postKind,
    cohort: b.cohort,
    employerOrgId: b.employerOrgId,
    provinceCode: toProvinceCode(b.regionCodes[0]!),
  };
}
