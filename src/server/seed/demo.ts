import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { latestLeftCohort } from '../../domain/ledger/cohort.ts';
import { DAY_MS } from '../../domain/ledger/rules.ts';
import type { TRole } from '../../domain/roles.ts';
import { systemCtx, type TDeps } from '../context.ts';
import { focusListCounty, orgUnit } from '../db/schema/index.ts';
import { createUser } from '../modules/auth/users.service.ts';
import { addCounselorToClasses } from '../modules/staff/class-assign.service.ts';
import { createImporterAccounts, seedDemoGraduates } from './demo-import.ts';
import { DEMO_STORY_DAYS, seedDemoLedger } from './demo-ledger.ts';
import { seedDemoOpportunities } from './demo-opportunities.ts';
import { createDemoOrgs, planDemoOrgs } from './demo-orgs.ts';
import { seedDemoPushes } from './demo-pushes.ts';

/** Demo password for every demo account. For demonstration only: README says so. */
export const DEMO_PASSWORD = 'Bangfu@2020';

export const DEMO_USERS: { username: string; displayName: string; orgCode: string; roles: TRole[] }[] = [
  { username: 'admin', displayName: '系统管理员', orgCode: 'SYSTEM', roles: ['system_admin'] },
  { username: 'ministry', displayName: '王司长（教育部）', orgCode: 'MOE', roles: ['ministry'] },
  {
    username: 'gz_edu',
    displayName: '李处长（贵州省教育厅）',
    orgCode: 'EDU-520000',
    roles: ['province_education'],
  },
  {
    username: 'gz_hrss',
    displayName: '张处长（贵州省人社厅）',
    orgCode: 'HRSS-520000',
    roles: ['province_hrss'],
  },
  {
    username: 'weining_hrss',
    displayName: '陈科长（威宁县人社局）',
    orgCode: 'HRSS-520526',
    roles: ['county_hrss'],
  },
  {
    username: 'gz_fupin',
    displayName: '刘主任（贵州省扶贫办）',
    orgCode: 'FP-520000',
    roles: ['poverty_office'],
  },
  {
    username: 'gzu_admin',
    displayName: '赵老师（贵州大学就业指导中心）',
    orgCode: 'U-10657',
    roles: ['university_admin'],
  },
  {
    username: 'gzu_counselor',
    displayName: '杨老师（辅导员）',
    orgCode: 'U-10657-C01',
    roles: ['counselor'],
  },
  { username: 'gzu_helper', displayName: '周副校长', orgCode: 'U-10657', roles: ['helper'] },
  {
    username: 'gd_partner',
    displayName: '黄主任（广州市东西部协作）',
    orgCode: 'P-440100',
    roles: ['partner'],
  },
  {
    username: 'employer_demo',
    displayName: '黔程数字科技（招聘专员）',
    orgCode: 'E-91520100MA6DEMO01X',
    roles: ['employer'],
  },
  { username: 'graduate_demo', displayName: '吴同学', orgCode: 'U-10657', roles: ['graduate'] },
];

const SEEDED_MARKER = 'demo-seeded';

/** The embedded data dir remembers a completed demo seed, so a start after a failed seed tries again. */
export function isDemoSeeded(dataDir: string): boolean {
  return existsSync(path.join(dataDir, SEEDED_MARKER));
}

export function markDemoSeeded(dataDir: string): void {
  writeFileSync(path.join(dataDir, SEEDED_MARKER), `${new Date().toISOString()}\n`);
}

/** Default demo size: ≈ 20,000 graduates, ≈ 5,000 of them in the target group. */
export const DEMO_SIZE = 20_000;
/**
 * The demo cohort: the latest one that has left school when the demo is seeded, so every date the demo shows
 * (cases, follow-ups, pushes, applications, deadlines) is near today and fits that cohort's season
 * (docs/decisions/0017-demo-calendar.md). Seeded on the test clock (15 July 2020) it is the notice's 2020 cohort.
 */
export function demoCohort(now: Date): number {
  return latestLeftCohort(now);
}
/** The generator seed of the demo data set: the same seed, the same people. */
export const DEMO_SEED = 2020;

export type TSeedDemoOptions = {
  onlyIfEmpty: boolean;
  /** graduates to generate and import (default DEMO_SIZE; 0 = organisations and accounts only) */
  size?: number;
  seed?: number;
  /** progress lines (one per imported file) */
  log?: (message: string) => void;
};

/**
 * Seed the demo organisations, one account per role (plus the accounts that upload the demo files), and the
 * demo graduates, imported through the import pipeline. With onlyIfEmpty it does nothing once the ministry org
 * exists, so it can run at every start.
 */
export async function seedDemo(deps: TDeps, opts: TSeedDemoOptions) {
  const { db } = deps.database;
  const [existing] = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(eq(orgUnit.code, 'MOE'))
    .limit(1);
  if (existing) {
    if (opts.onlyIfEmpty) return null;
    throw new Error('Demo data is already present (org MOE exists)');
  }
  const ctx = systemCtx();
  const cohort = demoCohort(deps.clock.now());
  // the demo's story begins DEMO_STORY_DAYS ago: the organisations, accounts and imported rosters date from then
  // (so the cases open then), the ledger work, posts and pushes follow up to today (decision 0017)
  const startedAt = new Date(deps.clock.now().getTime() - DEMO_STORY_DAYS * DAY_MS);
  const early: TDeps = { ...deps, clock: { now: () => startedAt } };
  const focus = (await db.selectDistinct({ code: focusListCounty.countyCode }).from(focusListCounty)).map(
    (r) => r.code,
  );
  const planned = await planDemoOrgs(db, focus);
  // through the org service, as issue 22's deployment does (decision 0019)
  const ids = await createDemoOrgs(early, ctx, planned);
  for (const u of DEMO_USERS) await createUser(early, ctx, { ...u, password: DEMO_PASSWORD });
  // the demo counselor keeps two graduating classes of 贵州大学 计算机科学与技术学院 (named as the generator
  // names the cohort's classes: 计科2001班 for 2020)
  const counselor = await db.query.appUser.findFirst({
    where: (t, { eq }) => eq(t.username, 'gzu_counselor'),
  });
  // through the assignment service, as a university admin's assignment is written (audited)
  await addCounselorToClasses(early, ctx, {
    userId: counselor!.id,
    collegeId: ids.get('U-10657-C01')!,
    classNames: [1, 2].map((n) => `计科${cohort % 100}${String(n).padStart(2, '0')}班`),
  });
  const importers = await createImporterAccounts(early, DEMO_PASSWORD);
  const size = opts.size ?? DEMO_SIZE;
  const graduates =
    size > 0
      ? await seedDemoGraduates(early, {
          size,
          seed: opts.seed ?? DEMO_SEED,
          cohort,
          ...(opts.log ? { log: opts.log } : {}),
        })
      : null;
  const ledger = graduates ? await seedDemoLedger(deps, DEMO_PASSWORD, cohort) : null;
  const opportunities = await seedDemoOpportunities(deps, {
    password: DEMO_PASSWORD,
    cohort,
    seed: opts.seed ?? DEMO_SEED,
    withApplications: !!graduates,
  });
  const pushes = graduates ? await seedDemoPushes(deps, { cohort, seed: opts.seed ?? DEMO_SEED }) : null;
  return {
    orgs: planned.length,
    users: DEMO_USERS.length + importers,
    graduates,
    ledger,
    opportunities,
    pushes,
  };
}
