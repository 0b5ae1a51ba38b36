/**
 * Matching benchmark (issue 5): open cases × open posts on PostgreSQL (generated in a child process: demo
 * graduates with their 就业需求, posts of every kind from the real major catalogues), then one batch run as
 * `bangfu matching run` does it — open posts and partner provinces read, the post index built in worker
 * threads, case facts read page by page, the top 20 per case computed and written back with binary COPY into a
 * new table swapped in — timed per phase with the peak RSS of this process. Then a 1 % sample of the cases is
 * checked against the brute-force reference (every post scored by the scorer, sorted, first 20), timed in the
 * same run on the same worker threads, and the stored rows must equal it exactly.
 *
 * Run: npm run bench:matching -- [--cases 500000] [--posts 100000] [--reuse] [--workers 2] [--sample 0.01]
 *        [--today 2020-07-15] [--seed 2020] [--pg postgres://postgres@127.0.0.1:5432/postgres]
 * --reuse keeps the database bangfu_bench_matching of an earlier load with the same sizes, seed and day.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { BENCH_DB, loadMatchingData, readLoadReport, type TLoadReport } from './matching/load.ts';
import { withDatabase } from './pg-bulk.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '500000' },
    posts: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '2020' },
    today: { type: 'string', default: '2020-07-15' },
    workers: { type: 'string', default: '2' },
    sample: { type: 'string', default: '0.01' },
    reuse: { type: 'boolean', default: false },
    pg: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    child: { type: 'string' },
  },
});
const log = (s: string) => console.error(s);
const sizes = {
  cases: Number(values.cases),
  posts: Number(values.posts),
  seed: Number(values.seed),
  today: values.today!,
};

if (values.child === 'load') {
  console.log(JSON.stringify(await loadMatchingData(values.pg!, { ...sizes, log })));
  process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
const benchUrl = withDatabase(values.pg!, BENCH_DB);

// ——— 1. data (child process, so its memory is not this run's) ———
let report = values.reuse ? await readLoadReport(benchUrl) : null;
if (
  report &&
  (report.cases !== sizes.cases ||
    report.posts !== sizes.posts ||
    report.seed !== sizes.seed ||
    report.today !== sizes.today)
)
  report = null;
if (report) log(`reusing ${BENCH_DB} (loaded in ${report.seconds.total.toFixed(1)} s)`);
else {
  log(
    `loading ${sizes.cases.toLocaleString('en')} cases and ${sizes.posts.toLocaleString('en')} posts into ${BENCH_DB}…`,
  );
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/matching.ts',
      '--child',
      'load',
      '--pg',
      values.pg!,
      '--cases',
      values.cases!,
      '--posts',
      values.posts!,
      '--seed',
      values.seed!,
      '--today',
      values.today!,
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1e7 },
  );
  if (child.status !== 0) throw new Error('loading the bench data failed');
  report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as TLoadReport;
}

// ——— 2. the batch run, as `bangfu matching run` does it ———
const { openPostgres } = await import('../src/server/db/client.ts');
const { runMatching } = await import('../src/server/modules/matching/batch-run.ts');
const { startTsWorker } = await import('../src/server/modules/matching/ts-worker.ts');
const { loadOpenPosts, loadPartners, toCandidateFacts } = await import(
  '../src/server/modules/matching/match-data.repo.ts'
);
const { queryRows } = await import('../src/server/db/query.ts');
const { sql } = await import('drizzle-orm');
const database = openPostgres(benchUrl);
const loadBefore = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const workers = Number(values.workers);
let shownProgress = 0;
const cpu0 = process.cpuUsage();
const run = await runMatching(database, {
  scope: null,
  today: sizes.today,
  computedAt: new Date(),
  workers,
  onProgress: ({ processed, total }) => {
    if (Math.floor(processed / 100_000) > shownProgress) {
      shownProgress = Math.floor(processed / 100_000);
      log(`  ${processed.toLocaleString('en')} / ${total.toLocaleString('en')} cases`);
    }
  },
});
const cpu = process.cpuUsage(cpu0);
const runRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const stored = await queryRows<{ n: number }>(
  database.db,
  sql`select count(*)::int as n from recommendation`,
);
log(`run: ${JSON.stringify(run)}`);

// ——— 3. the 1 % sample against brute force ———
const sampleSize = Math.round(run.cases * Number(values.sample));
const sampleRows = await queryRows<Parameters<typeof toCandidateFacts>[0]>(
  database.db,
  sql`select c.id as case_id, graduate.id as graduate_id, graduate.cohort, graduate.birth_date::text as birth_date,
        graduate.level, graduate.major_code, graduate.domicile_county_code, graduate.university_province_code,
        graduate.is_target, c.intention, c.needs
      from ledger_case c join graduate on graduate.id = c.graduate_id
      where c.status = 'seeking' order by md5(c.id::text) limit ${sampleSize}`,
);
const partners = await loadPartners(database.db, Number(sizes.today.slice(0, 4)));
const facts = sampleRows.map((r) => toCandidateFacts(r, partners));
const posts = await loadOpenPosts(database.db);
const tBrute = performance.now();
const brute = await bruteForce(posts, facts, Math.max(1, workers));
const bruteS = (performance.now() - tBrute) / 1000;
const storedRows = await queryRows<{ case_id: string; opportunity_id: string; score: number }>(
  database.db,
  sql`select case_id, opportunity_id, score from recommendation
      where case_id = any(${`{${sampleRows.map((r) => r.case_id).join(',')}}`}::uuid[]) order by case_id, rank`,
);
const storedBy = new Map<string, string[]>();
for (const r of storedRows)
  storedBy.set(r.case_id, [...(storedBy.get(r.case_id) ?? []), `${r.opportunity_id}:${r.score}`]);
let mismatches = 0;
sampleRows.forEach((r, n) => {
  const want = brute[n]!.map((x) => `${x.postId}:${x.score}`).join(',');
  if ((storedBy.get(r.case_id) ?? []).join(',') !== want) mismatches++;
});
await database.close();

// ——— 4. report ———
const s = run.seconds;
const perCaseMs = (run.seconds.total * 1000) / run.cases;
console.log(
  `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `load average before the run: ${loadBefore}, after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);
console.log(
  `data: ${report.cases.toLocaleString('en')} open cases, ${report.posts.toLocaleString('en')} open posts (${run.posts.toLocaleString('en')} ` +
    `still open on ${sizes.today}: the rest past their deadline or full), ${report.employers.toLocaleString('en')} employers; ` +
    `database ${report.dbSizeMb.toLocaleString('en')} MB; loaded in ${report.seconds.total.toFixed(1)} s (not part of the run)\n`,
);
console.log('| phase | wall (s) |');
console.log('| --- | ---: |');
console.log(`| read open posts, partner provinces, count cases | ${s.posts.toFixed(1)} |`);
console.log(`| start ${run.workers} worker threads, each building the post index | ${s.engine.toFixed(1)} |`);
console.log(
  `| read case facts, top 20 per case, binary COPY into a new table (overlapped) | ${s.stream.toFixed(1)} |`,
);
console.log(`| primary key on the new table, swap | ${s.finish.toFixed(1)} |`);
console.log(`| **end to end** | **${s.total.toFixed(1)}** |`);
console.log(
  `\n${run.cases.toLocaleString('en')} cases, ${run.recommendations.toLocaleString('en')} recommendations stored (${stored[0]?.n.toLocaleString('en')} rows), ` +
    `${perCaseMs.toFixed(3)} ms per case end to end; CPU of this process (all threads) ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; ` +
    `peak RSS ${runRssMb} MB`,
);
console.log(
  `brute force on a ${(100 * Number(values.sample)).toFixed(0)} % sample (${facts.length.toLocaleString('en')} cases × ${posts.length.toLocaleString('en')} posts, ` +
    `${Math.max(1, workers)} worker threads): ${bruteS.toFixed(1)} s = ${((bruteS * 1000) / facts.length).toFixed(2)} ms per case ` +
    `(the engine: ${perCaseMs.toFixed(3)} ms per case end to end, ${((bruteS * 1000) / facts.length / perCaseMs).toFixed(0)}× less); ` +
    `results identical: ${mismatches === 0 ? 'yes' : `NO — ${mismatches} cases differ`}`,
);
console.log(`goal ≤ 60 s end to end: ${s.total <= 60 ? 'met' : 'NOT met'}`);
if (mismatches) process.exitCode = 1;

/** The reference on worker threads: every post scored for every sample case. */
async function bruteForce(all: unknown[], cases: unknown[], n: number) {
  const url = new URL('./matching/brute-worker.ts', import.meta.url);
  const ws = Array.from({ length: n }, () => startTsWorker(url));
  const call = (w: Worker, msg: unknown) =>
    new Promise<{ postId: string; score: number }[][]>((resolve, reject) => {
      w.once('message', (m: { result?: { postId: string; score: number }[][] }) => resolve(m.result ?? []));
      w.once('error', reject);
      w.postMessage(msg);
    });
  await Promise.all(ws.map((w) => call(w, { type: 'init', posts: all, today: sizes.today, k: 20 })));
  const chunk = Math.ceil(cases.length / (n * 8));
  const out: { postId: string; score: number }[][] = [];
  const queue = Array.from({ length: Math.ceil(cases.length / chunk) }, (_, j) => j);
  const parts = new Map<number, { postId: string; score: number }[][]>();
  await Promise.all(
    ws.map(async (w) => {
      for (let j = queue.shift(); j !== undefined; j = queue.shift())
        parts.set(
          j,
          await call(w, { type: 'batch', id: j + 1, facts: cases.slice(j * chunk, (j + 1) * chunk) }),
        );
    }),
  );
  for (let j = 0; j < parts.size; j++) out.push(...parts.get(j)!);
  await Promise.all(ws.map((w) => w.terminate()));
  return out;
}
