import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvent } from '../../db/schema/index.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { insertNotifications } from './notifications.repo.ts';

let deps: TTestDeps;
let app: FastifyInstance;
beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

/** Two users of their own, each with `n` notifications one minute apart (the last one newest). */
async function twoUsers(n = 3) {
  const org = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  const users = [];
  for (const roles of [['counselor'], ['graduate']] as const) {
    const user = await buildUser(deps, org, [...roles]);
    const base = deps.clock.now().getTime();
    await insertNotifications(
      deps.database.db,
      Array.from({ length: n }, (_, i) => ({
        userId: user.id,
        kind: 'overdue',
        title: `【逾期】${user.username} 第 ${i + 1} 条`,
        body: '正文 / body',
        data: { rule: 'follow_up', level: 0, i },
        dedupeKey: `test:${user.id}:${i}`,
        createdAt: new Date(base + i * 60_000),
      })),
    );
    users.push({ user, cookie: await loginAs(app, user.username) });
  }
  return users as [(typeof users)[0], (typeof users)[0]];
}

const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = (cookie: string, url: string) => app.inject({ method: 'POST', url, headers: { cookie } });

describe('notifications routes', () => {
  it('list only the signed-in user’s notifications, newest first, paged, with the unread count', async () => {
    const [a, b] = await twoUsers(3);
    const res = await get(a.cookie, '/api/notifications?page=1&pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(body.items.map((n: { title: string }) => n.title)).toEqual([
      `【逾期】${a.user.username} 第 3 条`,
      `【逾期】${a.user.username} 第 2 条`,
    ]);
    const page2 = (await get(a.cookie, '/api/notifications?page=2&pageSize=2')).json();
    expect(page2.items).toHaveLength(1);
    const all = [...body.items, ...page2.items].map((n: { title: string }) => n.title);
    expect(all.some((t) => t.includes(b.user.username))).toBe(false);
  });

  it('mark one read, filter unread, and never touch another user’s notification', async () => {
    const [a, b] = await twoUsers(2);
    const mine = (await get(a.cookie, '/api/notifications')).json().items;
    const theirs = (await get(b.cookie, '/api/notifications')).json().items;

    const read = await post(a.cookie, `/api/notifications/${mine[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: mine[0].id, readAt: deps.clock.now().toISOString() });
    // reading it again changes nothing
    const twice = await post(a.cookie, `/api/notifications/${mine[0].id}/read`);
    expect(twice.json().readAt).toBe(read.json().readAt);
    const unread = (await get(a.cookie, '/api/notifications?unread=true')).json();
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    expect(unread.items.map((n: { id: string }) => n.id)).toEqual([mine[1].id]);

    // another user's notification is "not found", and stays unread
    const foreign = await post(a.cookie, `/api/notifications/${theirs[0].id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    expect((await get(b.cookie, '/api/notifications')).json()).toMatchObject({ total: 2, unread: 2 });

    const audited = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'notification.read'), eq(auditEvent.entityId, mine[0].id)));
    expect(audited).toHaveLength(1);
  });

  it('mark all of the user’s own read, leaving everyone else’s unread', async () => {
    const [a, b] = await twoUsers(3);
    const res = await post(a.cookie, '/api/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 3 });
    expect((await get(a.cookie, '/api/notifications')).json()).toMatchObject({ total: 3, unread: 0 });
    expect((await get(a.cookie, '/api/notifications?unread=true')).json().items).toEqual([]);
    expect((await get(b.cookie, '/api/notifications')).json()).toMatchObject({ unread: 3 });
    expect((await post(a.cookie, '/api/notifications/read-all')).json()).toEqual({ updated: 0 });
  });

  it('answer 401 without a session and 400 for an id that is not a UUID', async () => {
    const [a] = await twoUsers(1);
    const id = (await get(a.cookie, '/api/notifications')).json().items[0].id;
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['POST', `/api/notifications/${id}/read`],
      ['POST', '/api/notifications/read-all'],
    ] as const) {
      expect((await app.inject({ method, url })).statusCode, url).toBe(401);
    }
    expect((await post(a.cookie, '/api/notifications/42/read')).statusCode).toBe(400);
  });
});
