import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../app.ts';
import { appUser } from '../../db/schema/index.ts';
import { buildOrg, buildUser, loginAs, loginChangingPassword } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { appendCaseEvents } from '../ledger/case-events.repo.ts';
import { buildLedgerWorld } from '../ledger/ledger-test-world.ts';

/*
 * The self-service tests' world (portal.test.ts, portal-progress.test.ts): a ledger world with the graduate
 * under test (吴同学, paired, account opened and signed in), a classmate with an account, a stranger graduate,
 * staff sign-ins, and staff-only timeline entries the self view must never show.
 */

export const PHONE = '13900001111';

export const NEEDS = {
  regions: ['520000'],
  returnHome: true,
  partnerProvinces: false,
  industries: ['I'],
  postKinds: ['enterprise'],
  salaryFloor: 3000,
  constraints: '希望在省内',
  services: ['guidance', 'skills_training'],
};

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

type TCall = { method?: 'GET' | 'POST' | 'PUT'; url: string; as: string; payload?: unknown };

export async function buildPortalWorld() {
  const deps: TTestDeps = await createTestDeps();
  const app: FastifyInstance = await buildApp(deps);
  const cookie: Record<string, string> = {};
  const call = ({ method = 'GET', url, as, payload }: TCall) =>
    app.inject({ method, url, headers: { cookie: cookie[as]! }, payload: payload as object | undefined });
  const upload = (as: string, name: string, content: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    return app.inject({
      method: 'POST',
      url: '/api/me/files',
      headers: { cookie: cookie[as]! },
      payload: form,
    });
  };
  /** Staff open the graduate's account; returns the one-time credentials. */
  const activate = async (caseId: string, as = 'counselor') => {
    const res = await call({ method: 'POST', url: `/api/cases/${caseId}/self-account`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { username: string; password: string; hasPhone: boolean; reissued: boolean };
  };
  const world = await buildLedgerWorld(deps);
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
  /** the graduate under test (吴同学), a classmate, and their case files */
  const mine: { graduateId: string; caseId: string; idNumber: string } = {
    graduateId: a.graduate.id,
    caseId: a.caseId,
    idNumber: a.graduate.idNumber,
  };
  const b = await world.addCase({ name: '李同学', phoneEncrypted: deps.crypto.encrypt('13900002222') });
  const theirs: { graduateId: string; caseId: string } = { graduateId: b.graduate.id, caseId: b.caseId };
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

  // the graduates sign in with the one-time password and replace it first, as the web app makes them do;
  // `firstMe` is what `me` answered before that
  const creds = await activate(mine.caseId);
  const firstSession = await loginAs(app, creds.username, creds.password);
  const firstMe = (
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: firstSession } })
  ).json() as { mustChangePassword: boolean; permissions: string[] };
  cookie.me = await loginChangingPassword(app, creds.username, creds.password);
  const classmateCreds = await activate(theirs.caseId);
  cookie.classmate = await loginChangingPassword(app, classmateCreds.username, classmateCreds.password);
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
  return {
    deps,
    app,
    world,
    mine,
    theirs,
    cookie,
    call,
    upload,
    activate,
    firstMe,
    close: async () => {
      await app.close();
      await deps.close();
    },
  };
}
