import { randomBytes } from 'node:crypto';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../domain/roles.ts';
import { buildApp } from '../../app.ts';
import type { TCtx } from '../../context.ts';
import type { TDb } from '../../db/client.ts';
import { auditEvent } from '../../db/schema/index.ts';
import { buildOrg, buildUser, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildCtx } from '../auth/auth.service.ts';
import { recordAudit, verifyAuditChain } from './audit.service.ts';
import { hashAuditRow } from './audit-hash.ts';

const uniq = () => randomBytes(4).toString('hex');

/** The service context of a signed-in user of `org`, as the auth plugin would build it. */
function ctxOf(
  user: { id: string; username: string; roles: string[] },
  org: TOrgRow,
  universityId: string | null = null,
): TCtx {
  return buildCtx(
    {
      id: user.id,
      username: user.username,
      displayName: '测试用户',
      roles: user.roles as TRole[],
      mustChangePassword: false,
      org: { id: org.id, name: org.name, kind: 'university', regionCode: org.regionCode, universityId },
      sessionTokenHash: 'x',
    },
    '203.0.113.7',
    'vitest',
  );
}

const anonymous: TCtx = buildCtx(null, '198.51.100.1', null);

async function record(
  deps: TTestDeps,
  ctx: TCtx,
  action: string,
  extra: Record<string, unknown> = {},
  at?: Date,
) {
  await deps.database.db.transaction((tx) =>
    recordAudit(tx, ctx, { action, ...extra }, at ?? deps.clock.now()),
  );
}

async function countAudit(db: TDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvent);
  return Number(row!.n);
}

async function auditIds(db: TDb): Promise<number[]> {
  const rows = await db.select({ id: auditEvent.id }).from(auditEvent).orderBy(asc(auditEvent.id));
  return rows.map((r) => r.id);
}

/** Drizzle wraps driver errors; the database's own message is on the cause. */
async function failureMessage(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('query was expected to fail');
}

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
    expect(await verifyAuditChain(deps.database.db)).toEqual({ ok: true, checked: total, firstBroken: null });
  });

  it('verifies across batch boundaries', async () => {
    const total = await countAudit(deps.database.db);
    expect(await verifyAuditChain(deps.database.db, 5)).toEqual({
      ok: true,
      checked: total,
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
    await db
      .insert(auditEvent)
      .values({ id: forgedId, ...content, prevHash: prev!.hash, hash: hashAuditRow(prev!.hash, content) });
    const nextGenuine = (await auditIds(db)).find((id) => id > forgedId)!;
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      checked: before.length + 1,
      firstBroken: { id: String(nextGenuine), reason: 'prev_mismatch' },
    });
  });
});

