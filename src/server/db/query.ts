import type { SQL } from 'drizzle-orm';
import type { TDbOrTx } from './client.ts';

/** Rows of a raw SQL query; both drivers (PGlite, node-postgres) return `{ rows }`. */
export async function queryRows<T>(db: TDbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A single count from a raw query aliased `n`; PGlite gives a number, node-postgres a string for bigint. */
export async function queryCount(db: TDbOrTx, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, query);
  return Number(row?.n ?? 0);
}
