import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvent, notification } from '../../db/schema/index.ts';
import { loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildLedgerWorld } from '../ledger/ledger-test-world.ts';
import { startOfChinaDay } from './reveal-limit.ts';

/* Reveals need a reason that says something and stay under a per-user daily limit (issue 11). */

let deps: TTestDeps;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;
const cookie: Record<string, string> = {};
const post = (as: string, url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: { cookie: cookie[as]! }, payload });

beforeAll(async () => {
  deps = await createTestDeps();
  deps.config.revealDailyLimit = 3;
  app = await buildApp(deps);
  world = await buildLedgerWorld(deps);
  cookie.counselor = await loginAs(app, world.counselor.username);
});
afterAll(() => deps.close());

describe('reveal reason', () => {
  it('refuses a two-character or filler reason on the graduate list and on the case page', async () => {
    const { caseId, graduate } = await world.addCase();
    for (const reason of ['核对', '啊啊啊啊啊', '12345', '。。。。。。']) {
      const list = await post('counselor', `/api/graduates/${graduate.id}/reveal`, { reason });
      expect(list.statusCode, reason).toBe(400);
      const onCase = await post('counselor', `/api/cases/${caseId}/reveal`, { field: 'phone', reason });
      expect(onCase.statusCode, reason).toBe(400);
    }
    const ok = await post('counselor', `/api/graduates/${graduate.id}/reveal`, { reason: '核对就业协议' });
    expect(ok.statusCode).toBe(200);
  });
});

describe('daily reveal limit', () => {
  it('refuses the reveal past the limit, audits the refusal, alerts the university admin once, and resets the next day', async () => {
    deps.clock.set(new Date('2020-07-16T01:00:00.000Z')); // 09:00 in China, a fresh day
    cookie.counselor = await loginAs(app, world.counselor.username);
    const { caseId, graduate } = await world.addCase();
    const reveals = [
      () => post('counselor', `/api/graduates/${graduate.id}/reveal`, { reason: '核对就业协议' }),
      () => post('counselor', `/api/cases/${caseId}/reveal`, { field: 'phone', reason: '联系本人核实去向' }),
      () => post('counselor', `/api/cases/${caseId}/reveal`, { field: 'idNumber', reason: '办理档案转递' }),
    ];
    for (const reveal of reveals) expect((await reveal()).statusCode).toBe(200);

    for (let i = 0; i < 2; i++) {
      const refused = await reveals[i]!();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'reveal_limit_reached', details: { limit: 3 } });
      expect(refused.json().error.message).toContain('已通知管理员');
      expect(refused.body).not.toContain(graduate.idNumber);
    }
    const audited = await deps.database.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, 'graduate.reveal_refused'), eq(auditEvent.actorUserId, world.counselor.id)),
      );
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ entityId: graduate.id, after: { limit: 3, used: 3 } });

    const alerts = await deps.database.db
      .select()
      .from(notification)
      .where(eq(notification.kind, 'reveal_limit'));
    expect(alerts).toHaveLength(1); // one per user and day, however often they retry
    expect(alerts[0]).toMatchObject({
      userId: world.admin.id,
      data: expect.objectContaining({ userId: world.counselor.id, limit: 3 }),
    });

    // the next day in China (16:00 UTC is midnight there) the count starts again
    deps.clock.set(new Date('2020-07-16T16:00:00.000Z'));
    cookie.counselor = await loginAs(app, world.counselor.username);
    expect((await reveals[0]!()).statusCode).toBe(200);
  });

  it('counts the day from midnight China time', () => {
    expect(startOfChinaDay(new Date('2020-07-16T15:59:59.000Z')).toISOString()).toBe(
      '2020-07-15T16:00:00.000Z',
    );
    expect(startOfChinaDay(new Date('2020-07-16T16:00:00.000Z')).toISOString()).toBe(
      '2020-07-16T16:00:00.000Z',
    );
  });
});
