import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCtx } from '../../context.ts';
import { appUser, ledgerCase, orgUnit } from '../../db/schema/index.ts';
import { buildOrg, buildUser } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { createOrg, deactivateOrg, moveOrg, searchUniversities, updateOrg } from './org-tree.service.ts';
import { buildOrgTreeWorld, type TOrgTreeWorld } from './org-tree-test-world.ts';
import { getOrgTree } from './orgs.service.ts';

let deps: TTestDeps;
let w: TOrgTreeWorld;
let n = 0;
const code = (prefix = 'T') => `${prefix}-NEW-${++n}`;

beforeAll(async () => {
  deps = await createTestDeps();
  w = await buildOrgTreeWorld(deps);
});
afterAll(async () => {
  await deps.close();
});

/** Resolves to 'ok', or to the error code the service threw. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('createOrg', () => {
  it('creates a university from the official list with both MOE codes, audited in the same transaction', async () => {
    const [ref] = await searchUniversities(deps.database.db, '10657', 5);
    expect(ref).toMatchObject({
      name: '贵州大学',
      schoolIdCode: '4152010657',
      regionCode: '520100',
      orgCode: null,
    });
    const org = await createOrg(deps, w.actors.gzEdu, {
      code: 'U-10657',
      name: ref!.name,
      kind: 'university',
      parentId: w.orgs.gzEdu.id,
      regionCode: ref!.regionCode,
      moeCode: ref!.moeCode,
      schoolIdCode: ref!.schoolIdCode,
    });
    expect(org).toMatchObject({
      code: 'U-10657',
      moeCode: '10657',
      schoolIdCode: '4152010657',
      active: true,
    });
    const [audit] = await w.auditOf(org.id, 'org.create');
    expect(audit).toMatchObject({ actorUserId: w.actors.gzEdu.user!.id, entityType: 'org_unit' });
    expect(audit!.after).toMatchObject({ code: 'U-10657', kind: 'university', schoolIdCode: '4152010657' });
    // the list now says which org was made from the row
    const [again] = await searchUniversities(deps.database.db, '贵州大学', 1);
    expect(again?.orgCode).toBe('U-10657');
  });

  it('refuses a taken org code and a 院校代码 another org already has', async () => {
    const base = { name: '重复', kind: 'university' as const, parentId: null, regionCode: '520100' };
    expect(
      await outcome(
        createOrg(deps, w.actors.systemAdmin, {
          ...base,
          code: 'U-10657',
          moeCode: null,
          schoolIdCode: null,
        }),
      ),
    ).toBe('conflict');
    await expect(
      createOrg(deps, w.actors.systemAdmin, { ...base, code: code(), moeCode: '10657', schoolIdCode: null }),
    ).rejects.toMatchObject({ code: 'conflict', details: { field: 'moeCode', orgCode: 'U-10657' } });
  });

  it('validates kind, parent and region against the reference data, with every problem named', async () => {
    const admin = w.actors.systemAdmin;
    await expect(
      createOrg(deps, admin, {
        code: code(),
        name: '县人社局',
        kind: 'county_hrss',
        parentId: w.orgs.gzEdu.id,
        regionCode: '520100',
        moeCode: null,
        schoolIdCode: null,
      }),
    ).rejects.toMatchObject({
      code: 'validation_error',
      details: { problems: ['parent_kind', 'region_level'] },
    });
    await expect(
      createOrg(deps, admin, {
        code: code(),
        name: '不存在的地方',
        kind: 'partner',
        parentId: null,
        regionCode: '529999',
        moeCode: null,
        schoolIdCode: null,
      }),
    ).rejects.toMatchObject({ details: { problems: ['region_unknown'] } });
    await expect(
      createOrg(deps, admin, {
        code: code(),
        name: '学院',
        kind: 'college',
        parentId: w.orgs.gzEdu.id,
        regionCode: null,
        moeCode: null,
        schoolIdCode: null,
      }),
    ).rejects.toMatchObject({ details: { problems: ['parent_kind'] } });
  });

  it('puts a college without a region where its university is', async () => {
    const college = await createOrg(deps, w.actors.gzuAdmin, {
      code: code('C'),
      name: '新建学院',
      kind: 'college',
      parentId: w.orgs.gzu.id,
      regionCode: null,
      moeCode: null,
      schoolIdCode: null,
    });
    expect(college).toMatchObject({ regionCode: '520100', parentId: w.orgs.gzu.id });
  });

  describe('scope of orgs.manage, role by role', () => {
    const college = (parentId: string, regionCode: string) => ({
      code: code('C'),
      name: '学院',
      kind: 'college' as const,
      parentId,
      regionCode,
      moeCode: null,
      schoolIdCode: null,
    });
    const county = (regionCode: string, parentId: string | null) => ({
      code: code('H'),
      name: '人社局',
      kind: 'county_hrss' as const,
      parentId,
      regionCode,
      moeCode: null,
      schoolIdCode: null,
    });
    const university = (regionCode: string) => ({
      code: code('U'),
      name: '大学',
      kind: 'university' as const,
      parentId: null,
      regionCode,
      moeCode: null,
      schoolIdCode: null,
    });
    const partner = (regionCode: string) => ({
      code: code('P'),
      name: '协作工作组',
      kind: 'partner' as const,
      parentId: null,
      regionCode,
      moeCode: null,
      schoolIdCode: null,
    });
    const ministry = () => ({
      code: code('M'),
      name: '部委',
      kind: 'ministry' as const,
      parentId: null,
      regionCode: null,
      moeCode: null,
      schoolIdCode: null,
    });

    const cases: [string, () => TCtx, () => Parameters<typeof createOrg>[2], string][] = [
      ['system admin: a ministry', () => w.actors.systemAdmin, ministry, 'ok'],
      [
        'system admin: a county bureau anywhere',
        () => w.actors.systemAdmin,
        () => county('510104', null),
        'ok',
      ],
      ['贵州 education: a university in 贵州', () => w.actors.gzEdu, () => university('520300'), 'ok'],
      [
        '贵州 education: a college of a 贵州 university',
        () => w.actors.gzEdu,
        () => college(w.orgs.gzu2.id, '520300'),
        'ok',
      ],
      ['贵州 education: a university in 四川', () => w.actors.gzEdu, () => university('510100'), 'forbidden'],
      [
        '贵州 education: a county bureau',
        () => w.actors.gzEdu,
        () => county('520526', w.orgs.gzHrss.id),
        'forbidden',
      ],
      ['四川 education: a university in 贵州', () => w.actors.scEdu, () => university('520100'), 'forbidden'],
      [
        '四川 education: a college of a 贵州 university',
        () => w.actors.scEdu,
        () => college(w.orgs.gzu.id, '520100'),
        'forbidden',
      ],
      [
        '贵州 HRSS: a county bureau in 贵州',
        () => w.actors.gzHrss,
        () => county('520102', w.orgs.gzHrss.id),
        'ok',
      ],
      [
        '贵州 HRSS: a county bureau in 四川',
        () => w.actors.gzHrss,
        () => county('510104', null),
        'forbidden',
      ],
      ['贵州 HRSS: a university in 贵州', () => w.actors.gzHrss, () => university('520100'), 'forbidden'],
      ['贵州 poverty office: a partner in 贵州', () => w.actors.gzPoverty, () => partner('520100'), 'ok'],
      [
        '贵州 poverty office: a partner in 广东',
        () => w.actors.gzPoverty,
        () => partner('440000'),
        'forbidden',
      ],
      [
        '贵州 poverty office: a university in 贵州',
        () => w.actors.gzPoverty,
        () => university('520100'),
        'forbidden',
      ],
      [
        'university admin: a college of their university',
        () => w.actors.gzuAdmin,
        () => college(w.orgs.gzu.id, '520100'),
        'ok',
      ],
      [
        'university admin: a college of another university',
        () => w.actors.gzuAdmin,
        () => college(w.orgs.gzu2.id, '520300'),
        'forbidden',
      ],
      ['university admin: a university', () => w.actors.gzuAdmin, () => university('520100'), 'forbidden'],
      [
        '四川 university admin: a college of a 贵州 university',
        () => w.actors.scuAdmin,
        () => college(w.orgs.gzu.id, '520100'),
        'forbidden',
      ],
      [
        'counselor: a college of their university',
        () => w.actors.counselor,
        () => college(w.orgs.gzu.id, '520100'),
        'forbidden',
      ],
      ['helper: a college', () => w.actors.helper, () => college(w.orgs.gzu.id, '520100'), 'forbidden'],
      [
        'county HRSS: a county bureau',
        () => w.actors.countyHrss,
        () => county('520102', w.orgs.gzHrss.id),
        'forbidden',
      ],
      ['ministry: a university', () => w.actors.ministry, () => university('520100'), 'forbidden'],
    ];
    for (const [name, actor, body, expected] of cases) {
      it(name, async () => {
        expect(await outcome(createOrg(deps, actor(), body()))).toBe(expected);
      });
    }
  });
});

describe('updateOrg', () => {
  it('renames with before and after in the audit trail; the code and kind stay', async () => {
    const org = await buildOrg(deps, {
      kind: 'college',
      regionCode: '520100',
      parentId: w.orgs.gzu.id,
      name: '旧名',
    });
    const saved = await updateOrg(deps, w.actors.gzuAdmin, org.id, { name: '新名学院' });
    expect(saved).toMatchObject({ name: '新名学院', code: org.code, kind: 'college' });
    const [audit] = await w.auditOf(org.id, 'org.update');
    expect(audit).toMatchObject({ before: { name: '旧名' }, after: { name: '新名学院' } });
  });

  it('refuses an edit that would take the org out of the actor’s scope, or that breaks a rule', async () => {
    const uni = await buildOrg(deps, { kind: 'university', regionCode: '520100', parentId: null });
    expect(await outcome(updateOrg(deps, w.actors.gzEdu, uni.id, { regionCode: '510100' }))).toBe(
      'forbidden',
    );
    expect(await outcome(updateOrg(deps, w.actors.scEdu, uni.id, { name: '改名' }))).toBe('forbidden');
    await expect(
      updateOrg(deps, w.actors.gzEdu, uni.id, { moeCode: '10658', schoolIdCode: '4152010657' }),
    ).rejects.toMatchObject({ details: { problems: ['school_id_code_mismatch'] } });
    const [row] = await deps.database.db.select().from(orgUnit).where(eq(orgUnit.id, uni.id));
    expect(row).toMatchObject({ regionCode: '520100', moeCode: null, name: uni.name });
  });
});

describe('moveOrg', () => {
  it('moves a college to another university of the province, audited with the new parent', async () => {
    const org = await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: w.orgs.gzu.id });
    const moved = await moveOrg(deps, w.actors.gzEdu, org.id, { parentId: w.orgs.gzu2.id });
    expect(moved.parentId).toBe(w.orgs.gzu2.id);
    const [audit] = await w.auditOf(org.id, 'org.move');
    expect(audit).toMatchObject({
      before: { parentId: w.orgs.gzu.id },
      after: { parentId: w.orgs.gzu2.id, parentCode: w.orgs.gzu2.code },
    });
  });

  it('refuses a university admin moving their college to another university, and a move across provinces', async () => {
    const org = await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: w.orgs.gzu.id });
    expect(await outcome(moveOrg(deps, w.actors.gzuAdmin, org.id, { parentId: w.orgs.gzu2.id }))).toBe(
      'forbidden',
    );
    await expect(
      moveOrg(deps, w.actors.systemAdmin, org.id, { parentId: w.orgs.scu.id }),
    ).rejects.toMatchObject({
      details: { problems: ['region_outside_parent'] },
    });
  });

  it('refuses a move under the org’s own subtree and under a parent of the wrong kind', async () => {
    const admin = w.actors.systemAdmin;
    const a = await buildOrg(deps, { kind: 'partner', regionCode: '440000' });
    const b = await buildOrg(deps, { kind: 'partner', regionCode: '440100', parentId: a.id });
    await expect(moveOrg(deps, admin, a.id, { parentId: b.id })).rejects.toMatchObject({
      details: { problems: ['move_cycle'] },
    });
    await expect(moveOrg(deps, admin, a.id, { parentId: a.id })).rejects.toMatchObject({
      details: { problems: ['move_cycle'] },
    });
    await expect(moveOrg(deps, admin, b.id, { parentId: w.orgs.gzEdu.id })).rejects.toMatchObject({
      details: { problems: ['parent_kind', 'region_outside_parent'] },
    });
    expect((await moveOrg(deps, admin, b.id, { parentId: null })).parentId).toBeNull();
  });
});

describe('deactivateOrg', () => {
  it('refuses while accounts, sub-orgs or open cases remain, with the counts', async () => {
    const uni = await buildOrg(deps, { kind: 'university', regionCode: '520100', parentId: w.orgs.gzEdu.id });
    const college = await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: uni.id });
    const user = await buildUser(deps, college, ['counselor']);
    const caseId = await w.openCaseIn(college, uni);

    await expect(deactivateOrg(deps, w.actors.gzEdu, college.id, {})).rejects.toMatchObject({
      code: 'conflict',
      details: { blockers: { activeUsers: 1, activeChildren: 0, openCases: 1 } },
    });
    await expect(deactivateOrg(deps, w.actors.gzEdu, uni.id, {})).rejects.toMatchObject({
      details: { blockers: { activeUsers: 0, activeChildren: 1, openCases: 1 } },
    });

    // the account deactivated and the case closed: the college may go, then the university
    await deps.database.db.update(ledgerCase).set({ status: 'closed' }).where(eq(ledgerCase.id, caseId));
    await deps.database.db.update(appUser).set({ active: false }).where(eq(appUser.id, user.id));
    const done = await deactivateOrg(deps, w.actors.gzEdu, college.id, { reason: '院系撤并' });
    expect(done.active).toBe(false);
    const [audit] = await w.auditOf(college.id, 'org.deactivate');
    expect(audit).toMatchObject({ reason: '院系撤并', after: { active: false } });
    expect((await deactivateOrg(deps, w.actors.gzEdu, uni.id, {})).active).toBe(false);

    const ids = JSON.stringify(await getOrgTree(deps.database.db));
    expect(ids).not.toContain(uni.id);
    expect(await outcome(deactivateOrg(deps, w.actors.gzEdu, uni.id, {}))).toBe('conflict');
  });

  it('counts the cases a county bureau holds after handover', async () => {
    const county = await buildOrg(deps, {
      kind: 'county_hrss',
      regionCode: '520102',
      parentId: w.orgs.gzHrss.id,
    });
    const uni = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
    const college = await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: uni.id });
    const caseId = await w.openCaseIn(college, uni);
    await deps.database.db
      .update(ledgerCase)
      .set({ holderOrgId: county.id })
      .where(eq(ledgerCase.id, caseId));
    await expect(deactivateOrg(deps, w.actors.gzHrss, county.id, {})).rejects.toMatchObject({
      details: { blockers: { openCases: 1 } },
    });
  });

  it('refuses an actor outside the org’s scope before saying anything about it', async () => {
    const college = await buildOrg(deps, { kind: 'college', regionCode: '510100', parentId: w.orgs.scu.id });
    expect(await outcome(deactivateOrg(deps, w.actors.gzuAdmin, college.id, {}))).toBe('forbidden');
    expect(await outcome(deactivateOrg(deps, w.actors.gzEdu, college.id, {}))).toBe('forbidden');
    expect(await outcome(deactivateOrg(deps, w.actors.scuAdmin, college.id, {}))).toBe('ok');
  });
});
