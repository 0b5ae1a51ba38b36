import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrypto } from '../../crypto.ts';
import type { TDb } from '../../db/client.ts';
import { auditEvent } from '../../db/schema/index.ts';
import { createTestDeps, TEST_SECRET, type TTestDeps } from '../../test/test-deps.ts';
import { recordAudit } from './audit.service.ts';
import { hashAuditRow } from './audit-hash.ts';
import { anonymous, auditIds, countAudit, failureMessage, record, uniq } from './audit-test-helpers.ts';
import { verifyAuditChain as verifyWithKey } from './audit-verify.ts';

/** Twelve events with nested, unordered JSON, one per clock minute. */
async function recordChain(deps: TTestDeps, n = 12) {
  for (let i = 0; i < n; i++) {
    deps.clock.advance(60_000);
    await record(deps, anonymous, `test.chain.${i}`, {
      entityType: 'thing',
      entityId: String(i),
      before: i % 2 ? null : { z: i, a: { y: [1, { b: 2, a: 1 }], x: 'x' } },
      after: { n: i, 名称: '测试', nested: { c: 3, b: [true, null] } },
      reason: i % 3 ? undefined : '核对',
    });
  }
}

const verifyAuditChain = (db: TDb, batchSize?: number) =>
  verifyWithKey(db, createCrypto(TEST_SECRET).auditKey, [], batchSize);

/** What an attacker with superuser rights can do: switch the append-only triggers off. */
async function disableAppendOnly(db: TDb) {
  await db.execute(sql`alter table audit_event disable trigger user`);
}

describe('hash chain', () => {
  let deps: TTestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordChain(deps);
  });
  afterAll(() => deps.close());

  it('verifies every event of an untouched chain', async () => {
    const total = await countAudit(deps.database.db);
    expect(total).toBeGreaterThanOrEqual(12);
    expect(await verifyAuditChain(deps.database.db)).toEqual({
      ok: true,
      checked: total,
      checkpoints: 0,
      firstBroken: null,
    });
  });

  it('verifies across batch boundaries', async () => {
    const total = await countAudit(deps.database.db);
    expect(await verifyAuditChain(deps.database.db, 5)).toEqual({
      ok: true,
      checked: total,
      checkpoints: 0,
      firstBroken: null,
    });
  });

  it('links each event to the previous one and starts from the genesis hash', async () => {
    const rows = await deps.database.db.select().from(auditEvent).orderBy(asc(auditEvent.id));
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
  });

  it('keeps the chain intact under concurrent appends', async () => {
    const before = await countAudit(deps.database.db);
    await Promise.all(Array.from({ length: 10 }, (_, i) => record(deps, anonymous, `test.concurrent.${i}`)));
    expect(await verifyAuditChain(deps.database.db)).toEqual({
      ok: true,
      checked: before + 10,
      checkpoints: 0,
      firstBroken: null,
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    const { db } = deps.database;
    const [first] = await auditIds(db);
    expect(
      await failureMessage(db.update(auditEvent).set({ action: 'x' }).where(eq(auditEvent.id, first!))),
    ).toContain('append-only');
    expect(await failureMessage(db.delete(auditEvent).where(eq(auditEvent.id, first!)))).toContain(
      'append-only',
    );
    expect(await failureMessage(db.execute(sql`truncate audit_event`))).toContain('append-only');
    const [row] = await db.select().from(auditEvent).where(eq(auditEvent.id, first!));
    expect(row!.action).not.toBe('x');
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('writes the audit row in the same transaction as the change: a rollback leaves none', async () => {
    const before = await countAudit(deps.database.db);
    const action = `test.rollback.${uniq()}`;
    await expect(
      deps.database.db.transaction(async (tx) => {
        await recordAudit(tx, anonymous, { action }, deps.clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await countAudit(deps.database.db)).toBe(before);
    const rows = await deps.database.db.select().from(auditEvent).where(eq(auditEvent.action, action));
    expect(rows).toHaveLength(0);
    expect((await verifyAuditChain(deps.database.db)).ok).toBe(true);
  });
});

describe('tampering: an edited row', () => {
  let deps: TTestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordChain(deps);
  });
  afterAll(() => deps.close());

  it('is reported as hash_mismatch at that row', async () => {
    const { db } = deps.database;
    const ids = await auditIds(db);
    const target = ids[Math.floor(ids.length / 2)]!;
    await disableAppendOnly(db);
    await db
      .update(auditEvent)
      .set({ after: { n: 999 } })
      .where(eq(auditEvent.id, target));
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      checked: ids.indexOf(target),
      checkpoints: 0,
      firstBroken: { id: String(target), reason: 'hash_mismatch' },
    });
  });

  it('is still found when only the timestamp was moved', async () => {
    const { db } = deps.database;
    const ids = await auditIds(db);
    const target = ids[2]!;
    await db
      .update(auditEvent)
      .set({ at: sql`${auditEvent.at} - interval '1 day'` })
      .where(eq(auditEvent.id, target));
    expect((await verifyAuditChain(db)).firstBroken).toEqual({ id: String(target), reason: 'hash_mismatch' });
  });
});

describe('tampering: a deleted row', () => {
  let deps: TTestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordChain(deps);
  });
  afterAll(() => deps.close());

  it('is reported as prev_mismatch at the row after it', async () => {
    const { db } = deps.database;
    const ids = await auditIds(db);
    const at = Math.floor(ids.length / 2);
    await disableAppendOnly(db);
    await db.delete(auditEvent).where(eq(auditEvent.id, ids[at]!));
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      checked: at,
      checkpoints: 0,
      firstBroken: { id: String(ids[at + 1]), reason: 'prev_mismatch' },
    });
  });
});

