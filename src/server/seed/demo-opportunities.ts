import { and, eq, inArray, sql } from 'drizzle-orm';
import { DAY_MS } from '../../domain/ledger/rules.ts';
import { makeCreditCode } from '../../domain/opportunities/credit-code.ts';
import { toProvinceCode } from '../../domain/orgs.ts';
import { systemCtx, type TDeps } from '../context.ts';
import { queryRows } from '../db/query.ts';
import { employerProfile, opportunity, orgUnit, region, zsbPlan } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { createUser } from '../modules/auth/users.service.ts';
import { seedDemoApplications } from './demo-applications.ts';
import { DEMO_EMPLOYERS, PENDING_EMPLOYER_USER } from './demo-opportunity-data.ts';
import { FOCUS_PROVINCES, readDemoUniversities } from './demo-orgs.ts';
import { planDemoPosts, type TPlaceOrg, type TPostWorld } from './demo-posts.ts';
import { Prng } from './prng.ts';

/*
 * The demo's opportunities: employers with profiles (approved by the Guizhou HRSS department; one pending with
 * its own login, one rejected), about 200 posts of every kind, applications from demo graduates in every
 * status of the funnel, and the 专升本 plan of 贵州 for the cohort (10 %). Bulk inserts; one audit record.
 */

/** 专升本: 贵州 reserves 10 % of its 高职 target graduates of the cohort. */
const ZSB_RATIO_BP = 1000;

export async function seedDemoOpportunities(
  deps: TDeps,
  opts: { password: string; cohort: number; seed: number; withApplications: boolean },
) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const rng = new Prng(opts.seed + 5);
  const reviewer = await db.query.appUser.findFirst({ where: (t, { eq }) => eq(t.username, 'gz_hrss') });
  const employers = await seedEmployers(deps, reviewer?.id ?? null, now);
  await createUser(deps, systemCtx(), {
    ...PENDING_EMPLOYER_USER,
    orgCode: employers.pendingCode,
    roles: ['employer'],
    password: opts.password,
  });
  const world = await loadPostWorld(deps, employers.approved);
  const planned = planDemoPosts(rng, now, opts.cohort, world);
  const posts = await db.insert(opportunity).values(planned).returning();
  const names = new Map([...world.orgs.values(), ...world.employers].map((o) => [o.id, o.name]));
  const applications = opts.withApplications
    ? await seedDemoApplications(
        deps,
        rng,
        posts.map((p) => ({ ...p, ownerName: names.get(p.employerOrgId ?? p.ownerOrgId) ?? '' })),
        opts.cohort,
      )
    : 0;
  const setter = await db.query.appUser.findFirst({ where: (t, { eq }) => eq(t.username, 'gz_edu') });
  await db.insert(zsbPlan).values({
    provinceCode: '520000',
    cohort: opts.cohort,
    ratioBp: ZSB_RATIO_BP,
    setBy: setter?.id ?? null,
    setAt: now,
  });
  const summary = { employers: DEMO_EMPLOYERS.length, posts: posts.length, applications };
  await db.transaction((tx) =>
    recordAudit(tx, systemCtx(), { action: 'seed.demo_opportunities', after: summary }, now),
  );
  return summary;
}

