import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCase } from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf } from '../../test/factories.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { buildPortalWorld, NEEDS, PDF, PNG } from './portal-test-world.ts';

let w: Awaited<ReturnType<typeof buildPortalWorld>>;
let deps: typeof w.deps;
let world: typeof w.world;
let mine: typeof w.mine;
let theirs: typeof w.theirs;
let call: typeof w.call;
let upload: typeof w.upload;

beforeAll(async () => {
  w = await buildPortalWorld();
  ({ deps, world, mine, theirs, call, upload } = w);
});
afterAll(() => w.close());

describe('progress and evidence', () => {
  it('uploads an offer letter, reports the offer with it, and lists it', async () => {
    const up = await upload('me', '录用通知.png', PNG);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ name: '录用通知.png', mime: 'image/png', size: PNG.length });

    deps.clock.advance(60_000);
    const res = await call({
      method: 'POST',
      url: '/api/me/progress',
      as: 'me',
      payload: {
        kind: 'offer',
        employer: '贵州云计算公司',
        post: '开发工程师',
        date: '2020-07-20',
        note: '已签三方',
        evidenceFileId: file.id,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'offer',
      bySelf: true,
      evidenceFileId: file.id,
      date: '2020-07-20',
    });

    const view = (await call({ url: '/api/me/case', as: 'me' })).json().record;
    expect(view.progress[0]).toMatchObject({ kind: 'offer', employer: '贵州云计算公司', note: '已签三方' });
    expect(view.files.map((f: { id: string }) => f.id)).toContain(file.id);
    const [row] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, mine.caseId));
    expect(row!.progressUpdatedAt).toEqual(deps.clock.now());

    const download = await call({ url: `/api/me/files/${file.id}`, as: 'me' });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('keeps files to their owner: another graduate gets 404', async () => {
    const file = (await upload('me', 'contract.pdf', PDF)).json();
    expect((await call({ url: `/api/me/files/${file.id}`, as: 'classmate' })).statusCode).toBe(404);
    expect((await call({ url: `/api/me/files/${file.id}`, as: 'stranger' })).statusCode).toBe(404);
    // nor can a classmate attach it to their own progress
    const res = await call({
      method: 'POST',
      url: '/api/me/progress',
      as: 'classmate',
      payload: { kind: 'offer', employer: 'X', date: '2020-07-20', evidenceFileId: file.id },
    });
    expect(res.statusCode).toBe(400);
  });

  it('accepts evidence only on an offer', async () => {
    const file = (await upload('me', 'a.pdf', PDF)).json();
    const res = await call({
      method: 'POST',
      url: '/api/me/progress',
      as: 'me',
      payload: { kind: 'application', employer: 'X', date: '2020-07-20', evidenceFileId: file.id },
    });
    expect(res.statusCode).toBe(400);
  });

  it('refuses files that are not PDF, JPG or PNG by their content, and files over 10 MB', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    for (const [name, content] of [
      ['offer.pdf', exe],
      ['offer.png', Buffer.from('just some text')],
      ['offer.pdf', PNG],
      ['offer.docx', PDF],
      ['offer.pdf', Buffer.alloc(0)],
    ] as const) {
      const res = await upload('me', name, content);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
    }
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload('me', 'big.pdf', big);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual({ code: 'file_too_large' });
  });
});

