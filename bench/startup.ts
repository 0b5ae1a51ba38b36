/**
 * Start-up budget (issue 2): time from process spawn to a 200 from /api/health, and RSS once ready, for the
 * first start (initdb + migrate + reference data + demo seed) and later starts on the same folder. Baseline in
 * the same run: a bare PGlite opening the same folder (spawn → first query) in a plain Node process.
 * Run: npm run bench:startup   (prints a Markdown table for docs/benchmarks.md)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitExit(child: ChildProcess) {
  if (child.exitCode !== null) return;
  await new Promise((r) => child.once('exit', r));
}

async function startServer(dataDir: string, port: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/bangfu.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('server exited during start');
    await sleep(20);
  }
  const readyMs = Math.round(performance.now() - t0);
  await sleep(500);
  const rss = rssMb(child.pid!);
  child.kill('SIGTERM');
  await waitExit(child);
  return { readyMs, rss };
}

async function bareOpen(dataDir: string) {
  const code = `import { PGlite } from '@electric-sql/pglite';
    const db = await PGlite.create({ dataDir: ${JSON.stringify(path.join(dataDir, 'pglite'))} });
    await db.query('select 1'); console.log(process.memoryUsage().rss); await db.close();`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  await waitExit(child);
  return { readyMs: Math.round(performance.now() - t0), rss: Math.round(Number(out.trim()) / 1024 / 1024) };
}

const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-bench-'));
try {
  const rows: [string, { readyMs: number; rss: number }][] = [];
  rows.push(['first start (initdb, migrate, reference data, demo seed)', await startServer(dir, 3917)]);
  for (let i = 1; i <= 3; i++) rows.push([`later start #${i}`, await startServer(dir, 3917)]);
  rows.push(['baseline: bare PGlite open of the same folder + select 1', await bareOpen(dir)]);
  console.log('| run | spawn → ready (ms) | RSS when ready (MB) |\n|---|---:|---:|');
  for (const [name, r] of rows) console.log(`| ${name} | ${r.readyMs} | ${r.rss} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
