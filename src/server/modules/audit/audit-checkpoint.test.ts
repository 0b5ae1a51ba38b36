import { appendFileSync, readFileSync } from 'node:fs';
import { desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrypto } from '../../crypto.ts';
import type { TDb } from '../../db/client.ts';
import { auditEvent } from '../../db/schema/index.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { recordRead } from './audit.service.ts';
import { startAuditCheckpoints, verifyAudit, writeCheckpoint } from './audit-checkpoint.ts';
import { hashAuditRow, legacyHashAuditRow } from './audit-hash.ts';
import { anonymous, auditIds, record } from './audit-test-helpers.ts';
import { verifyAuditChain } from './audit-verify.ts';

/* The keyed chain, read rows sealed on their own, and checkpoints outside the database (decision 0016). */

async function recordMix(deps: TTestDeps, n: number) {
  for (let i = 0; i < n; i++) {
    deps.clock.advance(60_000);
    await record(deps, anonymous, `test.write.${i}`, { entityType: 'thing', after: { i } });
    await recordRead(
      deps.database.db,
      anonymous,
      { action: 'case.view', entityType: 'ledger_case', entityId: String(i) },
      deps.clock.now(),
    );
  }
}

/** What someone with database rights but not the secret can do: switch the append-only triggers off. */
async function disableAppendOnly(db: TDb) {
  await db.execute(sql`alter table audit_event disable trigger user`);
}

describe('keyed chain', () => {
  let deps: TTestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordMix(deps, 6);
  });
  afterAll(() => deps.close());

  it('keys every hash with the secret: another secret does not verify the same rows', async () => {
    const ours = await verifyAuditChain(deps.database.db, deps.crypto.auditKey);
    expect(ours).toMatchObject({ ok: true, checked: 12 });
    const other = createCrypto('another-secret-0123456789abcdefghijklmnopqrstuvwxyz');
    expect((await verifyAuditChain(deps.database.db, other.auditKey)).ok).toBe(false);
    // re-installs this file's key for the process (createCrypto sets it)
    createCrypto(deps.config.secretKey);
  });

  it('writes reads as single sealed rows outside the chain; the chain links only the writes', async () => {
    const rows = await deps.database.db.select().from(auditEvent).where(isNull(auditEvent.prevHash));
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.action === 'case.view' && r.hash.startsWith('k1:'))).toBe(true);
  });

  it('reports a row rewritten and re-chained without the key (plain SHA-256 or a guessed key)', async () => {
    const { db } = deps.database;
    const chained = await db
      .select()
      .from(auditEvent)
      .where(sql`${auditEvent.prevHash} is not null`)
      .orderBy(auditEvent.id);
    const target = chained[2]!;
    await disableAppendOnly(db);
    // rewrite the row and recompute every hash after it, as decision 0004's chain allowed
    let prev = chained[1]!.hash;
    for (const row of chained.slice(2)) {
      const after = row.id === target.id ? { i: 999 } : row.after;
      const hash = legacyHashAuditRow(prev, { ...row, after });
      await db.update(auditEvent).set({ after, prevHash: prev, hash }).where(eq(auditEvent.id, row.id));
      prev = hash;
    }
    expect((await verifyAuditChain(db, deps.crypto.auditKey)).firstBroken).toEqual({
      id: String(target.id),
      reason: 'hash_mismatch',
    });
    const guessed = createCrypto('guessed-secret-0123456789abcdefghijklmnopqrstuvwxyz').auditKey;
    createCrypto(deps.config.secretKey);
    prev = chained[1]!.hash;
    for (const row of chained.slice(2)) {
      const after = row.id === target.id ? { i: 999 } : row.after;
      const hash = hashAuditRow(guessed, prev, { ...row, after });
      await db.update(auditEvent).set({ after, prevHash: prev, hash }).where(eq(auditEvent.id, row.id));
      prev = hash;
    }
    expect((await verifyAuditChain(db, deps.crypto.auditKey)).firstBroken).toEqual({
      id: String(target.id),
      reason: 'hash_mismatch',
    });
  });

  it('reports an edited read row', async () => {
    const { db } = deps.database;
    const [read] = await db
      .select()
      .from(auditEvent)
      .where(isNull(auditEvent.prevHash))
      .orderBy(auditEvent.id);
    await db.update(auditEvent).set({ actorUsername: 'someone_else' }).where(eq(auditEvent.id, read!.id));
    expect((await verifyAuditChain(db, deps.crypto.auditKey)).firstBroken).toEqual({
      id: String(read!.id),
      reason: 'hash_mismatch',
    });
  });
});

