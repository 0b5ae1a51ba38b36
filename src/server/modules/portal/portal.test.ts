import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, auditEvent, caseEvent, graduate, ledgerCase } from '../../db/schema/index.ts';
import { buildPortalWorld, NEEDS, PHONE } from './portal-test-world.ts';

let w: Awaited<ReturnType<typeof buildPortalWorld>>;
let deps: typeof w.deps;
let app: typeof w.app;
let world: typeof w.world;
let mine: typeof w.mine;
let theirs: typeof w.theirs;
let cookie: typeof w.cookie;
let call: typeof w.call;
let activate: typeof w.activate;

beforeAll(async () => {
  w = await buildPortalWorld();
  ({ deps, app, world, mine, theirs, cookie, call, activate } = w);
});
afterAll(() => w.close());

describe('POST /api/cases/:id/self-account', () => {
  it('opens a graduate account in the university with a one-time password and the phone for SMS sign-in', async () => {
    const [g] = await deps.database.db.select().from(graduate).where(eq(graduate.id, mine.graduateId));
    const [user] = await deps.database.db.select().from(appUser).where(eq(appUser.id, g!.userId!));
    expect(user).toMatchObject({
      username: 'g2016a001',
      displayName: '吴同学',
      orgId: world.uni.id,
      roles: ['graduate'],
      phoneHash: deps.crypto.keyedHash(PHONE),
    });
    // signed in with the one-time password, the graduate was told to change it (the world then did)
    expect(w.firstMe).toMatchObject({ mustChangePassword: true, permissions: ['self.portal'] });
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
    // the re-issued password is temporary again: nothing but the password change answers until it is replaced
    const before = await call({ url: '/api/me/case', as: 'classmate' });
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('password_change_required');
    const change = await call({
      method: 'POST',
      url: '/api/auth/password',
      as: 'classmate',
      payload: { currentPassword: again.password, newPassword: 'Mine-at-last-2020' },
    });
    expect(change.statusCode).toBe(204);
    expect((await call({ url: '/api/me/case', as: 'classmate' })).statusCode).toBe(200);
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
