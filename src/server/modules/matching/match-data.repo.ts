import { type SQL, sql } from 'drizzle-orm';
import type { TPostKind } from '../../../domain/ledger/codes.ts';
import type { TMatchPost } from '../../../domain/matching/prepare.ts';
import type { TEmployerTag } from '../../../domain/opportunities/codes.ts';
import { regionPrefix } from '../../../domain/opportunities/post-rules.ts';
import type {
  TCandidateFacts,
  TEligibilityRule,
  TOpportunityKind,
} from '../../../domain/opportunities/types.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import type { TCaseNeeds } from '../../db/schema/index.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { factsOf } from '../opportunities/application-present.ts';

/*
 * What the scorer reads, straight from the tables: open posts as TMatchPost (with the employer's tags), the
 * facts of open (seeking) cases, and the east–west partner provinces of a home region.
 */

type TPostRow = {
  id: string;
  kind: string;
  post_kind: string | null;
  industry: string | null;
  region_codes: string[];
  major_prefixes: string[];
  min_level: string | null;
  eligibility_rules: TEligibilityRule[];
  quota_left: number | null;
  deadline: string;
  salary_min: number | null;
  salary_max: number | null;
  tags: string[] | null;
  target_priority: boolean;
  published_at: Date | string;
};

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * Open posts (status open; the scorer itself drops those past their deadline or full). Freshness counts from
 * the first opening; a post inserted open (seed, import) has none and counts from its creation.
 */
export async function loadOpenPosts(db: TDbOrTx, where: SQL = sql`true`): Promise<TMatchPost[]> {
  const rows = await queryRows<TPostRow>(
    db,
    sql`select o.id, o.kind, o.post_kind, o.industry, o.region_codes, o.major_prefixes, o.min_level,
          o.eligibility_rules, case when o.quota is null then null else o.quota - o.quota_used end as quota_left,
          o.deadline::text as deadline, o.salary_min, o.salary_max, ep.tags, o.target_priority,
          coalesce(o.published_at, o.created_at) as published_at
        from opportunity o left join employer_profile ep on ep.org_id = o.employer_org_id
        where o.status = 'open' and ${where}`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TOpportunityKind,
    postKind: r.post_kind as TPostKind | null,
    industry: r.industry,
    regionCodes: r.region_codes,
    majorPrefixes: r.major_prefixes,
    minLevel: r.min_level as TMatchPost['minLevel'],
    eligibilityRules: r.eligibility_rules,
    quotaLeft: r.quota_left === null ? null : Number(r.quota_left),
    deadline: r.deadline,
    salaryMin: r.salary_min,
    salaryMax: r.salary_max,
    employerTags: (r.tags ?? []) as TEmployerTag[],
    targetPriority: r.target_priority,
    publishedOn: chinaDate(asDate(r.published_at)),
  }));
}

/**
 * What changes the open posts' scores without touching a post's own row history shows: a cheap signature of
 * all posts (newest change, how many are open, places taken). Equal signatures mean nothing to recompute.
 */
export async function postsSignature(db: TDbOrTx): Promise<string> {
  const [row] = await queryRows<{ sig: string }>(
    db,
    sql`select concat_ws('|', max(updated_at)::text, count(*) filter (where status = 'open'),
          coalesce(sum(quota_used) filter (where status = 'open'), 0)) as sig from opportunity`,
  );
  return row?.sig ?? '';
}

/** The newest change to any post (edits, opening and closing bump updated_at). */
export async function lastPostChange(db: TDbOrTx): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    db,
    sql`select max(updated_at) as at from opportunity`,
  );
  return row?.at ? asDate(row.at) : null;
}

/** Supported region prefix → supporter province codes (east–west pairs valid in `year`). */
export type TPartnerMap = Map<string, string[]>;

