import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MATCH_FACTORS } from '../../../domain/matching/weights.ts';
import type { TDatabase } from '../../db/client.ts';

/*
 * Writes a batch run's recommendations. On PostgreSQL: binary COPY (no text parsing on either side). A run over
 * every open case loads a new unlogged table, builds its primary key and swaps it in, so readers keep the old
 * rows until a swap of milliseconds; a scoped run deletes its cases' rows and copies the new ones in one
 * transaction. PGlite (the embedded default, small data): CSV COPY from a blob in one transaction.
 */

export type TRecommendationRows = {
  caseIds: readonly string[];
  /** post ids that `items` numbers refer to */
  postIds: readonly string[];
  k: number;
  items: Int32Array;
  scores: Int16Array;
  points: Int8Array;
};

export type TRecommendationWriter = {
  write(rows: TRecommendationRows): Promise<void>;
  /** make the written rows the stored ones */
  finish(): Promise<void>;
  abort(): Promise<void>;
};

const COLUMNS = 'case_id, opportunity_id, score, rank, breakdown, computed_at';
const PK = 'recommendation_case_id_opportunity_id_pk';
const WIDTH = MATCH_FACTORS.length;
/** bytes of one binary COPY tuple: field count, 6 fields with their lengths (see encodeBinary) */
const TUPLE = 2 + (4 + 16) * 2 + (4 + 2) * 2 + (4 + 20 + WIDTH * 6) + (4 + 8);
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');

/** Binary COPY tuples (PostgreSQL's format: big-endian lengths and values; int2[] with its array header). */
function encodeBinary(rows: TRecommendationRows, postBytes: Buffer[], computedAt: Buffer): Buffer {
  const { k, items, scores, points } = rows;
  let n = 0;
  for (let at = 0; at < items.length; at++) if (items[at]! >= 0) n++;
  const buf = Buffer.allocUnsafe(n * TUPLE);
  let o = 0;
  rows.caseIds.forEach((caseId, c) => {
    const caseBytes = uuidBytes(caseId);
    for (let r = 0; r < k; r++) {
      const at = c * k + r;
      const i = items[at]!;
      if (i < 0) break;
      o = buf.writeInt16BE(6, o);
      o = buf.writeInt32BE(16, o);
      o += caseBytes.copy(buf, o);
      o = buf.writeInt32BE(16, o);
      o += postBytes[i]!.copy(buf, o);
      o = buf.writeInt32BE(2, o);
      o = buf.writeInt16BE(scores[at]!, o);
      o = buf.writeInt32BE(2, o);
      o = buf.writeInt16BE(r + 1, o);
      // int2[]: 1 dimension, no nulls, element type int2 (oid 21), WIDTH elements from index 1
      o = buf.writeInt32BE(20 + WIDTH * 6, o);
      o = buf.writeInt32BE(1, o);
      o = buf.writeInt32BE(0, o);
      o = buf.writeInt32BE(21, o);
      o = buf.writeInt32BE(WIDTH, o);
      o = buf.writeInt32BE(1, o);
      for (let f = 0; f < WIDTH; f++) {
        o = buf.writeInt32BE(2, o);
        o = buf.writeInt16BE(points[at * WIDTH + f]!, o);
      }
      o = buf.writeInt32BE(8, o);
      o += computedAt.copy(buf, o);
    }
  });
  return buf;
}

function csvLines(rows: TRecommendationRows, computedAt: string): string {
  const { k, items, scores, points } = rows;
  let out = '';
  rows.caseIds.forEach((caseId, c) => {
    for (let r = 0; r < k; r++) {
      const at = c * k + r;
      const i = items[at]!;
      if (i < 0) break;
      const pts = Array.from(points.subarray(at * WIDTH, at * WIDTH + WIDTH)).join(',');
      out += `${caseId},${rows.postIds[i]},${scores[at]},${r + 1},"{${pts}}",${computedAt}\n`;
    }
  });
  return out;
}

/**
 * `scope`: null = every case (a full run: the table is replaced whole); else a condition on `ledger_case c` /
 * `graduate` naming the cases whose rows are replaced.
 */
export async function openRecommendationWriter(
  database: TDatabase,
  opts: { scope: SQL | null; computedAt: Date },
): Promise<TRecommendationWriter> {
  const deleteScoped = (scope: SQL) =>
    sql`delete from recommendation r using ledger_case c join graduate on graduate.id = c.graduate_id
        where r.case_id = c.id and ${scope}`;
  const toQuery = (q: SQL) =>
    (
      database.db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }
    ).dialect.sqlToQuery(q);
  if (database.driver === 'pglite') {
    let csv = '';
    return {
      write: async (rows) => {
        csv += csvLines(rows, opts.computedAt.toISOString());
      },
      finish: async () => {
        // one PGlite transaction on the raw client: COPY from a blob is not available through Drizzle
        const client = (database.db as unknown as { $client: PGlite }).$client;
        const del = toQuery(opts.scope ? deleteScoped(opts.scope) : sql`delete from recommendation`);
        await client.transaction(async (t) => {
          await t.query(del.sql, del.params);
          if (csv)
            await t.query(`copy recommendation (${COLUMNS}) from '/dev/blob' with (format csv)`, [], {
              blob: new Blob([csv]),
            });
        });
      },
      abort: async () => {},
    };
  }
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  const table = opts.scope ? 'recommendation' : 'recommendation_load';
  try {
    // one batch run at a time: the load table and the swap are not shared
    await client.query(`select pg_advisory_lock(hashtext('bangfu.matching.run'))`);
    if (opts.scope) {
      await client.query('begin');
      const del = toQuery(deleteScoped(opts.scope));
      await client.query(del.sql, del.params);
    } else {
      await client.query('drop table if exists recommendation_load');
      await client.query(
        'create unlogged table recommendation_load (like recommendation including defaults)',
      );
    }
  } catch (err) {
    client.release(true);
    throw err;
  }
  const stream = client.query(copyFrom(`copy ${table} (${COLUMNS}) from stdin with (format binary)`));
  const streamDone = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const send = (buf: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (stream.write(buf)) resolve();
      else {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }
    });
  await send(Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]));
  const computedAt = Buffer.alloc(8);
  computedAt.writeBigInt64BE(BigInt(opts.computedAt.getTime() - PG_EPOCH_MS) * 1000n);
  let postBytes: Buffer[] | null = null;
  const release = async (ok: boolean) => {
    await client.query(`select pg_advisory_unlock(hashtext('bangfu.matching.run'))`).catch(() => {});
    client.release(!ok);
  };
  return {
    async write(rows) {
      postBytes ??= rows.postIds.map(uuidBytes);
      await send(encodeBinary(rows, postBytes, computedAt));
    },
    async finish() {
      try {
        const trailer = Buffer.alloc(2);
        trailer.writeInt16BE(-1);
        stream.end(trailer);
        await streamDone;
        if (opts.scope) await client.query('commit');
        else {
          await client.query(
            `alter table recommendation_load add constraint recommendation_load_pk primary key (case_id, opportunity_id)`,
          );
          await client.query('begin');
          await client.query('lock table recommendation in access exclusive mode');
          await client.query('drop table recommendation');
          await client.query('alter table recommendation_load rename to recommendation');
          await client.query(`alter table recommendation rename constraint recommendation_load_pk to ${PK}`);
          await client.query('commit');
        }
        await release(true);
      } catch (err) {
        await client.query('rollback').catch(() => {});
        await release(false);
        throw err;
      }
    },
    async abort() {
      stream.destroy();
      await client.query('rollback').catch(() => {});
      await release(false);
    },
  };
}
