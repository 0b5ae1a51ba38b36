import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { appUser, auditEvent, caseEvent, graduate, ledgerCase } from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { appendCaseEvents } from '../ledger/case-events.repo.ts';
import { buildLedgerWorld } from '../ledger/ledger-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;
/** the graduate under test (吴同学), a classmate, and their case files */
let mine: { graduateId: string; caseId: string; idNumber: string };
let theirs: { graduateId: string; caseId: string };
const cookie: Record<string, string> = {};
const PHONE = '13900001111';

const NEEDS = {
  regions: ['520000'],
  returnHome: true,
  partnerProvinces: false,
  industries: ['I'],
  postKinds: ['enterprise'],
  salaryFloor: 3000,
  constraints: '希望在省内',
  services: ['guidance', 'skills_training'],
};

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

type TCall = { method?: 'GET' | 'POST' | 'PUT'; url: string; as: string; payload?: unknown };
const call = ({ method = 'GET', url, as, payload }: TCall) =>
  app.inject({ method, url, headers: { cookie: cookie[as]! }, payload: payload as object | undefined });

function upload(as: string, name: string, content: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  return app.inject({
    method: 'POST',
    url: '/api/me/files',
    headers: { cookie: cookie[as]! },
    payload: form,
  });
}

/** Staff open the graduate's account; returns the one-time credentials. */
async function activate(caseId: string, as = 'counselor') {
  const res = await call({ method: 'POST', url: `/api/cases/${caseId}/self-account`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { username: string; password: string; hasPhone: boolean; reissued: boolean };
}

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  world = await buildLedgerWorld(deps);
  const a = await world.addCase({
    name: '吴同学',
    studentNo: '2016A001',
    phoneEncrypted: deps.crypto.encrypt(`+86 ${PHONE}`),
    isRegisteredPoor: true,
    isFocusCounty: true,
    difficultyCode: '2',
    targetReasons: { registeredPoor: { batch: 'x' }, focusCounty: { list: '52县' } },
    majorName: '计算机科学与技术',
    level: '本科',
    collegeName: '计算机学院',
  });
  mine = { graduateId: a.graduate.id, caseId: a.caseId, idNumber: a.graduate.idNumber };
  const b = await world.addCase({ name: '李同学', phoneEncrypted: deps.crypto.encrypt('13900002222') });
  theirs = { graduateId: b.graduate.id, caseId: b.caseId };
  await world.pair(mine.graduateId);
  await deps.database.db
    .update(appUser)
    .set({ contactPhone: '0851-88888888' })
    .where(eq(appUser.id, world.helper.id));
  for (const [key, u] of Object.entries({ counselor: world.counselor, admin: world.admin })) {
    cookie[key] = await loginAs(app, u.username);
  }
  const other = await buildLedgerWorld(deps, { className: '计科2002班' });
  cookie.otherCounselor = await loginAs(app, other.counselor.username);

  const creds = await activate(mine.caseId);
  cookie.me = await loginAs(app, creds.username, creds.password);
  cookie.classmate = await loginAs(
    app,
    ...(Object.values(await activate(theirs.caseId)).slice(0, 2) as [string, string]),
  );
  const stranger = await buildUser(deps, await buildOrg(deps, { kind: 'university' }), ['graduate']);
  cookie.stranger = await loginAs(app, stranger.username);

  // staff-only timeline entries the self view must never show
  await appendCaseEvents(deps.database.db, [
    {
      caseId: mine.caseId,
      kind: 'follow_up',
      at: deps.clock.now(),
      actorUserId: world.counselor.id,
      actorName: '杨老师',
      data: { content: '心理疏导记录', method: 'in_person' },
      private: true,
    },
    {
      caseId: mine.caseId,
      kind: 'progress',
      at: deps.clock.now(),
      occurredOn: '2020-07-01',
      actorUserId: world.counselor.id,
      actorName: '杨老师',
      data: { kind: 'interview', employer: '贵阳软件公司', post: '测试', note: '建档立卡学生，优先推荐' },
    },
  ]);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('POST /api/cases/:id/self-account', () => {
  it('opens a graduate account in the university with a one-time password and the phone for SMS sign-in', async () => {
    const [g] = await deps.database.db.select().from(graduate).where(eq(graduate.id, mine.graduateId));
    const [user] = await deps.database.db.select().from(appUser).where(eq(appUser.id, g!.userId!));
    expect(user).toMatchObject({
      username: 'g2016a001',
      displayName: '吴同学',
      orgId: world.uni.id,
      roles: ['graduate'],
      mustChangePassword: true,
      phoneHash: deps.crypto.keyedHash(PHONE),
    });
    const me = await call({ url: '/api/auth/me', as: 'me' });
    expect(me.json()).toMatchObject({ mustChangePassword: true, permissions: ['self.portal'] });
    const audit = await deps.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, mine.caseId));
    expect(audit.find((a) => a.action === 'case.self_account')?.after).toEqual({
      username: 'g2016a001',
      hasPhone: true,
      reissued: false,
    });

    // the linked phone signs in by SMS code
    await app.inject({ method: 'POST', url: '/api/auth/sms/request', payload: { phone: PHONE } });
    const code = deps.sms.lastCodeTo(PHONE)!;
    const sms = await app.inject({
      method: 'POST',
      url: '/api/auth/sms/verify',
      payload: { phone: PHONE, code },
    });
    expect(sms.json().id).toBe(user!.id);
  });

  it('re-issues the password of the same account and ends its sessions', async () => {
    const first = await activate(theirs.caseId, 'admin');
    const again = await activate(theirs.caseId);
    expect(again).toMatchObject({ username: first.username, reissued: true, hasPhone: true });
    expect(again.password).not.toBe(first.password);
    expect(again.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10}$/);
    expect((await call({ url: '/api/auth/me', as: 'classmate' })).statusCode).toBe(401);
    const login = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: first.username, password } });
    expect((await login(first.password)).statusCode).toBe(401);
    const ok = await login(again.password);
    expect(ok.statusCode).toBe(200);
    cookie.classmate = `bangfu_sid=${ok.cookies.find((c) => c.name === 'bangfu_sid')!.value}`;
  });

  it('is for staff who may change the case: others get 403 or 404', async () => {
    const url = `/api/cases/${mine.caseId}/self-account`;
    expect((await call({ method: 'POST', url, as: 'me' })).statusCode).toBe(403);
    expect((await call({ method: 'POST', url, as: 'otherCounselor' })).statusCode).toBe(404);
  });
});