describe('checkpoints outside the database', () => {
  let deps: TTestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordMix(deps, 5);
  });
  afterAll(() => deps.close());

  it('verify holds the rows against the file and appends a checkpoint when intact', async () => {
    expect(await verifyAudit(deps)).toEqual({ ok: true, checked: 10, checkpoints: 0, firstBroken: null });
    const lines = readFileSync(deps.config.auditCheckpointFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      count: 10,
      lastId: Math.max(...(await auditIds(deps.database.db))),
    });
    await recordMix(deps, 1);
    expect(await verifyAudit(deps)).toEqual({ ok: true, checked: 12, checkpoints: 1, firstBroken: null });
  });

  it('finds the newest rows deleted (truncated), which the chain alone cannot see', async () => {
    const { db } = deps.database;
    await recordMix(deps, 2);
    const last = await writeCheckpoint(deps);
    const newest = (
      await db.select({ id: auditEvent.id }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(3)
    ).map((r) => r.id);
    await disableAppendOnly(db);
    await db.delete(auditEvent).where(inArray(auditEvent.id, newest));
    // the remaining rows are a valid chain: without a checkpoint nothing is missing
    expect((await verifyAuditChain(db, deps.crypto.auditKey)).ok).toBe(true);
    expect((await verifyAudit(deps)).firstBroken).toEqual({ id: String(last.lastId), reason: 'truncated' });
  });
});

describe('checkpoints: a deleted read row and a forged checkpoint', () => {
  let deps: TTestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordMix(deps, 4);
  });
  afterAll(() => deps.close());

  it('finds a read row deleted from the middle through the checkpoint count', async () => {
    const { db } = deps.database;
    const cp = await writeCheckpoint(deps);
    await recordMix(deps, 2);
    const [read] = await db
      .select()
      .from(auditEvent)
      .where(isNull(auditEvent.prevHash))
      .orderBy(auditEvent.id);
    await disableAppendOnly(db);
    await db.delete(auditEvent).where(eq(auditEvent.id, read!.id));
    expect((await verifyAuditChain(db, deps.crypto.auditKey)).ok).toBe(true);
    expect((await verifyAudit(deps)).firstBroken).toEqual({ id: String(cp.lastId), reason: 'rows_missing' });
  });

  it('refuses a checkpoint line not sealed with the key', async () => {
    appendFileSync(
      deps.config.auditCheckpointFile,
      `${JSON.stringify({ at: new Date().toISOString(), lastId: 1, count: 1, headId: 1, headHash: 'x', seal: 'f'.repeat(64) })}\n`,
    );
    const lines = readFileSync(deps.config.auditCheckpointFile, 'utf8').trim().split('\n').length;
    expect((await verifyAudit(deps)).firstBroken).toEqual({
      id: `${deps.config.auditCheckpointFile}:${lines}`,
      reason: 'checkpoint_invalid',
    });
  });
});

describe('checkpoints on a cadence', () => {
  let deps: TTestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordMix(deps, 2);
  });
  afterAll(() => deps.close());

  it('writes one when the server starts (AUDIT_CHECKPOINT_MINUTES=0: only that one)', async () => {
    const errors: unknown[] = [];
    const scheduler = startAuditCheckpoints(deps, { error: (obj) => errors.push(obj) }, 0);
    await scheduler.stop();
    expect(errors).toEqual([]);
    const lines = readFileSync(deps.config.auditCheckpointFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ count: 4 });
  });
});
