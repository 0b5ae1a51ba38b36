import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createCrypto } from '../../src/server/crypto.ts';
import { queryRows } from '../../src/server/db/query.ts';
import { focusListCounty, meta } from '../../src/server/db/schema/index.ts';
import { insertPlannedOrgs, planDemoOrgs, readDemoUniversities } from '../../src/server/seed/demo-orgs.ts';
import { DemoPopulation } from '../../src/server/seed/demo-population.ts';
import { apportion, Prng } from '../../src/server/seed/prng.ts';
import { buildIndexes, copyRows, dropSecondaryIndexes, freshBenchDatabase } from '../pg-bulk.ts';
import { CASE_COLUMNS, generateCases } from './generate-cases.ts';
import { generatePosts, POST_COLUMNS } from './generate-posts.ts';

/*
 * The matching bench's data on PostgreSQL: reference data and the demo org tree as the app loads them, then
 * employers and open posts, and target graduates with open cases — all with COPY, secondary indexes dropped
 * during the load and built again after, then VACUUM ANALYZE. The report is kept in `meta` for --reuse.
 */

export const BENCH_DB = 'bangfu_bench_matching';
const META_KEY = 'bench.matching';

export type TLoadReport = {
  cases: number;
  posts: number;
  employers: number;
  today: string;
  cohort: number;
  seed: number;
  seconds: { schema: number; generate: number; copy: number; indexes: number; total: number };
  dbSizeMb: number;
};

const BULK = ['graduate', 'ledger_case', 'opportunity', 'employer_profile'];

export async function readLoadReport(url: string): Promise<TLoadReport | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const r = await client.query('select value from meta where key = $1', [META_KEY]);
    return r.rows[0] ? (JSON.parse(r.rows[0].value) as TLoadReport) : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function loadMatchingData(
  adminUrl: string,
  o: { cases: number; posts: number; seed: number; today: string; log: (s: string) => void },
): Promise<TLoadReport> {
  const t0 = performance.now();
  const { database, pool, db } = await freshBenchDatabase(adminUrl, BENCH_DB);
  try {
    const focus = (await db.selectDistinct({ code: focusListCounty.countyCode }).from(focusListCounty)).map(
      (r) => r.code,
    );
    const orgIds = await db.transaction(async (tx) => insertPlannedOrgs(tx, await planDemoOrgs(tx, focus)));
    const tSchema = performance.now();
    const indexDefs = await dropSecondaryIndexes(pool, BULK);

    const rng = new Prng(o.seed);
    const cohort = Number(o.today.slice(0, 4));
    const universities = readDemoUniversities();
    let generateMs = 0;
    let copyMs = 0;
    let t = performance.now();
    const posts = generatePosts({ rng, today: o.today, cohort, orgIds, universities }, o.posts);
    generateMs += performance.now() - t;
    t = performance.now();
    for (const table of ['org_unit', 'employer_profile', 'opportunity'] as const)
      await copyRows(pool, table, POST_COLUMNS[table], posts[table]);
    copyMs += performance.now() - t;
    o.log(
      `  ${posts.opportunity.length.toLocaleString('en')} posts, ${posts.org_unit.length.toLocaleString('en')} employers`,
    );

    const population = new DemoPopulation(rng, {
      cohort,
      shares: { focus: 0.4, seven: 0.55 },
      poorRates: { focus: 0.5, seven: 1, elsewhere: 1 },
    });
    const crypto = createCrypto('bench-matching-secret-0123456789abcdefghijklmnop');
    const sizes = apportion(
      o.cases,
      universities.map((u) => (u.level === '本科' ? 1.1 : 0.8)),
    );
    const now = new Date(`${o.today}T02:00:00Z`);
    for (const [i, u] of universities.entries()) {
      t = performance.now();
      const batch = generateCases({ rng, population, crypto, cohort, now, orgIds }, u, sizes[i]!);
      generateMs += performance.now() - t;
      t = performance.now();
      await copyRows(pool, 'graduate', CASE_COLUMNS.graduate, batch.graduate);
      await copyRows(pool, 'ledger_case', CASE_COLUMNS.ledger_case, batch.ledger_case);
      copyMs += performance.now() - t;
    }
    o.log(
      `  ${o.cases.toLocaleString('en')} cases (generate ${(generateMs / 1000).toFixed(1)} s, COPY ${(copyMs / 1000).toFixed(1)} s)`,
    );
    const tData = performance.now();
    await buildIndexes(pool, indexDefs);
    await db.execute(sql`vacuum analyze`);
    const tEnd = performance.now();
    const [size] = await queryRows<{ mb: number }>(
      db,
      sql`select (pg_database_size(current_database()) / 1048576)::int as mb`,
    );
    const report: TLoadReport = {
      cases: o.cases,
      posts: o.posts,
      employers: posts.org_unit.length,
      today: o.today,
      cohort,
      seed: o.seed,
      seconds: {
        schema: (tSchema - t0) / 1000,
        generate: generateMs / 1000,
        copy: copyMs / 1000,
        indexes: (tEnd - tData) / 1000,
        total: (tEnd - t0) / 1000,
      },
      dbSizeMb: Number(size?.mb ?? 0),
    };
    await db.insert(meta).values({ key: META_KEY, value: JSON.stringify(report) });
    return report;
  } finally {
    await database.close();
  }
}