/** Employer orgs (new ones created, the three of employers.csv reused) and their profiles, with valid codes. */
async function seedEmployers(deps: TDeps, reviewerId: string | null, now: Date) {
  const { db } = deps.database;
  const existing = new Map(
    (
      await db
        .select({ id: orgUnit.id, code: orgUnit.code })
        .from(orgUnit)
        .where(
          inArray(
            orgUnit.code,
            DEMO_EMPLOYERS.flatMap((e) => (e.orgCode ? [e.orgCode] : [])),
          ),
        )
    ).map((r) => [r.code, r.id]),
  );
  const rows = DEMO_EMPLOYERS.map((e, i) => {
    const creditCode = makeCreditCode(e.region, 520_000 + i * 37, e.prefix ?? '91');
    return { e, creditCode, code: e.orgCode && existing.has(e.orgCode) ? e.orgCode : `E-${creditCode}` };
  });
  const created = await db
    .insert(orgUnit)
    .values(
      rows
        .filter((r) => !existing.has(r.code))
        .map((r) => ({ code: r.code, name: r.e.name, kind: 'employer', regionCode: r.e.region })),
    )
    .returning({ id: orgUnit.id, code: orgUnit.code });
  const ids = new Map([...existing, ...created.map((c) => [c.code, c.id] as const)]);
  const reviewedAt = new Date(now.getTime() - 45 * DAY_MS);
  await db.insert(employerProfile).values(
    rows.map(({ e, creditCode, code }, i) => ({
      orgId: ids.get(code)!,
      creditCode,
      regionCode: e.region,
      industry: e.industry,
      natureCode: e.natureCode,
      size: e.size,
      tags: e.tags,
      contactName: ['王经理', '李主任', '张女士', '刘先生', '陈经理'][i % 5]!,
      contactPhone: `1380851${String(1000 + i).padStart(4, '0')}`,
      status: e.status ?? 'approved',
      reviewedBy: e.status === 'pending' ? null : reviewerId,
      reviewedAt: e.status === 'pending' ? null : reviewedAt,
      reviewNote:
        e.status === 'rejected' ? '营业执照名称与统一社会信用代码登记信息不一致，请核对后重新注册' : null,
      createdAt: new Date(reviewedAt.getTime() - 3 * DAY_MS),
    })),
  );
  const approved = rows
    .filter((r) => !r.e.status)
    .map((r) => ({ ...r.e, id: ids.get(r.code)!, code: r.code }));
  return { approved, pendingCode: rows.find((r) => r.e.status === 'pending')!.code };
}

/** The orgs, counties and universities the post plan places posts at. */
async function loadPostWorld(
  deps: TDeps,
  approved: { id: string; code: string; name: string; region: string; industry: string; tags: string[] }[],
): Promise<TPostWorld> {
  const { db } = deps.database;
  const demoUser = await db.query.appUser.findFirst({
    where: (t, { eq }) => eq(t.username, 'employer_demo'),
  });
  const orgRows = await db
    .select({ id: orgUnit.id, code: orgUnit.code, name: orgUnit.name, regionCode: orgUnit.regionCode })
    .from(orgUnit)
    .where(inArray(orgUnit.kind, ['province_education', 'province_hrss', 'county_hrss', 'university']));
  const orgs = new Map<string, TPlaceOrg>(orgRows.map((o) => [o.code, o]));
  const counties = await queryRows<{ code: string; name: string }>(
    db,
    sql`select r.code, r.name from region r
      where exists (select 1 from focus_list_county f where f.county_code = r.code)
      order by (r.code = '520526') desc, (left(r.code, 2) = '52') desc, r.code`,
  );
  const guizhouFirst = (a: string, b: string) =>
    a === '520000' ? -1 : b === '520000' ? 1 : a.localeCompare(b);
  const provinceRows = await db
    .select({ code: region.code, name: region.name })
    .from(region)
    .where(and(eq(region.level, 1), inArray(region.code, FOCUS_PROVINCES)));
  const provinceNames = new Map(
    provinceRows.sort((a, b) => guizhouFirst(a.code, b.code)).map((r) => [r.code, r.name]),
  );
  const universities = new Map<string, TPlaceOrg>();
  for (const u of readDemoUniversities()) {
    const p = toProvinceCode(u.regionCode);
    if (u.level === '本科' && provinceNames.has(p) && !universities.has(p) && orgs.has(u.code)) {
      universities.set(p, orgs.get(u.code)!);
    }
  }
  const sorted = new Map([...universities].sort(([a], [b]) => guizhouFirst(a, b)));
  const employers = approved.map((e) => ({
    id: e.id,
    code: e.code,
    name: e.name,
    regionCode: e.region,
    industry: e.industry,
    tags: e.tags,
    userId: e.code === 'E-91520100MA6DEMO01X' ? (demoUser?.id ?? null) : null,
  }));
  return { employers, orgs, counties, provinceNames, universities: sorted };
}
