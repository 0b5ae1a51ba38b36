import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../domain/roles.ts';
import { buildApp } from './app.ts';
import {
  application,
  caseEvent,
  counselorClass,
  helperPairing,
  importBatch,
  ledgerCase,
  referral,
} from './db/schema/index.ts';
import { openCasesForTargets } from './modules/ledger/open-cases.repo.ts';
import { buildGraduate, buildOpportunity, buildOrg, buildUser, loginAs } from './test/factories.ts';
import { createTestDeps, type TTestDeps } from './test/test-deps.ts';

/*
 * The route × role matrix on FIELDS (docs/security.md, "Roles × records × fields"): every route that returns
 * graduates' personal data, walked as every role, asserting which records come back and which fields they
 * carry — registry-derived fields (household ref, registry batch, difficulty category, registered-poor flag),
 * case notes and ID reveal. Cohort 2020 has left school by the test clock (2020-07-15).
 *
 *   gA 贵州 uni, domicile 威宁 520526, target, 贵州 registry (HH-A), case at school, note
 *   gB 贵州 uni, domicile 昭觉 513431 (四川), target, 四川 registry (HH-B), case at school, note
 *   gC 北京 uni, domicile 威宁, target, 贵州 registry (HH-C), case handed over to 威宁 HRSS, note
 *   gD 北京 uni, domicile 威宁, not a target, no case
 */

let deps: TTestDeps;
let app: FastifyInstance;
const g: Record<string, { id: string; name: string; idNumber: string; caseId?: string }> = {};
const cookies: Record<string, string> = {};
let postId = '';

const HOUSEHOLD = { gA: 'HH-A-0001', gB: 'HH-B-0002', gC: 'HH-C-0003' } as const;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  const { db } = deps.database;
  const uniGz = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  const college = await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: uniGz.id });
  const uniBj = await buildOrg(deps, { kind: 'university', regionCode: '110100' });
  const org = (kind: Parameters<typeof buildOrg>[1]['kind'], regionCode: string | null) =>
    buildOrg(deps, { kind, regionCode });
  const orgs = {
    ministry: await org('ministry', null),
    gzEdu: await org('province_education', '520000'),
    scEdu: await org('province_education', '510000'),
    gxEdu: await org('province_education', '450000'),
    gzHrss: await org('province_hrss', '520000'),
    weining: await org('county_hrss', '520526'),
    gzPoverty: await org('poverty_office', '520000'),
    scPoverty: await org('poverty_office', '510000'),
    partner: await org('partner', '440100'),
    employer: await org('employer', '520100'),
    system: await org('system', null),
  };
  const users: Record<string, { id: string; username: string }> = {};
  const add = async (key: string, o: { id: string } & Parameters<typeof buildUser>[1], roles: TRole[]) => {
    users[key] = await buildUser(deps, o, roles);
  };
  await add('ministry', orgs.ministry, ['ministry']);
  await add('gzEdu', orgs.gzEdu, ['province_education']);
  await add('scEdu', orgs.scEdu, ['province_education']);
  await add('gxEdu', orgs.gxEdu, ['province_education']);
  await add('gzHrss', orgs.gzHrss, ['province_hrss']);
  await add('weiningHrss', orgs.weining, ['county_hrss']);
  await add('gzPoverty', orgs.gzPoverty, ['poverty_office']);
  await add('scPoverty', orgs.scPoverty, ['poverty_office']);
  await add('uniAdmin', uniGz, ['university_admin']);
  await add('counselor', college, ['counselor']);
  await add('helper', uniGz, ['helper']);
  await add('partner', orgs.partner, ['partner']);
  await add('employer', orgs.employer, ['employer']);
  await add('graduate', uniGz, ['graduate']);
  await add('sysadmin', orgs.system, ['system_admin']);

  const batch = async (orgId: string) => {
    const [row] = await db
      .insert(importBatch)
      .values({
        kind: 'registry',
        status: 'committed',
        fileName: 'registry.xlsx',
        fileSha256: 'x',
        fileSize: 1,
        orgId,
        createdBy: users.sysadmin!.id,
        createdAt: deps.clock.now(),
      })
      .returning();
    return row!.id;
  };
  const batchGz = await batch(orgs.gzPoverty.id);
  const batchSc = await batch(orgs.scPoverty.id);
  const registered = (batchId: string, countyCode: string, householdRef: string) => ({
    isTarget: true,
    isRegisteredPoor: true,
    difficultyCode: '2',
    targetReasons: { registeredPoor: { batchId, countyCode, householdRef } },
  });
  const inGz = { universityId: uniGz.id, universityProvinceCode: '520000', collegeId: college.id };
  const inBj = { universityId: uniBj.id, universityProvinceCode: '110000' };
  g.gA = await buildGraduate(deps, {
    ...inGz,
    className: '计科2001班',
    domicileCountyCode: '520526',
    userId: users.graduate!.id,
    ...registered(batchGz, '520526', HOUSEHOLD.gA),
  });
  g.gB = await buildGraduate(deps, {
    ...inGz,
    className: '计科2001班',
    domicileCountyCode: '513431',
    ...registered(batchSc, '513431', HOUSEHOLD.gB),
  });
  g.gC = await buildGraduate(deps, {
    ...inBj,
    domicileCountyCode: '520526',
    ...registered(batchGz, '520526', HOUSEHOLD.gC),
  });
  g.gD = await buildGraduate(deps, { ...inBj, domicileCountyCode: '520526', difficultyCode: '3' });

  await openCasesForTargets(db, deps.clock.now());
  for (const key of ['gA', 'gB', 'gC']) {
    const row = await db.query.ledgerCase.findFirst({ where: (t, { eq }) => eq(t.graduateId, g[key]!.id) });
    g[key]!.caseId = row!.id;
    await db.insert(caseEvent).values({
      caseId: row!.id,
      kind: 'note',
      at: deps.clock.now(),
      data: { text: `NOTE-${key}` },
    });
  }
  const { eq } = await import('drizzle-orm');
  await db
    .update(ledgerCase)
    .set({ stage: 'handed_over', holderOrgId: orgs.weining.id, handedOverAt: deps.clock.now() })
    .where(eq(ledgerCase.id, g.gC!.caseId!));
  await db.insert(counselorClass).values({
    userId: users.counselor!.id,
    collegeId: college.id,
    className: '计科2001班',
  });
  await db.insert(helperPairing).values({ graduateId: g.gA!.id, helperUserId: users.helper!.id });
  await db
    .insert(referral)
    .values({ graduateId: g.gA!.id, partnerOrgId: orgs.partner.id, validUntil: '2999-12-31' });
  const post = await buildOpportunity(deps, {
    ownerOrgId: orgs.employer.id,
    employerOrgId: orgs.employer.id,
  });
  postId = post.id;
  await db
    .insert(application)
    .values({ opportunityId: post.id, graduateId: g.gA!.id, employerOrgId: orgs.employer.id });
  for (const [key, u] of Object.entries(users)) cookies[key] = await loginAs(app, u.username);
});

