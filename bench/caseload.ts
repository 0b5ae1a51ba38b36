/**
 * Caseload benchmark (issue 4): 500,000 target graduates with their case files on PostgreSQL (loaded with COPY:
 * counselors with two classes each, helpers with 5–10 paired cases, a season of needs, measures, follow-ups,
 * progress, destinations and handovers with ≈4–5 timeline events per case), the real app served in this
 * process, and load from autocannon in a child process at 50 connections over loopback:
 *   hello   a bare Fastify instance in this process, GET /hello → {ok:true} (the baseline)
 *   health  the app's GET /api/health (the full plugin stack and one `select 1`)
 *   list    GET /api/cases?page=1&pageSize=20 as counselors ("my caseload", most urgent first)
 *   case    GET /api/cases/:id (the case page) for those counselors' cases
 *   admin   GET /api/cases?page=1&pageSize=20 as university admins (≈9,400 cases each)
 *   floor   the list's own SQL statement alone, replayed by pgbench over as many connections (the database's
 *           floor for the list: no request can cost less than its statement)
 * Cookies of many signed-in users are rotated request by request. Besides latency and throughput it reports the
 * CPU each request cost in this process and in the database's backends, which holds when other work shares the
 * machine. Results and findings: docs/benchmarks.md.
 *
 * Run: npm run bench:caseload -- [--graduates 500000] [--reuse] [--load-only] [--duration 20] [--warmup 5]
 *        [--connections 50] [--counselors 200] [--admins 20] [--phases hello,health,floor,list,case,admin] [--explain]
 *        [--pool 10] [--workers 1]
 *        [--pg postgres://postgres@127.0.0.1:5432/postgres]   (default: DATABASE_URL, else that URL)
 * --pool is DATABASE_POOL_SIZE (connections per server process); --workers serves from that many processes
 * sharing one port (node:cluster, bench/caseload/app-worker.ts) instead of this one.
 * --reuse keeps the database bangfu_bench_caseload of an earlier run with the same --graduates; --explain runs
 * one request of each ledger endpoint under EXPLAIN (ANALYZE, BUFFERS), statement by statement.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import type pg from 'pg';
import type { TPhaseConfig, TPhaseResult } from './caseload/cannon.ts';
import { hasPgbench, runFloor, writeFloorScript } from './caseload/db-floor.ts';
import { captureStatements } from './caseload/explain.ts';
import {
  BENCH_DB,
  BENCH_PASSWORD,
  loadCaseload,
  printLoad,
  readLoadReport,
  type TLoadReport,
} from './caseload/load.ts';
import { BackendCpu, startWorkers } from './caseload/processes.ts';
import { withDatabase } from './pg-bulk.ts';

const { values } = parseArgs({
  options: {
    graduates: { type: 'string', default: '500000' },
    seed: { type: 'string', default: '2026' },
    reuse: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    counselors: { type: 'string', default: '200' },
    admins: { type: 'string', default: '20' },
    phases: { type: 'string', default: 'hello,health,floor,list,case,admin' },
    explain: { type: 'boolean', default: false },
    workers: { type: 'string', default: '1' },
    // PostgreSQL connections per server process (DATABASE_POOL_SIZE; the server's default)
    pool: { type: 'string', default: '10' },
    pg: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    child: { type: 'string' },
  },
});
const log = (s: string) => console.error(s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (values.child === 'load') {
  const report = await loadCaseload(values.pg!, {
    graduates: Number(values.graduates),
    seed: Number(values.seed),
    log,
  });
  console.log(JSON.stringify(report));
  process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
const benchUrl = withDatabase(values.pg!, BENCH_DB);

// ——— 1. data ———
let report = values.reuse ? await readLoadReport(benchUrl) : null;
if (report && report.graduates !== Number(values.graduates)) report = null;
if (report) {
  log(
    `reusing ${BENCH_DB}: ${report.stats.cases.toLocaleString('en')} cases (loaded in ${report.seconds.total.toFixed(1)} s)`,
  );
} else {
  log(
    `loading ${Number(values.graduates).toLocaleString('en')} target graduates into ${BENCH_DB} (child process)…`,
  );
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/caseload.ts',
      '--child',
      'load',
      '--pg',
      values.pg!,
      '--graduates',
      values.graduates!,
      '--seed',
      values.seed!,
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1e7 },
  );
  if (child.status !== 0) throw new Error('loading the bench data failed');
  report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as TLoadReport;
}
printLoad(report);
if (values['load-only']) process.exit(0);

// ——— 2. the app, in this process ———
// imported here, not at the top: the loading child process above never needs the app
const { buildBenchApp } = await import('./caseload/bench-app.ts');
const poolSize = Number(values.pool);
const { app, database } = await buildBenchApp(benchUrl, poolSize);
const pool = (database.db as unknown as { $client: pg.Pool }).$client;
const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
const hello = Fastify({ logger: false });
hello.get('/hello', async () => ({ ok: true }));
const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 });
/** RSS (MB) of the serving processes: this one, or the cluster's workers together. */
const rss = () => cluster?.rssMb() ?? Math.round(process.memoryUsage().rss / 1048576);
const loadBefore = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');

