import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_WEIGHTS } from '../../../domain/matching/weights.ts';
import { buildApp } from '../../app.ts';
import {
  auditEvent,
  caseEvent,
  graduate,
  ledgerCase,
  notification,
  opportunity,
  push,
  recommendation,
} from '../../db/schema/index.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { CapturingWechatProvider } from '../../wechat/wechat-provider.ts';
import { buildOpportunityWorld, postBody } from '../opportunities/opportunities-test-world.ts';
import { dispatchPushes } from './push-dispatcher.ts';

/*
 * Recommendations, pushes and the graduate's pushed posts through the API: scope (another university's case
 * is not found), the incremental update of the stored top 20, de-duplication per channel, the daily limit and
 * its carry-over to the next day, sending on each channel, and a graduate seeing only their own pushes.
 */

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
let acme: Awaited<ReturnType<typeof w.addEmployer>>;
let wechat: CapturingWechatProvider;
let li: Awaited<ReturnType<typeof w.addGraduate>>;
let wang: Awaited<ReturnType<typeof w.addGraduate>>;
const DAY = 86_400_000;

beforeAll(async () => {
  deps = await createTestDeps();
  wechat = new CapturingWechatProvider();
  deps.wechat = wechat;
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  acme = await w.addEmployer('acme', { name: '黔程数字科技有限公司' });
  w.cookies.set('counselor', await loginAs(app, w.ledger.counselor.username));
  w.cookies.set('helper', await loginAs(app, w.ledger.helper.username));
  li = await w.addGraduate('li');
  wang = await w.addGraduate('wang');
  await w.ledger.pair(li.graduate.id);
  await deps.database.db
    .update(ledgerCase)
    .set({ intention: 'employment', needs: { regions: ['520100'], returnHome: true, salaryFloor: 4000 } })
    .where(eq(ledgerCase.id, li.caseId));
  // another university's counselor: their case scope holds none of these cases
  const other = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  const outsider = await buildUser(deps, other, ['counselor', 'university_admin']);
  w.cookies.set('outsider', await loginAs(app, outsider.username));
  const edu = await buildOrg(deps, { kind: 'province_education', regionCode: '520000' });
  await w.signIn('province', edu, ['province_education']);
  const moe = await buildOrg(deps, { kind: 'ministry' });
  await w.signIn('ministry', moe, ['ministry']);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const post = (overrides: Partial<typeof opportunity.$inferInsert> = {}) =>
  w.insertPost({
    ownerOrgId: acme.org.id,
    employerOrgId: acme.org.id,
    majorPrefixes: ['0809'],
    minLevel: '本科',
    salaryMin: 4500,
    salaryMax: 6000,
    ...overrides,
  });

const recs = (as: string, caseId: string) => w.get(as, `/api/cases/${caseId}/recommendations`);
const pushIt = (as: string, caseId: string, opportunityId: string, channels: string[], note = '') =>
  w.post(as, `/api/cases/${caseId}/push`, { opportunityId, channels, note });

describe('recommendations', () => {
  it('ranks eligible posts with each factor explained, lists near misses with why not, and stores the top', async () => {
    const good = await post({ title: '软件开发工程师', regionCodes: ['520100'], targetPriority: true });
    const elsewhere = await post({ title: '深圳开发岗', regionCodes: ['440300'] });
    const wrongMajor = await post({ title: '编辑', majorPrefixes: ['05'] });
    const res = await recs('counselor', li.caseId);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const ids = body.recommendations.map((r: { post: { id: string } }) => r.post.id);
    expect(ids.indexOf(good.id)).toBeLessThan(ids.indexOf(elsewhere.id));
    expect(ids).not.toContain(wrongMajor.id);
    const first = body.recommendations[0];
    expect(first.post).toMatchObject({
      id: good.id,
      title: '软件开发工程师',
      orgName: '黔程数字科技有限公司',
    });
    expect(first.breakdown).toHaveLength(8);
    expect(first.breakdown.reduce((a: number, b: { points: number }) => a + b.points, 0)).toBe(first.score);
    const miss = body.nearMisses.find((m: { post: { id: string } }) => m.post.id === wrongMajor.id);
    expect(miss.reasons.map((r: { labelZh: string }) => r.labelZh)).toEqual(['专业不符']);
    expect(body.recomputed).toBe(true);
    const stored = await deps.database.db
      .select()
      .from(recommendation)
      .where(eq(recommendation.caseId, li.caseId));
    expect(stored.map((r) => r.opportunityId).sort()).toEqual([good.id, elsewhere.id].sort());
    expect(stored.find((r) => r.opportunityId === good.id)!.breakdown).toEqual(
      first.breakdown.map((b: { points: number }) => b.points),
    );
  });

  it('updates the stored top only when the case or the posts change what it is', async () => {
    expect((await recs('counselor', li.caseId)).json().recomputed).toBe(false);
    const better = await post({ title: '威宁县开发岗', regionCodes: ['520526'], targetPriority: true });
    const again = (await recs('counselor', li.caseId)).json();
    expect(again.recomputed).toBe(true);
    expect(again.recommendations[0].post.id).toBe(better.id);
    await deps.database.db
      .update(opportunity)
      .set({ status: 'closed', updatedAt: deps.clock.now() })
      .where(eq(opportunity.id, better.id));
    const closed = (await recs('counselor', li.caseId)).json();
    expect(closed.recomputed).toBe(true);
    const stored = await deps.database.db
      .select()
      .from(recommendation)
      .where(eq(recommendation.caseId, li.caseId));
    expect(stored.map((r) => r.opportunityId)).not.toContain(better.id);
  });

  it('marks a recommended post the graduate already applied to, with the application status', async () => {
    const job = await post({ title: '贵阳测试工程师', regionCodes: ['520100'], targetPriority: true });
    const applied = await w.post('li', '/api/me/applications', { opportunityId: job.id, source: 'zone' });
    expect(applied.statusCode, applied.body).toBe(201);
    const body = (await recs('counselor', li.caseId)).json();
    const rec = body.recommendations.find((r: { post: { id: string } }) => r.post.id === job.id);
    expect(rec.application).toEqual({ status: 'applied' });
    const others = body.recommendations.filter((r: { post: { id: string } }) => r.post.id !== job.id);
    expect(others.every((r: { application: unknown }) => r.application === null)).toBe(true);
  });

  it('answers 404 for a case outside the case scope and 403 without the permission', async () => {
    expect((await recs('outsider', li.caseId)).statusCode).toBe(404);
    expect((await recs('acme', li.caseId)).statusCode).toBe(403);
    expect((await recs('li', li.caseId)).statusCode).toBe(403);
  });
});

describe('push', () => {
  it('sends in-app, SMS and WeChat, records a case event and an audit record, and never pushes twice', async () => {
    const p = await post({ title: '前端工程师' });
    const res = await pushIt('counselor', li.caseId, p.id, ['in_app', 'sms'], '离家近，专业对口');
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().outcomes.map((o: { channel: string; outcome: string }) => [o.channel, o.outcome]),
    ).toEqual([
      ['in_app', 'sent'],
      ['sms', 'sent'],
    ]);
    const [note] = await deps.database.db
      .select()
      .from(notification)
      .where(eq(notification.userId, li.user.id));
    expect(note).toMatchObject({ kind: 'push', title: '岗位推荐：前端工程师', caseId: li.caseId });
    expect(deps.sms.lastTo('13812345678')?.text).toContain('前端工程师');
    const events = await deps.database.db
      .select()
      .from(caseEvent)
      .where(and(eq(caseEvent.caseId, li.caseId), eq(caseEvent.kind, 'push')));
    expect(events.at(-1)!.data).toMatchObject({
      opportunityId: p.id,
      title: '前端工程师',
      note: '离家近，专业对口',
    });
    const audits = await deps.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'matching.push'));
    expect(audits.some((a) => a.entityId === li.caseId)).toBe(true);

    const second = await pushIt('helper', li.caseId, p.id, ['sms', 'wechat']);
    expect(second.statusCode, second.body).toBe(200);
    const again = second.json();
    expect(again.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['duplicate', 'sent']);
    expect(again.outcomes[0].messageZh).toContain('不再重复推送');
    expect(wechat.sent.at(-1)!.message.fields.title).toBe('前端工程师');
    const rows = await deps.database.db.select().from(push).where(eq(push.opportunityId, p.id));
    expect(rows.map((r) => r.channel).sort()).toEqual(['in_app', 'sms', 'wechat']);
  });

  it('refuses a post the graduate does not qualify for, and cases outside the scope', async () => {
    const p = await post({ majorPrefixes: ['05'] });
    const res = await pushIt('counselor', li.caseId, p.id, ['in_app']);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('专业不符');
    const ok = await post();
    expect((await pushIt('outsider', li.caseId, ok.id, ['in_app'])).statusCode).toBe(404);
    expect((await pushIt('province', li.caseId, ok.id, ['in_app'])).statusCode).toBe(403);
  });

  it('holds posts over the daily limit as limited and sends them on the next day with room', async () => {
    const put = await w.put('ministry', '/api/matching/settings', { dailyPushLimit: 2 });
    expect(put.statusCode, put.body).toBe(200);
    const posts = await Promise.all([1, 2, 3].map((n) => post({ title: `限额岗位${n}` })));
    const outcomes = [];
    for (const p of posts)
      outcomes.push((await pushIt('counselor', wang.caseId, p.id, ['in_app'])).json().outcomes[0]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent', 'limited']);
    expect(outcomes[2].messageZh).toContain('达到每日上限');
    // another channel of a post already counted today is not held back
    expect((await pushIt('counselor', wang.caseId, posts[0]!.id, ['sms'])).json().outcomes[0].outcome).toBe(
      'sent',
    );
    const page = (await recs('counselor', wang.caseId)).json();
    expect(page.pushLimit).toEqual({ perDay: 2, usedToday: 2 });

    // the next day (China date), the dispatcher's scheduled run sends it
    const today = deps.clock.now();
    deps.clock.advance(DAY);
    expect(await dispatchPushes(deps)).toMatchObject({ promoted: 1, sent: 1 });
    const [held] = await deps.database.db.select().from(push).where(eq(push.opportunityId, posts[2]!.id));
    expect(held).toMatchObject({ status: 'sent', countedOn: '2020-07-16' });
    deps.clock.set(today);
    await w.put('ministry', '/api/matching/settings', { dailyPushLimit: 3 });
  });

  it('marks a push failed with the reason when the graduate cannot be reached on the channel', async () => {
    const c = await w.ledger.addCase({ level: '本科', majorCode: '080901', phoneEncrypted: null });
    const p = await post();
    const sent = await pushIt('counselor', c.caseId, p.id, ['in_app', 'sms']);
    expect(sent.statusCode, sent.body).toBe(200);
    const res = sent.json();
    expect(res.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['failed', 'failed']);
    expect(res.outcomes[0].messageZh).toContain('尚未开通');
    expect(res.outcomes[1].messageZh).toContain('手机号');
  });

  it('a failed push uses no daily limit, is not on the timeline, and pushing again retries it', async () => {
    const c = await w.ledger.addCase({ level: '本科', majorCode: '080901', phoneEncrypted: null });
    const p = await post({ title: '重试岗位' });
    // the dialog offers only what can reach the graduate: no account, no phone → nothing but WeChat-by-phone
    expect((await recs('counselor', c.caseId)).json().reachableChannels).toEqual([]);
    const first = (await pushIt('counselor', c.caseId, p.id, ['sms'])).json();
    expect(first.outcomes[0].outcome).toBe('failed');
    const page = (await recs('counselor', c.caseId)).json();
    expect(page.pushLimit.usedToday).toBe(0);
    const events = await deps.database.db
      .select()
      .from(caseEvent)
      .where(and(eq(caseEvent.caseId, c.caseId), eq(caseEvent.kind, 'push')));
    expect(events).toHaveLength(0);
    // the phone is recorded; the same post on the same channel goes out now instead of "already pushed"
    await deps.database.db
      .update(graduate)
      .set({ phoneEncrypted: deps.crypto.encrypt('13900001111') })
      .where(eq(graduate.id, c.graduate.id));
    expect((await recs('counselor', c.caseId)).json().reachableChannels).toEqual(['sms', 'wechat']);
    const retry = (await pushIt('counselor', c.caseId, p.id, ['sms'])).json();
    expect(retry.outcomes[0].outcome).toBe('sent');
    const rows = await deps.database.db.select().from(push).where(eq(push.opportunityId, p.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', error: null, countedOn: '2020-07-15' });
    expect((await recs('counselor', c.caseId)).json().pushLimit.usedToday).toBe(1);
  });

  it('a push the provider fails gives its place under the daily limit back', async () => {
    const c = await w.ledger.addCase({ level: '本科', majorCode: '080901' });
    const p = await post({ title: '渠道故障岗位' });
    const failing = deps.wechat;
    deps.wechat = {
      send: async () => {
        throw new Error('template rejected');
      },
    };
    try {
      const res = (await pushIt('counselor', c.caseId, p.id, ['wechat'])).json();
      expect(res.outcomes[0].outcome).toBe('failed');
    } finally {
      deps.wechat = failing;
    }
    const [row] = await deps.database.db.select().from(push).where(eq(push.opportunityId, p.id));
    expect(row).toMatchObject({ status: 'failed', countedOn: null });
    expect((await recs('counselor', c.caseId)).json().pushLimit.usedToday).toBe(0);
  });
});

describe('graduate self-service', () => {
  it('lists only my pushed posts and marks one viewed', async () => {
    const mine = (await w.get('li', '/api/me/pushes')).json();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((m: { viewedAt: string | null }) => m.viewedAt === null)).toBe(true);
    const theirs = (await w.get('wang', '/api/me/pushes')).json();
    const liIds = new Set(mine.map((m: { id: string }) => m.id));
    expect(theirs.some((m: { id: string }) => liIds.has(m.id))).toBe(false);
    // someone else's push is not found
    expect((await w.post('wang', `/api/me/pushes/${mine[0].id}/view`)).statusCode).toBe(404);
    const viewed = await w.post('li', `/api/me/pushes/${mine[0].id}/view`);
    expect(viewed.statusCode, viewed.body).toBe(200);
    expect(viewed.json().viewedAt).not.toBeNull();
    expect((await w.get('counselor', '/api/me/pushes')).statusCode).toBe(403);
  });

  it('shows staff the outbox of their scope only', async () => {
    const own = (await w.get('counselor', `/api/matching/outbox?caseId=${li.caseId}`)).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items[0]).toMatchObject({ caseId: li.caseId, graduateName: li.graduate.name });
    expect((await w.get('outsider', '/api/matching/outbox')).json().total).toBe(0);
  });
});