afterAll(async () => {
  await app.close();
  await deps.close();
});

const get = (who: string, url: string) =>
  app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
const nameOf = (id: string) => Object.entries(g).find(([, v]) => v.id === id)?.[0];

/** f = full record with registry fields, F = full without them, m = minimal row; absent = not listed */
type TCell = 'f' | 'F' | 'm';
const LIST: Record<string, Partial<Record<'gA' | 'gB' | 'gC' | 'gD', TCell>>> = {
  ministry: { gA: 'F', gB: 'F', gC: 'F', gD: 'F' }, // aggregated only: no registry fields per person
  gzEdu: { gA: 'f', gB: 'F', gC: 'f', gD: 'F' }, // gB: 四川's registry; gC/gD: its 生源 at 北京
  scEdu: { gB: 'f' }, // its 生源 studying in 贵州, registry from 四川
  gxEdu: {}, // nobody domiciled in 广西, no university there
  gzHrss: { gC: 'f', gA: 'm' }, // handed over in 贵州; gA: left, unplaced, domiciled in 贵州
  weiningHrss: { gC: 'f', gA: 'm' }, // never gD (not a target) and never a reveal outside gC
  gzPoverty: { gA: 'f', gC: 'f' }, // domiciled targets; its own registry
  scPoverty: { gB: 'f' },
  uniAdmin: { gA: 'f', gB: 'f' },
  counselor: { gA: 'f', gB: 'f' },
  helper: { gA: 'f' },
  partner: { gA: 'm' },
};