// ——— sign in ———
async function signIn(username: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
const pick = async (role: string, n: number) =>
  (
    await pool.query<{ id: string; username: string }>(
      `select id, username from app_user where $1 = any(roles) order by md5(username) limit $2`,
      [role, n],
    )
  ).rows;
const counselors = await pick('counselor', Number(values.counselors));
const admins = await pick('university_admin', Number(values.admins));
const cookies = new Map<string, string>();
const t = performance.now();
for (const u of [...counselors, ...admins]) cookies.set(u.id, await signIn(u.username));
log(`signed in ${cookies.size} users in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const caseRows = (
  await pool.query<{ user_id: string; id: string }>(
    `select cc.user_id, c.id from counselor_class cc
     join graduate g on g.college_id = cc.college_id and g.class_name = cc.class_name
     join ledger_case c on c.graduate_id = g.id
     where cc.user_id = any($1::uuid[]) order by md5(c.id::text)`,
    [counselors.map((c) => c.id)],
  )
).rows;
const listPath = '/api/cases?page=1&pageSize=20';

// ——— the servers under load: this process, or --workers processes sharing one port (node:cluster) ———
const cluster =
  Number(values.workers) > 1
    ? await startWorkers(Number(values.workers), { root, databaseUrl: benchUrl, poolSize, log })
    : null;
const serveUrl = cluster?.url ?? appUrl;
const rssAfterStart = rss();
const perCounselor = caseRows.length / counselors.length;
log(
  `${counselors.length} counselors (${perCounselor.toFixed(1)} cases each), ${admins.length} university admins`,
);

// ——— 3. load ———
const phaseRequests: Record<string, { label: string; requests: TPhaseConfig['requests']; base: string }> = {
  hello: {
    label: 'baseline: bare Fastify `GET /hello` → {ok:true}',
    base: helloUrl,
    requests: [{ path: '/hello' }],
  },
  health: {
    label: 'app `GET /api/health` (plugins + `select 1`)',
    base: serveUrl,
    requests: [{ path: '/api/health' }],
  },
  list: {
    label: `caseload list \`GET ${listPath}\`, ${counselors.length} counselors`,
    base: serveUrl,
    requests: counselors.map((c) => ({ path: listPath, cookie: cookies.get(c.id)! })),
  },
  case: {
    label: `case page \`GET /api/cases/:id\`, ${caseRows.length.toLocaleString('en')} cases of those counselors`,
    base: serveUrl,
    requests: caseRows.map((r) => ({ path: `/api/cases/${r.id}`, cookie: cookies.get(r.user_id)! })),
  },
  admin: {
    label: `university admin's caseload \`GET ${listPath}\`, ${admins.length} admins`,
    base: serveUrl,
    requests: admins.map((a) => ({ path: listPath, cookie: cookies.get(a.id)! })),
  },
  floor: {
    label: "database floor: the list's own statement alone, replayed by pgbench (no app, no HTTP)",
    base: benchUrl,
    requests: [],
  },
};