describe('tampering: a forged row', () => {
  let deps: TTestDeps;
  let before: number[];
  beforeAll(async () => {
    deps = await createTestDeps();
    await recordChain(deps, 6);
    // leave a gap in the ids so a row can be slipped in between two genuine ones
    await deps.database.db.execute(
      sql`select setval('audit_event_id_seq', (select max(id) from audit_event) + 100)`,
    );
    before = await auditIds(deps.database.db);
    await recordChain(deps, 6);
    await disableAppendOnly(deps.database.db);
  });
  afterAll(() => deps.close());

  it('with a made-up hash is reported at the forged row', async () => {
    const { db } = deps.database;
    const lastGenuine = before[before.length - 1]!;
    const forgedId = lastGenuine + 50;
    await db.insert(auditEvent).values({
      id: forgedId,
      at: deps.clock.now(),
      action: 'graduate.reveal',
      actorUsername: 'nobody',
      prevHash: 'f'.repeat(64),
      hash: 'e'.repeat(64),
    });
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      checked: before.length,
      checkpoints: 0,
      firstBroken: { id: String(forgedId), reason: 'prev_mismatch' },
    });
  });

  it('with a correctly computed hash breaks the link of the next genuine row', async () => {
    const { db } = deps.database;
    const lastGenuine = before[before.length - 1]!;
    // undo the previous forgery so only this one is in the chain
    await db.delete(auditEvent).where(eq(auditEvent.id, lastGenuine + 50));
    const [prev] = await db.select().from(auditEvent).where(eq(auditEvent.id, lastGenuine));
    const content = {
      at: new Date(prev!.at.getTime() + 1000),
      actorUserId: null,
      actorUsername: 'nobody',
      orgId: null,
      action: 'graduate.reveal',
      entityType: null,
      entityId: null,
      before: null,
      after: null,
      reason: null,
      ip: null,
    };
    const forgedId = lastGenuine + 60;
    await db.insert(auditEvent).values({
      id: forgedId,
      ...content,
      prevHash: prev!.hash,
      hash: hashAuditRow(deps.crypto.auditKey, prev!.hash, content),
    });
    const nextGenuine = (await auditIds(db)).find((id) => id > forgedId)!;
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      checked: before.length + 1,
      checkpoints: 0,
      firstBroken: { id: String(nextGenuine), reason: 'prev_mismatch' },
    });
  });
});