describe('GET /api/me/access-log', () => {
  it('shows every staff read of the case page, timeline and evidence, and exports that included them', async () => {
    const before = (await call({ url: '/api/me/access-log?pageSize=100', as: 'me' })).json().total;
    const file = (await upload('me', '就业协议.pdf', PDF)).json();
    deps.clock.advance(60_000);
    // the worklist names many graduates and is not a read of anyone's file
    expect((await call({ url: '/api/cases', as: 'counselor' })).statusCode).toBe(200);
    const afterList = (await call({ url: '/api/me/access-log?pageSize=100', as: 'me' })).json();
    expect(afterList.total).toBe(before + 1); // the upload itself
    for (const url of [
      `/api/cases/${mine.caseId}`,
      `/api/cases/${mine.caseId}/events`,
      `/api/cases/${mine.caseId}/files/${file.id}`,
    ]) {
      const res = await call({ url, as: 'counselor' });
      expect(res.statusCode, url).toBe(200);
    }
    expect((await call({ url: '/api/graduates/export', as: 'admin' })).statusCode).toBe(200);

    const items = (await call({ url: '/api/me/access-log?pageSize=4', as: 'me' })).json().items;
    expect(items.map((i: { label: string }) => i.label)).toEqual([
      'exported',
      'downloaded_file',
      'viewed_timeline',
      'viewed',
    ]);
    expect(items[1]).toMatchObject({
      actorName: '杨老师',
      role: 'counselor',
      orgName: world.college.name,
      bySelf: false,
    });
    expect(items[0]).toMatchObject({ role: 'university_admin', bySelf: false });
    expect(items[0].orgName).toBeTruthy();
    for (const item of items) expect(Date.parse(item.at)).not.toBeNaN();
    // a read of another graduate's case is not in this graduate's log
    await call({ url: `/api/cases/${theirs.caseId}`, as: 'counselor' });
    const again = (await call({ url: '/api/me/access-log?pageSize=1', as: 'me' })).json();
    expect(again.items[0].id).toBe(items[0].id);
  });

  it('shows a staff reveal of the ID, by name and org, newest first, and nothing about others', async () => {
    const mineWrite = (url: string, method: 'PUT' | 'POST', payload: object) =>
      call({ method, url, as: 'me', payload });
    await mineWrite('/api/me/needs', 'PUT', { intention: 'grassroots', needs: NEEDS });
    await mineWrite('/api/me/progress', 'POST', {
      kind: 'application',
      employer: '某公司',
      date: '2020-07-25',
    });
    deps.clock.advance(60_000);
    const reveal = await call({
      method: 'POST',
      url: `/api/graduates/${mine.graduateId}/reveal`,
      as: 'counselor',
      payload: { reason: '核对就业协议' },
    });
    expect(reveal.statusCode, reveal.body).toBe(200);
    const others = await call({
      method: 'POST',
      url: `/api/graduates/${theirs.graduateId}/reveal`,
      as: 'counselor',
      payload: { reason: '核对就业协议' },
    });
    expect(others.statusCode).toBe(200);

    const res = await call({ url: '/api/me/access-log?pageSize=50', as: 'me' });
    expect(res.statusCode).toBe(200);
    const log = res.json();
    expect(log.items[0]).toMatchObject({
      label: 'revealed_id',
      actorName: '杨老师',
      orgName: world.college.name,
      bySelf: false,
    });
    const labels = log.items.map((i: { label: string }) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['account_issued', 'needs_updated', 'progress_logged']));
    expect(labels.filter((l: string) => l === 'revealed_id')).toHaveLength(1);
    expect(log.items.find((i: { label: string }) => i.label === 'progress_logged')).toMatchObject({
      bySelf: true,
    });
    expect(res.body).not.toContain('核对就业协议');
    expect(log.total).toBe(log.items.length);

    // whoever looked, the log never names a poverty-relief office
    const office = await buildOrg(deps, {
      kind: 'poverty_office',
      name: '威宁县扶贫开发办公室',
      regionCode: '520526',
    });
    const officer = await buildUser(deps, office, ['poverty_office'], { displayName: '陈主任' });
    const officerCtx = await ctxOf(deps, officer);
    await deps.database.db.transaction((tx) =>
      recordAudit(
        tx,
        officerCtx,
        { action: 'graduate.view', entityType: 'graduate', entityId: mine.graduateId },
        deps.clock.now(),
      ),
    );
    const viewed = (await call({ url: '/api/me/access-log', as: 'me' })).json().items[0];
    expect(viewed).toMatchObject({ label: 'viewed', actorName: '陈主任', orgName: null, role: null });

    const theirsLog = (await call({ url: '/api/me/access-log', as: 'classmate' })).json();
    expect(theirsLog.items.map((i: { id: string }) => i.id)).not.toContain(log.items[0].id);
    expect((await call({ url: '/api/me/access-log', as: 'stranger' })).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });
});
