import type { FastifyInstance } from 'fastify';
import type pg from 'pg';

/*
 * Where a request's time goes in the database: record every statement the app sends while serving one request
 * (app.inject), then run each again under EXPLAIN (ANALYZE, BUFFERS) with the same parameters.
 */

export type TCaptured = { text: string; values: unknown[] };

/** Every statement the app sends while serving one request (app.inject), with its parameters. */
export async function captureStatements(
  app: FastifyInstance,
  pool: pg.Pool,
  url: string,
  cookie: string,
): Promise<{ status: number; captured: TCaptured[] }> {
  const captured: TCaptured[] = [];
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [q, v] = args;
    if (typeof q === 'string') captured.push({ text: q, values: (v as unknown[]) ?? [] });
    else if (q && typeof q === 'object' && 'text' in q)
      captured.push({
        text: String(q.text),
        values: ((q as { values?: unknown[] }).values ?? v ?? []) as unknown[],
      });
    return original(...args);
  };
  try {
    const status = (await app.inject({ method: 'GET', url, headers: { cookie } })).statusCode;
    return { status, captured };
  } finally {
    (pool as unknown as { query: unknown }).query = original;
  }
}

export async function explainRequest(
  app: FastifyInstance,
  pool: pg.Pool,
  url: string,
  cookie: string,
  log: (s: string) => void,
): Promise<TCaptured[]> {
  const t = performance.now();
  const { status, captured } = await captureStatements(app, pool, url, cookie);
  log(`\n### ${url} → ${status} in ${(performance.now() - t).toFixed(1)} ms (${captured.length} statements)`);
  for (const c of captured) {
    const r = await pool.query(`explain (analyze, buffers) ${c.text}`, c.values);
    const plan = r.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
    const exec = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
    log(`\n-- ${exec ?? '?'} ms: ${c.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    log(`-- params: ${JSON.stringify(c.values).slice(0, 200)}`);
    log(plan);
  }
  return captured;
}
