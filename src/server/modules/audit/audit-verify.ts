import type { TAuditVerifyResult } from '../../../domain/api/audit.ts';
import type { TDbOrTx } from '../../db/client.ts';
import * as repo from './audit.repo.ts';
import type { TCheckpoint } from './audit-checkpoint.ts';
import { GENESIS_HASH, hashAuditRow, KEYED_PREFIX, legacyHashAuditRow } from './audit-hash.ts';

type TBroken = NonNullable<TAuditVerifyResult['firstBroken']>;

/**
 * Walk the whole trail in id order and report the first row that does not check out: a chained row whose link
 * (`prev_mismatch`) or keyed hash (`hash_mismatch`) fails, a read row whose seal fails, or a checkpoint taken
 * outside the database that the rows no longer reach — fewer rows up to it or another chain head
 * (`rows_missing`), or rows gone from the end (`truncated`). Rows hashed before the chain was keyed
 * (plain SHA-256) are accepted only before the first keyed row.
 */
export async function verifyAuditChain(
  db: TDbOrTx,
  key: Buffer,
  checkpoints: TCheckpoint[] = [],
  batchSize = 5000,
): Promise<TAuditVerifyResult> {
  const cps = [...checkpoints].sort((a, b) => a.lastId - b.lastId);
  let cpi = 0;
  let expectedPrev = GENESIS_HASH;
  let keyedSeen = false;
  let head: string | null = null;
  let afterId = 0;
  let checked = 0;
  const done = (firstBroken: TBroken | null): TAuditVerifyResult => ({
    ok: firstBroken === null,
    checked,
    checkpoints: cpi,
    firstBroken,
  });
  /** every checkpoint taken before row `nextId` existed must be reached by the rows walked so far */
  const passCheckpoints = (nextId: number): TBroken | null => {
    for (; cpi < cps.length && cps[cpi]!.lastId < nextId; cpi++) {
      const cp = cps[cpi]!;
      const atEnd = nextId === Number.POSITIVE_INFINITY && cp.lastId > afterId;
      if (checked < cp.count || (cp.headHash !== null && head !== cp.headHash)) {
        return { id: String(cp.lastId), reason: atEnd ? 'truncated' : 'rows_missing' };
      }
    }
    return null;
  };
  for (;;) {
    const rows = await repo.listAuditRowsAfter(db, afterId, batchSize);
    if (rows.length === 0) return done(passCheckpoints(Number.POSITIVE_INFINITY));
    for (const row of rows) {
      const missing = passCheckpoints(row.id);
      if (missing) return done(missing);
      const broken = (reason: TBroken['reason']) => done({ id: String(row.id), reason });
      if (row.prevHash === null) {
        if (hashAuditRow(key, null, row) !== row.hash) return broken('hash_mismatch');
      } else {
        if (row.prevHash !== expectedPrev) return broken('prev_mismatch');
        if (row.hash.startsWith(KEYED_PREFIX)) {
          if (hashAuditRow(key, row.prevHash, row) !== row.hash) return broken('hash_mismatch');
          keyedSeen = true;
        } else if (keyedSeen || legacyHashAuditRow(row.prevHash, row) !== row.hash) {
          return broken('hash_mismatch');
        }
        expectedPrev = row.hash;
        head = row.hash;
      }
      afterId = row.id;
      checked++;
    }
  }
}