describe('GET /api/graduates: records and fields per role', () => {
  for (const [who, expected] of Object.entries(LIST)) {
    it(`${who}: ${JSON.stringify(expected)}`, async () => {
      const res = await get(who, '/api/graduates?pageSize=100&sort=name');
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as Record<string, unknown>[];
      const seen = Object.fromEntries(items.map((i) => [nameOf(i.id as string), i]));
      expect(Object.keys(seen).sort()).toEqual(Object.keys(expected).sort());
      for (const [key, cell] of Object.entries(expected)) {
        const item = seen[key]!;
        const registry = cell === 'f';
        expect(item.view, `${who} ${key}`).toBe(cell === 'm' ? 'minimal' : 'full');
        expect(item.isRegisteredPoor !== null, `${who} ${key} flag`).toBe(registry);
        expect(item.difficultyCode !== null, `${who} ${key} difficulty`).toBe(registry && key !== 'gD');
        const reasons = JSON.stringify(item.targetReasons ?? {});
        expect(reasons.includes('householdRef'), `${who} ${key} household ref`).toBe(registry);
        expect(reasons.includes('batchId'), `${who} ${key} registry batch`).toBe(registry);
        if (cell === 'm') {
          // name, university, level, major, cohort, status — nothing else
          for (const f of ['idNumberMasked', 'domicileName', 'className', 'isTarget', 'isFocusCounty'])
            expect(item[f], `${who} ${key} ${f}`).toBeNull();
          expect(item.canReveal).toBe(false);
        }
      }
      for (const [key, ref] of Object.entries(HOUSEHOLD))
        if (expected[key as keyof typeof expected] !== 'f')
          expect(res.body, `${who} ${key}`).not.toContain(ref);
    });
  }

  it('filters by registry fields only for roles that see them on every record (list, counts, export)', async () => {
    for (const who of ['ministry', 'gzEdu', 'weiningHrss', 'gzPoverty', 'partner']) {
      for (const url of [
        '/api/graduates?registeredPoor=true',
        `/api/graduates/stats?registeredPoor=false&q=${encodeURIComponent(g.gB!.name)}`,
        '/api/graduates?difficulty=2',
      ]) {
        const res = await get(who, url);
        expect(res.statusCode, `${who} ${url}`).toBe(400);
        expect(res.json().error.details).toMatchObject({ reason: 'field_rule' });
      }
    }
    const own = await get('uniAdmin', '/api/graduates?registeredPoor=true');
    expect(own.statusCode).toBe(200);
    expect(own.json().total).toBe(2);
  });

  it('counts registered-poor graduates only for roles that see the field on every record', async () => {
    // a count over a selection narrowed to one name would tell the flag the list hides
    const q = `/api/graduates/stats?q=${encodeURIComponent(g.gB!.name)}`;
    for (const who of ['ministry', 'gzEdu', 'weiningHrss', 'gzPoverty']) {
      const res = await get(who, q);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().registeredPoor, who).toBeNull();
      expect(res.body, who).not.toContain('householdRef');
    }
    const own = await get('uniAdmin', '/api/graduates/stats');
    expect(own.json().registeredPoor).toBe(2);
  });

  it('employer, graduate and system admin get no list at all', async () => {
    for (const who of ['employer', 'graduate', 'sysadmin'])
      expect((await get(who, '/api/graduates')).statusCode, who).toBe(403);
  });
});

describe('GET /api/graduates/export: the same field rule in the workbook', () => {
  async function sheetOf(who: string) {
    const res = await get(who, '/api/graduates/export');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    const header = rows[0]!;
    return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  }

  it('ministry: no 建档立卡 or 困难生类别 cell for anyone', async () => {
    const rows = await sheetOf('ministry');
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.建档立卡).toBe('');
      expect(r.困难生类别).toBe('');
    }
  });

  it("province education: registry cells only for its own province's registry", async () => {
    const rows = await sheetOf('gzEdu');
    const byId = (mask: string) => rows.find((r) => r['身份证号（脱敏）'] === mask)!;
    const mask = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
    expect(byId(mask(g.gA!.idNumber)).建档立卡).toBe('是');
    expect(byId(mask(g.gB!.idNumber)).建档立卡).toBe('');
    expect(byId(mask(g.gB!.idNumber)).困难生类别).toBe('');
  });
});