export async function loadPartners(db: TDbOrTx, year: number): Promise<TPartnerMap> {
  const rows = await queryRows<{ supporter: string; supported: string }>(
    db,
    sql`select supporter_region_code as supporter, supported_region_code as supported from support_pair
        where kind = 'east_west' and supporter_region_code is not null and supported_region_code is not null
          and valid_from <= ${year} and (valid_to is null or valid_to >= ${year})`,
  );
  const map: TPartnerMap = new Map();
  for (const r of rows) {
    const key = regionPrefix(r.supported);
    const province = `${r.supporter.slice(0, 2)}0000`;
    map.set(key, [...new Set([...(map.get(key) ?? []), province])]);
  }
  return map;
}

/** The partner provinces of a home county: pairs for its province, prefecture or the county itself. */
export function partnersOf(map: TPartnerMap, county: string | null): string[] {
  if (!county) return [];
  const found = new Set<string>();
  for (const prefix of [county.slice(0, 2), county.slice(0, 4), county])
    for (const p of map.get(prefix) ?? []) found.add(p);
  return [...found].sort();
}

export type TCaseFactRow = {
  case_id: string;
  graduate_id: string;
  cohort: number;
  birth_date: string | null;
  level: string | null;
  major_code: string | null;
  domicile_county_code: string | null;
  university_province_code: string;
  is_target: boolean;
  intention: string | null;
  needs: TCaseNeeds | null;
};

// `graduate` keeps its table name: the scope function's conditions name it (scope-sql.ts)
export const FACT_COLUMNS = sql`c.id as case_id, graduate.id as graduate_id, graduate.cohort,
  graduate.birth_date::text as birth_date, graduate.level, graduate.major_code, graduate.domicile_county_code,
  graduate.university_province_code, graduate.is_target, c.intention, c.needs`;

/**
 * One page of open cases' facts in case-id order after `afterId` (keyset paging: each page is one index range
 * scan). `where` is a condition on `graduate` / `ledger_case c` (the case scope).
 */
export async function pageCaseFacts(
  db: TDbOrTx,
  where: SQL,
  afterId: string | null,
  limit: number,
): Promise<TCaseFactRow[]> {
  return queryRows<TCaseFactRow>(
    db,
    sql`select ${FACT_COLUMNS} from ledger_case c join graduate on graduate.id = c.graduate_id
        where c.status = 'seeking' and ${where} ${afterId ? sql`and c.id > ${afterId}` : sql``}
        order by c.id limit ${limit}`,
  );
}

/** Open cases in scope (for progress). */
export async function countOpenCases(db: TDbOrTx, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from ledger_case c join graduate on graduate.id = c.graduate_id
        where c.status = 'seeking' and ${where}`,
  );
  return Number(row?.n ?? 0);
}

/** One case's facts (any status), with when the case and the graduate last changed. */
export async function findCaseFacts(db: TDbOrTx, caseId: string) {
  const [row] = await queryRows<
    TCaseFactRow & {
      status: string;
      changed_at: Date | string | null;
      has_account: boolean;
      has_phone: boolean;
    }
  >(
    db,
    sql`select ${FACT_COLUMNS}, c.status, greatest(c.updated_at, graduate.updated_at, c.opened_at) as changed_at,
          graduate.user_id is not null as has_account, graduate.phone_encrypted is not null as has_phone
        from ledger_case c join graduate on graduate.id = c.graduate_id where c.id = ${caseId}`,
  );
  return row ? { ...row, changed_at: row.changed_at ? asDate(row.changed_at) : null } : undefined;
}

/** The scorer's facts of a case row; partner provinces only when the graduate is willing to go there. */
export function toCandidateFacts(row: TCaseFactRow, partners: TPartnerMap): TCandidateFacts {
  const facts = factsOf({
    id: row.graduate_id,
    cohort: row.cohort,
    birthDate: row.birth_date,
    level: row.level,
    majorCode: row.major_code,
    majorName: null,
    domicileCountyCode: row.domicile_county_code,
    universityProvinceCode: row.university_province_code,
    provinceCode: null,
    isTarget: row.is_target,
    caseId: row.case_id,
    intention: row.intention,
    needs: row.needs,
  });
  return {
    ...facts,
    partnerProvinceCodes: row.needs?.partnerProvinces ? partnersOf(partners, row.domicile_county_code) : [],
  };
}