describe('GET /api/audit', () => {
  let deps: TTestDeps;
  let app: FastifyInstance;
  let university: TOrgRow;
  let college: TOrgRow;
  let otherUniversity: TOrgRow;
  let sysCookie: string;
  let uniCookie: string;
  let counselorCookie: string;
  let adminName: string;
  let counselorName: string;
  const prefix = `test.route.${uniq()}`;

  beforeAll(async () => {
    deps = await createTestDeps();
    app = await buildApp(deps);
    const system = await buildOrg(deps, { kind: 'system' });
    university = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
    college = await buildOrg(deps, { kind: 'college', parentId: university.id, regionCode: '520100' });
    otherUniversity = await buildOrg(deps, { kind: 'university', regionCode: '110100' });
    const sysAdmin = await buildUser(deps, system, ['system_admin']);
    const uniAdmin = await buildUser(deps, university, ['university_admin']);
    const counselor = await buildUser(deps, college, ['counselor']);
    const stranger = await buildUser(deps, otherUniversity, ['university_admin']);
    adminName = uniAdmin.username;
    counselorName = counselor.username;

    // events by actors of the university, its college, another university, and the system
    await record(
      deps,
      ctxOf(uniAdmin, university, university.id),
      `${prefix}.university`,
      {},
      new Date('2020-07-01T08:00:00Z'),
    );
    await record(
      deps,
      ctxOf(counselor, college, university.id),
      `${prefix}.college`,
      {},
      new Date('2020-07-10T08:00:00Z'),
    );
    await record(
      deps,
      ctxOf(counselor, college, university.id),
      `${prefix}.college`,
      {},
      new Date('2020-07-11T08:00:00Z'),
    );
    await record(
      deps,
      ctxOf(stranger, otherUniversity, otherUniversity.id),
      `${prefix}.other`,
      {},
      new Date('2020-07-12T08:00:00Z'),
    );
    await record(
      deps,
      anonymous,
      `${prefix}.system`,
      { actorUsername: 'cli' },
      new Date('2020-07-20T08:00:00Z'),
    );

    sysCookie = await loginAs(app, sysAdmin.username);
    uniCookie = await loginAs(app, uniAdmin.username);
    counselorCookie = await loginAs(app, counselor.username);
  });
  afterAll(async () => {
    await app.close();
    await deps.close();
  });

  const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const actions = (res: { json(): { items: { action: string }[] } }) => res.json().items.map((e) => e.action);

  it('shows a system admin every event, newest first, with the total', async () => {
    const res = await get(sysCookie, '/api/audit?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(await countAudit(deps.database.db));
    expect(body.items).toHaveLength(Math.min(body.total, 200));
    const ids = body.items.map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const mine = await get(sysCookie, `/api/audit?action=${prefix}.`);
    expect(actions(mine).sort()).toEqual(
      [
        `${prefix}.college`,
        `${prefix}.college`,
        `${prefix}.other`,
        `${prefix}.system`,
        `${prefix}.university`,
      ].sort(),
    );
  });

  it('shows a university admin only events of their university and its colleges', async () => {
    const res = await get(uniCookie, `/api/audit?action=${prefix}.`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(actions(res)).toEqual([`${prefix}.college`, `${prefix}.college`, `${prefix}.university`]);

    const everything = (await get(uniCookie, '/api/audit?pageSize=200')).json();
    for (const e of everything.items as { action: string }[]) {
      expect(e.action).not.toBe(`${prefix}.other`);
      expect(e.action).not.toBe(`${prefix}.system`);
    }
  });

  it('filters by action family (trailing dot) or exact action, actor and date range', async () => {
    const byAction = await get(sysCookie, `/api/audit?action=${prefix}.college`);
    expect(actions(byAction)).toEqual([`${prefix}.college`, `${prefix}.college`]);

    const byActor = await get(sysCookie, `/api/audit?actor=${adminName}&action=${prefix}.`);
    expect(byActor.json().items).toHaveLength(1);
    expect(byActor.json().items[0]).toMatchObject({
      action: `${prefix}.university`,
      actorUsername: adminName,
    });

    const range = await get(
      sysCookie,
      `/api/audit?action=${prefix}.&from=2020-07-05T00:00:00Z&to=${encodeURIComponent('2020-07-11T16:00:00+08:00')}`,
    );
    expect(range.json().items.map((e: { at: string }) => e.at)).toEqual([
      '2020-07-11T08:00:00.000Z',
      '2020-07-10T08:00:00.000Z',
    ]);
    expect(
      range.json().items.every((e: { actorUsername: string }) => e.actorUsername === counselorName),
    ).toBe(true);

    const bad = await get(sysCookie, '/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_error');
  });

  it('pages with a stable total', async () => {
    const p1 = (await get(sysCookie, `/api/audit?action=${prefix}.&pageSize=2&page=1`)).json();
    const p2 = (await get(sysCookie, `/api/audit?action=${prefix}.&pageSize=2&page=2`)).json();
    const p3 = (await get(sysCookie, `/api/audit?action=${prefix}.&pageSize=2&page=3`)).json();
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([2, 2, 1]);
    expect(p1).toMatchObject({ page: 1, pageSize: 2 });
    const ids = [...p1.items, ...p2.items, ...p3.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('is forbidden without audit.read and needs a session', async () => {
    const res = await get(counselorCookie, '/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await get(counselorCookie, '/api/audit/verify')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it('GET /api/audit/verify reports the chain intact', async () => {
    const res = await get(sysCookie, '/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: await countAudit(deps.database.db), firstBroken: null });
  });
});