const phases = values.phases!.split(',').filter(Boolean);
if (phases.includes('floor') && !hasPgbench()) {
  log('floor: pgbench is not installed (it comes with the PostgreSQL server packages); skipping that phase');
  phases.splice(phases.indexOf('floor'), 1);
}
// every phase's first request must succeed, or the figures would measure error pages
for (const name of phases.filter((n) => n !== 'floor')) {
  const first = phaseRequests[name]!.requests[0]!;
  const res = await fetch(`${phaseRequests[name]!.base}${first.path}`, {
    headers: first.cookie ? { cookie: first.cookie } : {},
  });
  if (!res.ok)
    throw new Error(`${name}: ${first.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

if (values.explain) {
  const { explainRequest } = await import('./caseload/explain.ts');
  const captured = {
    list: await explainRequest(app, pool, listPath, phaseRequests.list!.requests[0]!.cookie!, log),
    case: await explainRequest(
      app,
      pool,
      phaseRequests.case!.requests[0]!.path,
      phaseRequests.case!.requests[0]!.cookie!,
      log,
    ),
    admin: await explainRequest(app, pool, listPath, phaseRequests.admin!.requests[0]!.cookie!, log),
  };
  // the statements with their parameters, to try rewrites in psql
  const file = path.join(os.tmpdir(), 'bangfu-bench-caseload-statements.json');
  writeFileSync(file, JSON.stringify(captured, null, 1));
  log(`\nstatements written to ${file}`);
}

/** autocannon in a child process (async spawn: the server in this process must keep serving meanwhile). */
async function runCannon(name: string, file: string): Promise<TPhaseResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/caseload/cannon.ts', file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${name}: load generator exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as TPhaseResult;
}

/** Requests the load generator left in flight still run their queries: let them finish (at most 30 s). */
async function drain() {
  for (let i = 0; i < 300 && (pool.waitingCount > 0 || pool.idleCount < pool.totalCount); i++)
    await sleep(100);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-caseload-'));
const results: {
  name: string;
  label: string;
  r: TPhaseResult;
  rssMb: number;
  load: string;
  nodeCpuMs: number;
  pgCpuMs: number;
}[] = [];
try {
  for (const name of phases) {
    const p = phaseRequests[name]!;
    const cfg: TPhaseConfig = {
      url: p.base,
      connections: Number(values.connections),
      warmupS: Number(values.warmup),
      durationS: Number(values.duration),
      requests: p.requests,
    };
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(cfg));
    const floorScript = name === 'floor' ? path.join(dir, 'floor.pgbench') : null;
    if (floorScript) {
      const first = counselors[0]!;
      const { captured } = await captureStatements(app, pool, listPath, cookies.get(first.id)!);
      const statement = captured.find((c) => c.text.includes('count(*) over ()'));
      if (!statement) throw new Error('floor: the list statement was not captured');
      const ids = counselors.map((c) => c.id);
      await writeFloorScript(pool, statement, first.id, ids, floorScript);
    }
    log(`${name}: ${cfg.warmupS} s warm-up + ${cfg.durationS} s at ${cfg.connections} connections…`);
    // CPU of this process and of the database's backends over the phase: cost per request, whatever else runs
    const pgCpu = new BackendCpu(pool);
    await pgCpu.start();
    const cpu0 = serverCpuMs();
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss());
      void pgCpu.sample();
    }, 1000);
    let r: TPhaseResult;
    try {
      r = floorScript ? await runFloor(floorScript, cfg) : await runCannon(name, file);
    } finally {
      clearInterval(sampler);
    }
    const nodeMs = serverCpuMs() - cpu0;
    const pgTicks = await pgCpu.sample();
    const served = r.warmupRequests + r.requests;
    results.push({
      name,
      label: p.label,
      r,
      rssMb: Math.max(peak, rss()),
      load: os.loadavg()[0]!.toFixed(2),
      nodeCpuMs: nodeMs / served,
      pgCpuMs: (pgTicks * 10) / served,
    });
    log(`  ${JSON.stringify(r)}`);
    await drain();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await drain();
  await hello.close();
  await cluster?.stop();
  await app.close();
  await database.close();
}

// ——— 4. report ———
const base = results.find((x) => x.name === 'hello')?.r;
const loadEnd = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
console.log(
  `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}; load average at start: ${loadBefore}, at end: ${loadEnd}`,
);
console.log(
  `server RSS after start: ${rssAfterStart} MB; ${values.workers} server process(es), ${poolSize} database ` +
    `connections each (DATABASE_POOL_SIZE), Node flags: ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'none'}; ` +
    `${values.connections} client connections, ` +
    'each sending its next request as soon as the last is answered, ' +
    `${values.warmup} s warm-up + ${values.duration} s per endpoint\n`,
);
console.log(
  '| endpoint | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors | non-2xx | p95 / baseline | Node CPU ms/req | PG CPU ms/req | peak RSS (MB) | load avg |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { label, r, rssMb, load, nodeCpuMs, pgCpuMs } of results) {
  const ratio = base ? `${(r.p95 / base.p95).toFixed(1)}×` : '';
  console.log(
    `| ${label} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.errors}${r.timeouts ? ` (${r.timeouts} timeouts)` : ''} | ${r.non2xx} | ${ratio} | ${nodeCpuMs.toFixed(2)} | ${pgCpuMs.toFixed(2)} | ${rssMb} | ${load} |`,
  );
}
for (const x of results.filter((x) => !['hello', 'health', 'floor'].includes(x.name))) {
  const met = x.r.requests > 0 && x.r.p95 <= 50 && x.r.errors === 0 && x.r.non2xx === 0;
  // issue 4's goal names the caseload list and the case page; the admin's whole-university list is measured
  // against the same bar but is not part of it
  const scope = x.name === 'admin' ? ' (beyond the goal of issue 4)' : '';
  console.log(`p95 ≤ 50 ms, 0 errors — ${x.name}${scope}: ${met ? 'met' : 'NOT met'}`);
}

/** CPU (ms) used so far by the serving processes: this one, or the cluster's workers. */
function serverCpuMs(): number {
  if (cluster) return cluster.cpuMs();
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}
