import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { TPhaseResult } from './cannon.ts';
import type { TCaptured } from './explain.ts';
import { pct, round } from './stats.ts';

/*
 * The database's share of a request, alone: the caseload list's own statement (captured from the app serving one
 * request, same text, same parameters) replayed by pgbench — a C client with almost no cost of its own — from the
 * same number of connections, each counselor in turn. Nothing the app does can make a request cheaper than its
 * statement, so this phase's p95 is a floor for the endpoint's p95 on this machine.
 */

export function hasPgbench(): boolean {
  return spawnSync('pgbench', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A literal for a captured parameter (numbers as they are, anything else quoted). */
function literal(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return `'${String(v).replaceAll("'", "''")}'`;
}

/**
 * A pgbench script running `statement` with the user-id parameter replaced by the n-th of `userIds` (a table
 * `bench_floor_user` made here), so consecutive transactions are for different counselors like the app phase.
 */
export async function writeFloorScript(
  pool: pg.Pool,
  statement: TCaptured,
  userId: string,
  userIds: string[],
  file: string,
): Promise<void> {
  await pool.query('drop table if exists bench_floor_user');
  await pool.query('create table bench_floor_user (n int primary key, user_id uuid not null)');
  await pool.query(
    'insert into bench_floor_user select n, u from unnest($1::uuid[]) with ordinality as t(u, n)',
    [userIds],
  );
  await pool.query('analyze bench_floor_user');
  const text = statement.text.replace(/\$(\d+)/g, (_, i: string) => {
    const v = statement.values[Number(i) - 1];
    return v === userId ? '(select user_id from bench_floor_user where n = :n)' : literal(v);
  });
  writeFileSync(file, `\\set n random(1, ${userIds.length})\n${text.replace(/\s+/g, ' ')};\n`);
}

export type TFloorConfig = { url: string; connections: number; warmupS: number; durationS: number };

function runPgbench(script: string, cfg: TFloorConfig, seconds: number, logDir: string | null) {
  const args = ['-n', '-M', 'prepared', '-c', String(cfg.connections), '-j', '2', '-T', String(seconds)];
  if (logDir) args.push('--log', `--log-prefix=${path.join(logDir, 'tx')}`);
  args.push('-f', script, cfg.url);
  return new Promise<string>((resolve, reject) => {
    const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`pgbench: ${code}\n${out}`))));
  });
}

/** Warm-up, then the measured run; latencies from pgbench's per-transaction log. */
export async function runFloor(script: string, cfg: TFloorConfig): Promise<TPhaseResult> {
  const warm = cfg.warmupS > 0 ? await runPgbench(script, cfg, cfg.warmupS, null) : '';
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-floor-'));
  try {
    const out = await runPgbench(script, cfg, cfg.durationS, logDir);
    const latencies: number[] = [];
    let failed = 0;
    for (const f of readdirSync(logDir)) {
      for (const line of readFileSync(path.join(logDir, f), 'utf8').split('\n')) {
        const cols = line.split(' ');
        if (cols.length < 3) continue;
        if (cols[2] === 'failed') failed++;
        else latencies.push(Number(cols[2]) / 1000); // µs → ms
      }
    }
    const sorted = Float64Array.from(latencies).sort();
    const processed = (s: string) => Number(/actually processed: (\d+)/.exec(s)?.[1] ?? 0);
    const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
    return {
      warmupRequests: processed(warm),
      requests: latencies.length,
      rps: round(latencies.length / cfg.durationS),
      p50: round(pct(sorted, 50)),
      p95: round(pct(sorted, 95)),
      p99: round(pct(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? 0),
      mean: round(mean),
      errors: failed,
      timeouts: 0,
      non2xx: 0,
      statusCodes: {},
      autocannon: { p50: 0, p99: 0, rpsMean: Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0) },
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}
