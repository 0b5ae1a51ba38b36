import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createCrypto } from '../../src/server/crypto.ts';
import { queryRows } from '../../src/server/db/query.ts';
import { focusList, focusListCounty, meta } from '../../src/server/db/schema/index.ts';
import { hashPassword } from '../../src/server/modules/auth/password.ts';
import { insertPlannedOrgs, planDemoOrgs, readDemoUniversities } from '../../src/server/seed/demo-orgs.ts';
import { DemoPopulation } from '../../src/server/seed/demo-population.ts';
import { apportion, Prng } from '../../src/server/seed/prng.ts';
import { buildIndexes, copyRows, dropSecondaryIndexes, freshBenchDatabase } from '../pg-bulk.ts';
import { COLUMNS, generateUniversity, TABLE_ORDER, type TBatch, type TGenStats } from './generate.ts';

/** The fixed secret of the bench data: the served app must use the same one to decrypt. */
export const BENCH_SECRET = 'bench-caseload-secret-0123456789abcdefghijklmnop';
export const BENCH_PASSWORD = 'Bench@2026';
export const BENCH_DB = 'bangfu_bench_caseload';
export const META_KEY = 'bench.caseload';

export type TLoadReport = {
  graduates: number;
  cohort: number;
  universities: number;
  stats: TGenStats;
  rows: Record<string, number>;
  seconds: {
    schema: number;
    orgs: number;
    generate: number;
    copy: number;
    indexes: number;
    analyze: number;
    total: number;
  };
  dbSizeMb: number;
  peakRssMb: number;
};

/** `postgres://…/postgres` → the same server with another database name. */