describe('GET /api/me/case', () => {
  it('shows the graduate their own record, helper and counselor contacts, masked ID and phone', async () => {
    const res = await call({ url: '/api/me/case', as: 'me' });
    expect(res.statusCode).toBe(200);
    const view = res.json().record;
    expect(view).toMatchObject({
      caseId: mine.caseId,
      name: '吴同学',
      universityName: world.uni.name,
      collegeName: '计算机学院',
      majorName: '计算机科学与技术',
      level: '本科',
      phoneMasked: '139****1111',
      helper: { name: '周副校长', orgName: world.uni.name, phone: '0851-88888888' },
      counselors: [{ name: '杨老师', orgName: world.college.name, phone: null }],
    });
    expect(view.idNumberMasked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(res.body).not.toContain(mine.idNumber);
    expect(res.body).not.toContain(PHONE);
    // staff progress shows what happened, not the staff note; private follow-ups do not show at all
    expect(view.progress).toContainEqual(
      expect.objectContaining({ kind: 'interview', employer: '贵阳软件公司', note: null, bySelf: false }),
    );
    expect(res.body).not.toContain('心理疏导');
  });

  it('never says poverty: no flags, reasons, difficulty code or words like 贫困 / 建档立卡 / 扶贫', async () => {
    const body = (await call({ url: '/api/me/case', as: 'me' })).body;
    for (const word of [
      '贫困',
      '建档立卡',
      '扶贫',
      'poverty',
      'poor',
      'isRegisteredPoor',
      'isFocusCounty',
      'isTarget',
      'targetReasons',
      'focusCounty',
      'difficulty',
      '52县',
    ]) {
      expect(body.toLowerCase(), word).not.toContain(word.toLowerCase());
    }
  });

  it('answers null for a graduate without a record, and keeps graduates off staff routes', async () => {
    expect((await call({ url: '/api/me/case', as: 'stranger' })).json()).toEqual({ record: null });
    for (const url of ['/api/cases', `/api/cases/${theirs.caseId}`, '/api/graduates', '/api/audit']) {
      expect((await call({ url, as: 'me' })).statusCode, url).toBe(403);
    }
    expect((await call({ url: '/api/me/case', as: 'counselor' })).statusCode).toBe(403);
    const classmate = (await call({ url: '/api/me/case', as: 'classmate' })).json().record;
    expect(classmate.caseId).toBe(theirs.caseId);
  });
});

describe('PUT /api/me/needs', () => {
  it('confirms intention and needs, bumps the version so a counselor editing meanwhile gets a conflict', async () => {
    const before = (await call({ url: '/api/me/case', as: 'me' })).json().record;
    deps.clock.advance(60_000);
    const res = await call({
      method: 'PUT',
      url: '/api/me/needs',
      as: 'me',
      payload: { intention: 'employment', needs: NEEDS },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({
      intention: 'employment',
      needs: NEEDS,
      version: before.version + 1,
      needsConfirmedAt: deps.clock.now().toISOString(),
    });
    const [row] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, mine.caseId));
    expect(row!.version).toBe(before.version + 1);
    const events = await deps.database.db.select().from(caseEvent).where(eq(caseEvent.caseId, mine.caseId));
    expect(events.find((e) => e.kind === 'needs')?.data).toMatchObject({
      bySelf: true,
      intention: 'employment',
    });

    // the counselor had the case open at the old version
    const stale = await call({
      method: 'PUT',
      url: `/api/cases/${mine.caseId}/needs`,
      as: 'counselor',
      payload: { version: before.version, intention: 'further_study', needs: NEEDS },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({
      reason: 'version_conflict',
      currentVersion: before.version + 1,
    });
  });

  it('refuses a graduate without a record', async () => {
    const res = await call({
      method: 'PUT',
      url: '/api/me/needs',
      as: 'stranger',
      payload: { intention: 'employment', needs: NEEDS },
    });
    expect(res.statusCode).toBe(404);
  });
});

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
    expect(viewed).toMatchObject({ label: 'viewed', actorName: '陈主任', orgName: null });

    const theirsLog = (await call({ url: '/api/me/access-log', as: 'classmate' })).json();
    expect(theirsLog.items.map((i: { id: string }) => i.id)).not.toContain(log.items[0].id);
    expect((await call({ url: '/api/me/access-log', as: 'stranger' })).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });
});