describe('freshness', () => {
  it('counts from the first opening: a draft of 60 days opened today is fresh, a post inserted open is not', async () => {
    const today = deps.clock.now();
    deps.clock.set(new Date(today.getTime() - 60 * DAY));
    const draft = await w.post(
      'acme',
      '/api/employer/opportunities',
      postBody({ title: '搁置两月的开发岗', targetPriority: false }),
    );
    expect(draft.statusCode, draft.body).toBe(201);
    deps.clock.set(today);
    const opened = await w.post('acme', `/api/employer/opportunities/${draft.json().id}/status`, {
      status: 'open',
      version: draft.json().version,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    // inserted open 60 days ago with no publication record: counts from its creation
    const old = await post({ title: '两月前的开发岗', createdAt: new Date(today.getTime() - 60 * DAY) });
    const body = (await recs('counselor', li.caseId)).json();
    const freshness = (id: string) =>
      body.recommendations
        .find((r: { post: { id: string } }) => r.post.id === id)
        ?.breakdown.find((b: { factor: string }) => b.factor === 'freshness');
    expect(freshness(draft.json().id)).toMatchObject({ points: MATCH_WEIGHTS.freshness });
    expect(freshness(old.id)).toMatchObject({ points: 1 });
    // closing and reopening later keeps the first publication
    const row = async () =>
      (await deps.database.db.select().from(opportunity).where(eq(opportunity.id, draft.json().id)))[0]!;
    expect((await row()).publishedAt).toEqual(today);
    const closed = await w.post('acme', `/api/employer/opportunities/${draft.json().id}/status`, {
      status: 'closed',
      version: opened.json().version,
    });
    deps.clock.advance(DAY);
    await w.post('acme', `/api/employer/opportunities/${draft.json().id}/status`, {
      status: 'open',
      version: closed.json().version,
    });
    deps.clock.set(today);
    expect((await row()).publishedAt).toEqual(today);
  });
});
