import type { TOpportunityDetail, TOpportunityListItem } from '../../../domain/api/opportunities.ts';
import type { TEmployerTag, TOpportunityStatus } from '../../../domain/opportunities/codes.ts';
import type { TOpportunityKind } from '../../../domain/opportunities/types.ts';
import type { TLevel } from '../../../domain/registry/fields.ts';
import type { TPostRow } from './opportunities.repo.ts';

/** A post row as the list shows it; `today` (China date) decides whether the deadline has passed. */
export function toListItem(row: TPostRow, today: string): TOpportunityListItem {
  const p = row.post;
  return {
    id: p.id,
    kind: p.kind as TOpportunityKind,
    title: p.title,
    status: p.status as TOpportunityStatus,
    owner: { id: p.ownerOrgId, name: row.ownerName },
    employer:
      p.employerOrgId && row.employerName
        ? { id: p.employerOrgId, name: row.employerName, tags: (row.employerTags ?? []) as TEmployerTag[] }
        : null,
    regionCodes: p.regionCodes,
    regionNames: row.regionNames,
    majorPrefixes: p.majorPrefixes,
    minLevel: p.minLevel as TLevel | null,
    quota: p.quota,
    quotaUsed: p.quotaUsed,
    applicants: p.applicantCount,
    deadline: p.deadline,
    expired: p.deadline < today,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    targetPriority: p.targetPriority,
    industry: p.industry as TOpportunityListItem['industry'],
    postKind: p.postKind as TOpportunityListItem['postKind'],
    cohort: p.cohort,
    provinceCode: p.provinceCode,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

/** The post page: the list item plus description and rules; `canEdit` when the reader's org owns it. */
export function toDetail(row: TPostRow, today: string, canEdit: boolean): TOpportunityDetail {
  return {
    ...toListItem(row, today),
    description: row.post.description,
    eligibilityRules: row.post.eligibilityRules,
    canEdit,
  };
}
