import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TMatchPostSummary } from '../../../domain/api/matching.ts';
import type { TOpportunityKind } from '../../../domain/opportunities/types.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { application, push, recommendation } from '../../db/schema/index.ts';

export type TStoredRecommendation = {
  opportunityId: string;
  score: number;
  rank: number;
  breakdown: number[];
  computedAt: Date;
};

/** A case's stored recommendations, best first. */
export async function readStored(db: TDbOrTx, caseId: string): Promise<TStoredRecommendation[]> {
  return db
    .select({
      opportunityId: recommendation.opportunityId,
      score: recommendation.score,
      rank: recommendation.rank,
      breakdown: recommendation.breakdown,
      computedAt: recommendation.computedAt,
    })
    .from(recommendation)
    .where(eq(recommendation.caseId, caseId))
    .orderBy(asc(recommendation.rank));
}

/** Replace a case's stored recommendations (none: the case has none any more). */
export async function replaceStored(
  tx: TDbOrTx,
  caseId: string,
  rows: Omit<TStoredRecommendation, 'computedAt'>[],
  computedAt: Date,
): Promise<void> {
  await tx.delete(recommendation).where(eq(recommendation.caseId, caseId));
  if (rows.length) await tx.insert(recommendation).values(rows.map((r) => ({ ...r, caseId, computedAt })));
}

type TSummaryRow = {
  id: string;
  kind: string;
  title: string;
  org_name: string;
  region_codes: string[];
  region_names: string[];
  deadline: string;
  salary_min: number | null;
  salary_max: number | null;
  quota_left: number | null;
  target_priority: boolean;
};

/** What the case page and the graduate's list show about posts, by id. */
export async function postSummaries(db: TDbOrTx, ids: string[]): Promise<Map<string, TMatchPostSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<TSummaryRow>(
    db,
    sql`select o.id, o.kind, o.title, coalesce(e.name, w.name) as org_name, o.region_codes,
          coalesce((select array_agg(coalesce(r.name, rc.code) order by rc.ord)
            from unnest(o.region_codes) with ordinality as rc(code, ord)
            left join region r on r.code = rc.code), '{}'::text[]) as region_names,
          o.deadline::text as deadline, o.salary_min, o.salary_max,
          case when o.quota is null then null else o.quota - o.quota_used end as quota_left, o.target_priority
        from opportunity o join org_unit w on w.id = o.owner_org_id left join org_unit e on e.id = o.employer_org_id
        where o.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        kind: r.kind as TOpportunityKind,
        title: r.title,
        orgName: r.org_name,
        regionCodes: r.region_codes,
        regionNames: r.region_names,
        deadline: r.deadline,
        salaryMin: r.salary_min,
        salaryMax: r.salary_max,
        quotaLeft: r.quota_left === null ? null : Number(r.quota_left),
        targetPriority: r.target_priority,
      },
    ]),
  );
}

/** The pushes already made of these posts to the graduate. */
export async function pushesOf(db: TDbOrTx, graduateId: string, opportunityIds: string[]) {
  if (opportunityIds.length === 0) return [];
  return db
    .select({
      opportunityId: push.opportunityId,
      channel: push.channel,
      status: push.status,
      createdAt: push.createdAt,
      viewedAt: push.viewedAt,
    })
    .from(push)
    .where(and(eq(push.graduateId, graduateId), inArray(push.opportunityId, opportunityIds)))
    .orderBy(asc(push.createdAt), asc(push.channel));
}

/** The graduate's applications to these posts (one per post at most). */
export async function applicationsOf(db: TDbOrTx, graduateId: string, opportunityIds: string[]) {
  if (opportunityIds.length === 0) return [];
  return db
    .select({ opportunityId: application.opportunityId, status: application.status })
    .from(application)
    .where(and(eq(application.graduateId, graduateId), inArray(application.opportunityId, opportunityIds)));
}