describe('GET /api/cases and /api/cases/:id: case scope and case fields', () => {
  const CASES: Record<string, Partial<Record<'gA' | 'gB' | 'gC', 'notes' | 'no-notes'>>> = {
    ministry: { gA: 'notes', gB: 'notes', gC: 'notes' },
    gzEdu: { gA: 'notes', gB: 'notes' }, // own universities only: gC (its 生源 at 北京) has no case view
    scEdu: {}, // 生源 view only, never a case file
    gxEdu: {},
    gzHrss: { gC: 'notes' },
    weiningHrss: { gC: 'notes' },
    gzPoverty: { gA: 'no-notes', gC: 'no-notes' },
    scPoverty: { gB: 'no-notes' },
    uniAdmin: { gA: 'notes', gB: 'notes' },
    counselor: { gA: 'notes', gB: 'notes' },
    helper: { gA: 'notes' },
  };
  for (const [who, expected] of Object.entries(CASES)) {
    it(`${who}: ${JSON.stringify(expected)}`, async () => {
      const list = await get(who, '/api/cases?pageSize=100');
      expect(list.statusCode, list.body).toBe(200);
      const listed = (list.json().items as { graduateId: string }[]).map((i) => nameOf(i.graduateId));
      expect(listed.sort()).toEqual(Object.keys(expected).sort());
      for (const ref of Object.values(HOUSEHOLD)) expect(list.body).not.toContain(ref); // never in the list
      for (const key of ['gA', 'gB', 'gC'] as const) {
        const caseId = g[key]!.caseId!;
        const page = await get(who, `/api/cases/${caseId}`);
        const events = await get(who, `/api/cases/${caseId}/events`);
        const cell = expected[key];
        if (!cell) {
          expect(page.statusCode, `${who} ${key}`).toBe(404);
          expect(events.statusCode, `${who} ${key}`).toBe(404);
          continue;
        }
        expect(page.statusCode, `${who} ${key}`).toBe(200);
        const detail = page.json();
        expect(detail.caseNotes, `${who} ${key}`).toBe(cell === 'notes');
        expect(page.body.includes(`NOTE-${key}`), `${who} ${key} note`).toBe(cell === 'notes');
        expect(events.statusCode, `${who} ${key} events`).toBe(200);
        expect(events.json().total > 0, `${who} ${key} events`).toBe(cell === 'notes');
        expect(events.body.includes(`NOTE-${key}`), `${who} ${key} events`).toBe(cell === 'notes');
        // registry fields on the case page follow the list's rule
        const registry = LIST[who]?.[key] === 'f';
        expect(page.body.includes(HOUSEHOLD[key]), `${who} ${key} household ref`).toBe(registry);
        expect(detail.graduate.isRegisteredPoor !== null, `${who} ${key} flag`).toBe(registry);
      }
    });
  }

  it('partners and employers never see a case file', async () => {
    for (const who of ['partner', 'employer']) {
      const res = await get(who, `/api/cases/${g.gA!.caseId}`);
      expect([403, 404], who).toContain(res.statusCode);
      expect(res.body).not.toContain('NOTE-gA');
    }
  });
});

describe('ID reveal follows the field rule', () => {
  const reveal = (who: string, key: string) =>
    app.inject({
      method: 'POST',
      url: `/api/graduates/${g[key]!.id}/reveal`,
      headers: { cookie: cookies[who]! },
      payload: { reason: '核对身份信息' },
    });

  it('county HRSS reveals a handed-over case only, never its pre-handover list or another county’s graduate', async () => {
    expect((await reveal('weiningHrss', 'gC')).statusCode).toBe(200);
    const minimal = await reveal('weiningHrss', 'gA');
    expect(minimal.statusCode).toBe(403);
    expect(minimal.body).not.toContain(g.gA!.idNumber);
    expect((await reveal('weiningHrss', 'gD')).statusCode).toBe(404); // never handed over: out of scope
  });

  it('university admin and counselor reveal their own; ministry and province education cannot', async () => {
    expect((await reveal('uniAdmin', 'gB')).statusCode).toBe(200);
    expect((await reveal('counselor', 'gA')).statusCode).toBe(200);
    expect((await reveal('uniAdmin', 'gC')).statusCode).toBe(404);
    for (const who of ['ministry', 'gzEdu', 'gzPoverty', 'partner'])
      expect((await reveal(who, 'gA')).statusCode, who).toBe(403);
  });
});

describe('employer and partner never get a registry-derived field or flag', () => {
  it('employer: its applicants, without flags, registry fields or notes', async () => {
    const res = await get('employer', `/api/employer/opportunities/${postId}/applications`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(g.gA!.name); // its applicant is there
    for (const word of [
      'isRegisteredPoor',
      'isTarget',
      'isFocusCounty',
      'difficulty',
      'householdRef',
      'NOTE-',
    ])
      expect(res.body, word).not.toContain(word);
    expect(res.body).not.toContain(HOUSEHOLD.gA);
  });

  it('partner: a referred graduate drops out of its list once placed', async () => {
    const { db } = deps.database;
    const { eq } = await import('drizzle-orm');
    const [ref] = await db.select().from(referral).where(eq(referral.graduateId, g.gA!.id));
    await db.insert(referral).values({
      graduateId: g.gB!.id,
      partnerOrgId: ref!.partnerOrgId,
      validUntil: '2999-12-31',
    });
    const names = async () =>
      ((await get('partner', '/api/graduates')).json().items as { id: string }[]).map((i) => nameOf(i.id));
    expect((await names()).sort()).toEqual(['gA', 'gB']);
    await db.update(ledgerCase).set({ status: 'placed' }).where(eq(ledgerCase.id, g.gB!.caseId!));
    expect(await names()).toEqual(['gA']);
  });

  it('partner: minimal rows only (see the list matrix), never the household ref', async () => {
    const res = await get('partner', '/api/graduates');
    expect(res.body).not.toContain(HOUSEHOLD.gA);
    expect(res.body).not.toContain('registeredPoor');
  });
});
