import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { pct, round } from './stats.ts';

/*
 * One load phase, run in its own process so the load generator does not share the server's event loop:
 * a warm-up run (discarded), then the measured run. Each request takes the next (path, cookie) of the list, so
 * consecutive requests of a connection are for different users and cases. Prints one JSON line.
 */

export type TPhaseConfig = {
  url: string;
  connections: number;
  warmupS: number;
  durationS: number;
  /** rotated through in order, one per request */
  requests: { path: string; cookie?: string }[];
};

export type TPhaseResult = {
  /** responses during the warm-up (for CPU per request over the whole phase) */
  warmupRequests: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** connection errors, timeouts included */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** autocannon's own figures, for cross-checking */
  autocannon: { p50: number; p99: number; rpsMean: number };
};

function run(cfg: TPhaseConfig, durationS: number, latencies?: number[]): Promise<autocannon.Result> {
  let next = 0;
  const n = cfg.requests.length;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: cfg.url,
        connections: cfg.connections,
        duration: durationS,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const r = cfg.requests[next++ % n]!;
              return { ...req, path: r.path, headers: r.cookie ? { cookie: r.cookie } : {} };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

export async function runPhase(cfg: TPhaseConfig): Promise<TPhaseResult> {
  const warm = cfg.warmupS > 0 ? await run(cfg, cfg.warmupS) : null;
  const latencies: number[] = [];
  const r = await run(cfg, cfg.durationS, latencies);
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, count] of Object.entries(r.statusCodeStats ?? {}))
    statusCodes[code] = (count as { count: number }).count;
  return {
    warmupRequests: warm ? warm.requests.total : 0,
    requests: latencies.length,
    rps: round(latencies.length / r.duration),
    p50: round(pct(sorted, 50)),
    p95: round(pct(sorted, 95)),
    p99: round(pct(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1)),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
    autocannon: { p50: r.latency.p50, p99: r.latency.p99, rpsMean: r.requests.average },
  };
}

const file = process.argv[2];
if (file) {
  const result = await runPhase(JSON.parse(readFileSync(file, 'utf8')) as TPhaseConfig);
  console.log(JSON.stringify(result));
}
