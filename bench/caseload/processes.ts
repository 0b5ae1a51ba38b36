import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type pg from 'pg';

/** CPU ticks (1/100 s, user + system) a process has used; throws when it is gone. */
export function procTicks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(f[11]) + Number(f[12]);
}

/**
 * `n` server processes (bench/caseload/app-worker.ts) listening on one free port through node:cluster, for
 * `--workers n`. Resolves once every worker is listening.
 */
export async function startWorkers(
  n: number,
  opts: { root: string; databaseUrl: string; poolSize: number; log: (s: string) => void },
) {
  const probe = Fastify({ logger: false });
  const port = Number(new URL(await probe.listen({ host: '127.0.0.1', port: 0 })).port);
  await probe.close();
  cluster.setupPrimary({
    exec: path.join(opts.root, 'bench/caseload/app-worker.ts'),
    execArgv: ['--import', 'tsx'],
  });
  const env = { BENCH_DB_URL: opts.databaseUrl, BENCH_PORT: String(port), BENCH_POOL: String(opts.poolSize) };
  const workers = Array.from({ length: n }, () => cluster.fork(env));
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve()))));
  opts.log(`${n} server processes listening on port ${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    /** resident memory of the workers together (MB) */
    rssMb: () =>
      workers.reduce((sum, w) => {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${w.process.pid}/status`, 'utf8'))?.[1];
        return sum + Math.round(Number(kb ?? 0) / 1024);
      }, 0),
    /** CPU (ms) the workers have used so far */
    cpuMs: () => workers.reduce((sum, w) => sum + procTicks(w.process.pid!) * 10, 0),
    stop: () =>
      Promise.all(
        workers.map((w) => {
          const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
          w.kill('SIGTERM');
          return exited;
        }),
      ),
  };
}

/**
 * CPU the bench database's backends use over a phase, from /proc: the pool's connections (parallel query
 * workers come and go and are not counted). Backends first seen after `start()` count from 0.
 */
export class BackendCpu {
  private readonly base = new Map<number, number>();
  private readonly seen = new Map<number, number>();
  constructor(private readonly pool: pg.Pool) {}

  async start(): Promise<void> {
    this.base.clear();
    this.seen.clear();
    await this.sample(true);
  }

  /** Ticks (1/100 s) used since start(); sample every second or so to catch backends that end meanwhile. */
  async sample(first = false): Promise<number> {
    const { rows } = await this.pool.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid } of rows) {
      let ticks: number;
      try {
        ticks = procTicks(pid);
      } catch {
        continue; // the backend just ended (or PostgreSQL runs elsewhere)
      }
      if (!this.base.has(pid)) this.base.set(pid, first ? ticks : 0);
      this.seen.set(pid, ticks - this.base.get(pid)!);
    }
    let total = 0;
    for (const v of this.seen.values()) total += v;
    return total;
  }
}