/** The season the bench data is in: the cohort that left school on the last 30 June before `now`. */
export function benchCohort(now: Date): number {
  return now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

const BULK_TABLES = [
  'app_user',
  'counselor_class',
  'graduate',
  'ledger_case',
  'helper_pairing',
  'case_event',
];

export async function readLoadReport(url: string): Promise<TLoadReport | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const r = await client.query('select value from meta where key = $1', [META_KEY]);
    return r.rows[0] ? (JSON.parse(r.rows[0].value) as TLoadReport) : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/**
 * Drop and create the bench database, migrate it and load reference data the way the app does, then the org
 * tree, the staff accounts and the caseload with COPY, one university at a time. Ends with VACUUM ANALYZE.
 */
export async function loadCaseload(
  adminUrl: string,
  opts: { graduates: number; seed: number; log: (s: string) => void },
): Promise<TLoadReport> {
  const t0 = performance.now();
  const { database, pool, db } = await freshBenchDatabase(adminUrl, BENCH_DB);
  try {
    const tSchema = performance.now();

    const focus = (await db.selectDistinct({ code: focusListCounty.countyCode }).from(focusListCounty)).map(
      (r) => r.code,
    );
    const planned = await planDemoOrgs(db, focus);
    const orgIds = await db.transaction((tx) => insertPlannedOrgs(tx, planned));
    const bureaus = new Map(focus.map((c) => [c, orgIds.get(`HRSS-${c}`)!]));
    const [list] = await db
      .select({ key: focusList.key, name: focusList.name })
      .from(focusList)
      .where(eq(focusList.active, true));
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const tOrgs = performance.now();

    const now = new Date();
    const cohort = benchCohort(now);
    const rng = new Prng(opts.seed);
    const universities = readDemoUniversities();
    // roughly even caseloads (≈9,400 each for 500k), 本科 universities a little bigger than 专科 colleges
    const sizes = apportion(
      opts.graduates,
      universities.map((u) => (u.level === '本科' ? 1.1 : 0.8) * (0.7 + 0.6 * rng.next())),
    );
    const ctx = {
      rng,
      population: new DemoPopulation(rng, {
        cohort,
        shares: { focus: 0.4, seven: 0.55 },
        poorRates: { focus: 0.5, seven: 1, elsewhere: 1 },
      }),
      crypto: createCrypto(BENCH_SECRET),
      cohort,
      now,
      passwordHash,
      orgIds,
      bureaus,
      focusListKey: list?.key ?? 'focus-52-2020',
      focusListName: list?.name ?? '',
    };
    const total: TGenStats = {
      graduates: 0,
      cases: 0,
      events: 0,
      counselors: 0,
      helpers: 0,
      pairings: 0,
      handedOver: 0,
      placed: 0,
    };
    const rows: Record<string, number> = {};
    let generateMs = 0;
    let copyMs = 0;
    const indexDefs = await dropSecondaryIndexes(pool, BULK_TABLES);
    for (const [i, u] of universities.entries()) {
      let t = performance.now();
      const { batch, stats } = generateUniversity(ctx, u, i + 1, sizes[i]!);
      generateMs += performance.now() - t;
      t = performance.now();
      for (const table of TABLE_ORDER) {
        const tableRows = (batch as TBatch)[table];
        await copyRows(pool, table, COLUMNS[table], tableRows);
        rows[table] = (rows[table] ?? 0) + tableRows.length;
      }
      copyMs += performance.now() - t;
      for (const k of Object.keys(total) as (keyof TGenStats)[]) total[k] += stats[k];
      opts.log(
        `  ${String(i + 1).padStart(2)}/${universities.length} ${u.name}: ${stats.cases} cases, ${stats.events} events` +
          ` (generate ${(generateMs / 1000).toFixed(1)} s, COPY ${(copyMs / 1000).toFixed(1)} s so far)`,
      );
    }
    const tData = performance.now();
    await buildIndexes(pool, indexDefs);
    // the foreign keys the COPYs did not check, checked once over the whole load
    const [orphans] = await queryRows<{ n: number }>(
      db,
      sql`select ((select count(*) from case_event e where not exists (select 1 from ledger_case c where c.id = e.case_id))
        + (select count(*) from case_event e where e.actor_user_id is not null
            and not exists (select 1 from app_user u where u.id = e.actor_user_id))
        + (select count(*) from helper_pairing p where not exists (select 1 from app_user u where u.id = p.helper_user_id))
        + (select count(*) from ledger_case c where not exists (select 1 from graduate g where g.id = c.graduate_id)))::int as n`,
    );
    if (Number(orphans?.n) !== 0)
      throw new Error(`bench data has ${orphans?.n} rows with a dangling reference`);
    const tIndexes = performance.now();
    await db.execute(sql`vacuum analyze`);
    const tAnalyze = performance.now();
    const [size] = await queryRows<{ mb: number }>(
      db,
      sql`select (pg_database_size(current_database()) / 1048576)::int as mb`,
    );
    const report: TLoadReport = {
      graduates: opts.graduates,
      cohort,
      universities: universities.length,
      stats: total,
      rows,
      seconds: {
        schema: (tSchema - t0) / 1000,
        orgs: (tOrgs - tSchema) / 1000,
        generate: generateMs / 1000,
        copy: copyMs / 1000,
        indexes: (tIndexes - tData) / 1000,
        analyze: (tAnalyze - tIndexes) / 1000,
        total: (tAnalyze - t0) / 1000,
      },
      dbSizeMb: Number(size?.mb ?? 0),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    await db
      .insert(meta)
      .values({ key: META_KEY, value: JSON.stringify(report) })
      .onConflictDoUpdate({ target: meta.key, set: { value: JSON.stringify(report) } });
    return report;
  } finally {
    await database.close();
  }
}

/** The load report as the benchmark prints it before its results. */
export function printLoad(r: TLoadReport) {
  const s = r.seconds;
  console.log(
    `data: cohort ${r.cohort}, ${r.universities} universities, ${r.stats.graduates.toLocaleString('en')} target graduates / cases, ` +
      `${r.stats.events.toLocaleString('en')} case events (${(r.stats.events / r.stats.cases).toFixed(2)} per case), ` +
      `${r.stats.counselors.toLocaleString('en')} counselors, ${r.stats.helpers.toLocaleString('en')} helpers, ` +
      `${r.stats.pairings.toLocaleString('en')} pairings, ${r.stats.placed.toLocaleString('en')} placed, ` +
      `${r.stats.handedOver.toLocaleString('en')} handed over; database ${r.dbSizeMb.toLocaleString('en')} MB`,
  );
  console.log(
    `load: ${s.total.toFixed(1)} s (migrate + reference data ${s.schema.toFixed(1)} s, orgs ${s.orgs.toFixed(1)} s, ` +
      `generate + encrypt ${s.generate.toFixed(1)} s, COPY ${s.copy.toFixed(1)} s, secondary indexes + reference check ${(s.indexes ?? 0).toFixed(1)} s, ` +
      `VACUUM ANALYZE ${s.analyze.toFixed(1)} s); ` +
      `loader peak RSS ${r.peakRssMb} MB`,
  );
}
