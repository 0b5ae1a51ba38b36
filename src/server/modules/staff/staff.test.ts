import { and, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { appUser, auditEvent, caseEvent, counselorClass } from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf, loginAs, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { createUser, updateUser } from '../auth/users.service.ts';
import { buildLedgerWorld } from '../ledger/ledger-test-world.ts';
import { moveCaseload, setClassCounselors } from './class-assign.service.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;
let other: Awaited<ReturnType<typeof buildLedgerWorld>>;
let cookies: Record<'adminA' | 'adminB' | 'counselor' | 'hrss', string>;
let hrss: Awaited<ReturnType<typeof buildOrg>>;
let countyIn: Awaited<ReturnType<typeof buildOrg>>;
let countyOut: Awaited<ReturnType<typeof buildOrg>>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  world = await buildLedgerWorld(deps);
  other = await buildLedgerWorld(deps);
  hrss = await buildOrg(deps, { kind: 'province_hrss', regionCode: '520000' });
  countyIn = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526' });
  countyOut = await buildOrg(deps, { kind: 'county_hrss', regionCode: '440103' });
  const hrssUser = await buildUser(deps, hrss, ['province_hrss']);
  cookies = {
    adminA: await loginAs(app, world.admin.username),
    adminB: await loginAs(app, other.admin.username),
    counselor: await loginAs(app, world.counselor.username),
    hrss: await loginAs(app, hrssUser.username),
  };
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

function upload(url: string, cookie: string, body: string | Uint8Array<ArrayBuffer>, name = '账户.csv') {
  const form = new FormData();
  form.append('file', new Blob([body]), name);
  return app.inject({ method: 'POST', url, headers: { cookie }, payload: form });
}

const uniq = () => Math.random().toString(36).slice(2, 8);

describe('account scope on the account routes', () => {
  it('lets a university admin create and list its own staff but not another university’s', async () => {
    const username = `c_${uniq()}`;
    const body = { displayName: '新辅导员', roles: ['counselor'], password: 'Initial-2020' };
    const ok = await call('POST', '/api/users', cookies.adminA, {
      ...body,
      username,
      orgCode: world.college.code,
    });
    expect(ok.statusCode).toBe(201);
    const elsewhere = await call('POST', '/api/users', cookies.adminA, {
      ...body,
      username: `x_${uniq()}`,
      orgCode: other.college.code,
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.details.reason).toBe('org_out_of_scope');
    const list = (await call('GET', '/api/users?pageSize=100', cookies.adminA)).json();
    const orgs = new Set(list.items.map((u: { org: { id: string } }) => u.org.id));
    expect(list.items.map((u: { username: string }) => u.username)).toContain(username);
    expect([...orgs].every((id) => id === world.uni.id || id === world.college.id)).toBe(true);
    // B's counselor is neither listed nor editable by A
    const edit = await call('PATCH', `/api/users/${other.counselor.id}`, cookies.adminA, { active: false });
    expect(edit.statusCode).toBe(403);
  });

  it('lets a provincial HRSS department manage county bureaus inside its province only', async () => {
    const body = { displayName: '县人社', roles: ['county_hrss'], password: 'Initial-2020' };
    const inside = await call('POST', '/api/users', cookies.hrss, {
      ...body,
      username: `h_${uniq()}`,
      orgCode: countyIn.code,
    });
    expect(inside.statusCode).toBe(201);
    const outside = await call('POST', '/api/users', cookies.hrss, {
      ...body,
      username: `h_${uniq()}`,
      orgCode: countyOut.code,
    });
    expect(outside.statusCode).toBe(403);
    const counselor = await call('POST', '/api/users', cookies.hrss, {
      ...body,
      roles: ['counselor'],
      username: `h_${uniq()}`,
      orgCode: world.college.code,
    });
    expect(counselor.statusCode).toBe(403);
  });

  it('refuses a university admin a role it may not give, even in its own university', async () => {
    const ctx = await ctxOf(deps, world.admin);
    const target = await buildUser(deps, world.uni, ['helper']);
    await expect(updateUser(deps, ctx, target.id, { roles: ['helper', 'graduate'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      createUser(deps, ctx, {
        username: `g_${uniq()}`,
        displayName: 'x',
        orgCode: world.college.code,
        roles: ['graduate'],
        password: 'Initial-2020',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a counselor every account and class route', async () => {
    for (const res of [
      await call('GET', '/api/users', cookies.counselor),
      await call('GET', '/api/users/import/template', cookies.counselor),
      await upload('/api/users/import', cookies.counselor, '用户名,姓名\n'),
      await call('GET', '/api/classes', cookies.counselor),
      await call('PUT', '/api/classes/counselors', cookies.counselor, {
        collegeId: world.college.id,
        className: world.className,
        counselorUserIds: [],
      }),
    ])
      expect(res.statusCode).toBe(403);
  });
});

describe('staff import', () => {
  const header = '用户名,姓名,手机号,机构代码,角色,院系,班级';

  it('writes nothing from a file with a bad row and names row, column and expectation', async () => {
    const before = await deps.database.db.select({ n: count() }).from(appUser);
    const csv = [
      header,
      `imp_${uniq()},王老师,13812345678,${world.college.code},辅导员,,计科2003班`,
      `BAD NAME,,123,${other.college.code},校长,,`,
    ].join('\n');
    const res = await upload('/api/users/import', cookies.adminA, csv);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.ok).toBe(false);
    expect(result.created).toEqual([]);
    const byField = Object.fromEntries(result.errors.map((e: { field: string }) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(['displayName', 'orgCode', 'phone', 'roles', 'username']);
    expect(byField.orgCode).toMatchObject({ rowNo: 3, column: '机构代码' });
    expect(byField.orgCode.message.zh).toContain('不在您的管理范围内');
    const after = await deps.database.db.select({ n: count() }).from(appUser);
    expect(after[0]!.n).toBe(before[0]!.n);

    const wb = await upload('/api/users/import/errors', cookies.adminA, csv);
    expect(wb.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(wb.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('错误行')!;
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(8).value)).toContain('【机构代码】');
    expect(sheet.getRow(2).getCell(9).value).toBe(3);
    expect((sheet.getRow(2).getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('creates every account of a good file with a temporary password and the counselors’ classes', async () => {
    const { caseId } = await world.addCase({ className: '计科2009班' });
    const name = `imp_${uniq()}`;
    const csv = `${header}\n${name},王老师,13812345678,${world.college.code},辅导员、帮扶责任人,,计科2009班\nh${name},周老师,,${world.uni.code},帮扶责任人,,\n`;
    const res = await upload('/api/users/import', cookies.adminA, csv);
    expect(res.statusCode).toBe(201);
    const result = res.json();
    expect(result).toMatchObject({ ok: true, classesAssigned: 1 });
    expect(result.created).toHaveLength(2);
    const created = await deps.database.db.query.appUser.findFirst({
      where: (t, { eq }) => eq(t.username, name),
    });
    expect(created).toMatchObject({
      mustChangePassword: true,
      contactPhone: '13812345678',
      roles: ['counselor', 'helper'],
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: name, password: result.created[0].temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
    const events = await deps.database.db.select().from(caseEvent).where(eq(caseEvent.caseId, caseId));
    expect(events.find((e) => e.kind === 'counselor')?.data).toMatchObject({ counselorNames: ['王老师'] });
    const audits = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, created!.id), eq(auditEvent.action, 'user.create')));
    expect(audits).toHaveLength(1);
  });

  it('serves a template with drop-downs of the importer’s orgs, roles and colleges', async () => {
    const res = await call('GET', '/api/users/import/template', cookies.adminA);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const lists = book.getWorksheet('代码表')!;
    const codes = lists.getColumn(1).values.slice(2);
    expect(codes).toEqual(expect.arrayContaining([world.uni.code, world.college.code]));
    expect(codes).not.toContain(other.college.code);
    const validations = (book.getWorksheet('账户名单') as unknown as { dataValidations: { model: object } })
      .dataValidations.model;
    expect(JSON.stringify(validations)).toContain('辅导员');
  });
});

describe('class assignments', () => {
  it('lists classes without a counselor with their target counts', async () => {
    await world.addCase({ className: '无人班' });
    const res = await call('GET', '/api/classes', cookies.adminA);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const orphan = body.classes.find((c: { className: string }) => c.className === '无人班');
    expect(orphan).toMatchObject({ unassigned: true, targets: 1, counselors: [] });
    expect(body.unassigned.targets).toBeGreaterThanOrEqual(1);
    expect(body.classes.some((c: { collegeId: string }) => c.collegeId === other.college.id)).toBe(false);
  });

  it('assigns a class, records it on each case and moves the caseload to the new counselor', async () => {
    const className = `转班${uniq()}`;
    const { caseId, graduate } = await world.addCase({ className });
    const newCounselor = await buildUser(deps, world.college, ['counselor'], { displayName: '钱老师' });
    const admin = await ctxOf(deps, world.admin);
    const set = await setClassCounselors(deps, admin, {
      collegeId: world.college.id,
      className,
      counselorUserIds: [world.counselor.id],
    });
    expect(set).toEqual({ classes: 1, cases: 1 });
    const moved = await moveCaseload(deps, admin, {
      fromUserId: world.counselor.id,
      toUserId: newCounselor.id,
      reason: '调岗',
    });
    expect(moved.cases).toBeGreaterThanOrEqual(1);
    const rows = await deps.database.db
      .select()
      .from(counselorClass)
      .where(inArray(counselorClass.userId, [world.counselor.id, newCounselor.id]));
    expect(rows.every((r) => r.userId === newCounselor.id)).toBe(true);
    const events = (
      await deps.database.db.select().from(caseEvent).where(eq(caseEvent.caseId, caseId))
    ).filter((e) => e.kind === 'counselor');
    expect(events.map((e) => e.data.counselorNames)).toEqual([['杨老师'], ['钱老师']]);
    expect(events[1]!.data).toMatchObject({ previousCounselorNames: ['杨老师'], reason: '调岗' });
    // the new counselor sees the case through the scope's counselor clause
    const page = await call(
      'GET',
      `/api/cases/${caseId}`,
      await loginAs(app, newCounselor.username, TEST_PASSWORD),
    );
    expect(page.statusCode).toBe(200);
    expect(page.json().graduate?.name ?? page.json().name).toBe(graduate.name);
    const audit = await deps.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'user.assign_classes'));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses another university’s admin, and a counselor of another university', async () => {
    const b = await ctxOf(deps, other.admin);
    await expect(
      setClassCounselors(deps, b, {
        collegeId: world.college.id,
        className: world.className,
        counselorUserIds: [],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const a = await ctxOf(deps, world.admin);
    await expect(
      setClassCounselors(deps, a, {
        collegeId: world.college.id,
        className: world.className,
        counselorUserIds: [other.counselor.id],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const viaRoute = await call('PUT', '/api/classes/counselors', cookies.adminB, {
      collegeId: world.college.id,
      className: world.className,
      counselorUserIds: [],
    });
    expect(viaRoute.statusCode).toBe(403);
  });
});

describe('the ledger warns about cases without a counselor', () => {
  it('flags them in the admin’s list, filters and counts them, and leaves the counselor’s caseload alone', async () => {
    const className = `空班${uniq()}`;
    const { caseId } = await world.addCase({ className });
    const list = (await call('GET', '/api/cases?noCounselor=true&pageSize=100', cookies.adminA)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(caseId);
    expect(list.items.every((i: { noCounselor: boolean }) => i.noCounselor)).toBe(true);
    const all = (await call('GET', '/api/cases?pageSize=100', cookies.adminA)).json();
    expect(all.items.some((i: { noCounselor: boolean }) => !i.noCounselor)).toBe(true);
    const summary = (await call('GET', '/api/cases/summary', cookies.adminA)).json();
    expect(summary.noCounselor).toBe(list.total);
    // once a counselor keeps the class, the warning goes
    await setClassCounselors(deps, await ctxOf(deps, world.admin), {
      collegeId: world.college.id,
      className,
      counselorUserIds: [world.counselor.id],
    });
    const after = (await call('GET', '/api/cases/summary', cookies.adminA)).json();
    expect(after.noCounselor).toBe(summary.noCounselor - 1);
    const mine = (await call('GET', '/api/cases/summary', cookies.counselor)).json();
    expect(mine.noCounselor).toBeUndefined();
  });
});
