import { count, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreditCode } from '../../domain/opportunities/credit-code.ts';
import { OPPORTUNITY_KINDS } from '../../domain/opportunities/types.ts';
import {
  application,
  appUser,
  auditEvent,
  employerProfile,
  graduate,
  importBatch,
  importRow,
  ledgerCase,
  opportunity,
  orgUnit,
  push,
  zsbPlan,
} from '../db/schema/index.ts';
import { actingCtx, findActingUser, findDefaultImporter } from '../modules/auth/acting-user.ts';
import { getFunnel } from '../modules/matching/funnel.service.ts';
import { listMyPushes } from '../modules/matching/my-pushes.service.ts';
import { countGraduates } from '../modules/registry/graduates.service.ts';
import { createTestDeps, type TTestDeps } from '../test/test-deps.ts';
import { seedDemo } from './demo.ts';

let deps: TTestDeps;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
const SIZE = 600;

beforeAll(async () => {
  deps = await createTestDeps();
  seeded = await seedDemo(deps, { onlyIfEmpty: false, size: SIZE });
}, 120_000);
afterAll(async () => deps.close());

const ctxOf = async (username: string) =>
  actingCtx((await findActingUser(deps.database.db, username))!.user, 'test');

describe('seedDemo with graduates', () => {
  it('builds its org tree through the org service: every managed org has its org.create audit record', async () => {
    const db = deps.database.db;
    const managed = await db
      .select({ id: orgUnit.id, kind: orgUnit.kind })
      .from(orgUnit)
      .where(
        inArray(orgUnit.kind, ['ministry', 'province_education', 'county_hrss', 'university', 'college']),
      );
    expect(new Set(managed.map((o) => o.kind)).size).toBe(5);
    const created = await db
      .select({ id: auditEvent.entityId })
      .from(auditEvent)
      .where(eq(auditEvent.action, 'org.create'));
    const audited = new Set(created.map((a) => a.id));
    expect(managed.filter((o) => !audited.has(o.id))).toEqual([]);
  });

  it('imports every generated file through the pipeline, cleanly, as the accounts that would upload them', async () => {
    const db = deps.database.db;
    expect(seeded!.graduates).toMatchObject({ graduates: SIZE });
    expect(Number((await db.select({ n: count() }).from(graduate))[0]!.n)).toBe(SIZE);
    const batches = await db
      .select({ kind: importBatch.kind, status: importBatch.status, by: appUser.username })
      .from(importBatch)
      .innerJoin(appUser, eq(appUser.id, importBatch.createdBy));
    expect(batches.length).toBe(seeded!.graduates!.batches);
    expect(new Set(batches.map((b) => b.status))).toEqual(new Set(['committed']));
    const uploaders = new Set(batches.map((b) => b.by));
    expect(uploaders).toContain('gzu_admin');
    expect(uploaders).toContain('gz_fupin');
    expect(uploaders).toContain('sc_edu');
    expect(uploaders).toContain('u10001_admin');
    const errorRows = await db.select({ n: count() }).from(importRow).where(eq(importRow.status, 'error'));
    expect(Number(errorRows[0]!.n)).toBe(0);
  });

  it('derives a target group of about a quarter through matching', () => {
    const g = seeded!.graduates!;
    expect(g.target / g.graduates).toBeGreaterThan(0.2);
    expect(g.target / g.graduates).toBeLessThan(0.3);
    expect(g.registeredPoor).toBeGreaterThan(0);
    expect(g.target).toBeGreaterThan(g.focusCounty);
  });

  it('links graduate_demo to a registered-poor 贵州大学 graduate in 计科2001班', async () => {
    const rows = await deps.database.db
      .select({
        name: graduate.name,
        className: graduate.className,
        university: orgUnit.code,
        isRegisteredPoor: graduate.isRegisteredPoor,
        isFocusCounty: graduate.isFocusCounty,
        domicileRawCode: graduate.domicileRawCode,
      })
      .from(graduate)
      .innerJoin(orgUnit, eq(orgUnit.id, graduate.universityId))
      .where(isNotNull(graduate.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      className: '计科2001班',
      university: 'U-10657',
      isRegisteredPoor: true,
      isFocusCounty: true,
    });
    expect(rows[0]!.name.startsWith('吴')).toBe(true);
  });

  it('records qualifications in the needs: the demo graduate’s both, a share of the others’', async () => {
    const db = deps.database.db;
    const [mine] = await db
      .select({ needs: ledgerCase.needs })
      .from(ledgerCase)
      .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
      .innerJoin(appUser, eq(appUser.id, graduate.userId))
      .where(eq(appUser.username, 'graduate_demo'));
    expect(mine!.needs).toMatchObject({ partyMember: false, teacherCertificate: true });
    const all = (await db.select({ needs: ledgerCase.needs }).from(ledgerCase)).map((r) => r.needs);
    const share = (pick: (n: (typeof all)[number]) => unknown, v: unknown) =>
      all.filter((n) => pick(n) === v).length / all.length;
    expect(share((n) => n.partyMember, true)).toBeGreaterThan(0.03);
    expect(share((n) => n.partyMember, true)).toBeLessThan(0.2);
    expect(share((n) => n.teacherCertificate, true)).toBeGreaterThan(0.03);
    expect(share((n) => n.partyMember ?? null, null)).toBeGreaterThan(0.2);
  });

  it('gives the demo counselor and 贵州大学 graduates to see, and keeps universities apart', async () => {
    expect((await countGraduates(deps, await ctxOf('gzu_counselor'), {})).total).toBeGreaterThan(0);
    const gzu = await countGraduates(deps, await ctxOf('gzu_admin'), {});
    expect(gzu.total).toBeGreaterThan(SIZE / 20);
    expect(gzu.byUniversity.map((u) => u.code)).toEqual(['U-10657']);
  });

  it('has a default importer for each kind of file', async () => {
    const db = deps.database.db;
    expect(await findDefaultImporter(db, 'roster', 'U-10657')).toBe('gzu_admin');
    expect(await findDefaultImporter(db, 'roster', '10001')).toBe('u10001_admin');
    expect(await findDefaultImporter(db, 'roster', 'U-10610')).toBeUndefined();
    expect(await findDefaultImporter(db, 'registry')).toBe('gz_fupin');
    const importers = await db
      .select({ username: appUser.username })
      .from(appUser)
      .where(inArray(appUser.username, ['gx_edu', 'xj_fupin']));
    expect(importers).toHaveLength(2);
  });

  it('seeds employers with valid credit codes, posts of every kind, applications and the 专升本 plan', async () => {
    const db = deps.database.db;
    const profiles = await db.select().from(employerProfile);
    expect(profiles.length).toBeGreaterThan(30);
    expect(profiles.every((p) => parseCreditCode(p.creditCode).ok)).toBe(true);
    expect(profiles.filter((p) => p.status === 'pending')).toHaveLength(1);
    expect(
      await db.query.appUser.findFirst({ where: (t, { eq }) => eq(t.username, 'employer_pending') }),
    ).toBeTruthy();
    const posts = await db.select().from(opportunity);
    expect(posts.length).toBe(seeded!.opportunities.posts);
    expect(posts.length).toBeGreaterThanOrEqual(190);
    expect(new Set(posts.map((p) => p.kind))).toEqual(new Set(OPPORTUNITY_KINDS));
    expect(posts.some((p) => p.kind === 'tegang' && p.regionCodes.includes('520526'))).toBe(true);
    const demoOrg = await db.query.orgUnit.findFirst({
      where: (t, { eq }) => eq(t.code, 'E-91520100MA6DEMO01X'),
    });
    expect(posts.filter((p) => p.ownerOrgId === demoOrg!.id).length).toBeGreaterThan(5);
    const apps = await db.select().from(application);
    expect(apps.length).toBe(seeded!.opportunities.applications);
    expect(new Set(apps.map((a) => a.status))).toEqual(
      new Set(['applied', 'interview', 'offer', 'hired', 'rejected', 'withdrawn']),
    );
    for (const p of posts) {
      const mine = apps.filter((a) => a.opportunityId === p.id);
      expect(p.applicantCount).toBe(mine.filter((a) => a.status !== 'withdrawn').length);
      if (p.quota !== null) expect(p.quotaUsed).toBeLessThanOrEqual(p.quota);
    }
    const hired = apps.filter((a) => a.status === 'hired');
    const cases = await db
      .select()
      .from(ledgerCase)
      .where(
        inArray(
          ledgerCase.id,
          hired.map((a) => a.caseId!),
        ),
      );
    expect(cases.every((c) => c.status === 'placed' && c.destinationCode)).toBe(true);
    // the demo graduate's own account (other graduates may have self-service accounts too)
    const account = await db.query.appUser.findFirst({
      where: (t, { eq }) => eq(t.username, 'graduate_demo'),
    });
    const me = await db.query.graduate.findFirst({ where: (t, { eq }) => eq(t.userId, account!.id) });
    expect(
      apps
        .filter((a) => a.graduateId === me!.id)
        .map((a) => a.status)
        .sort(),
    ).toEqual(['applied', 'interview']);
    const [plan] = await db.select().from(zsbPlan);
    expect(plan).toMatchObject({ provinceCode: '520000', cohort: 2020, ratioBp: 1000 });
  });
});

describe('seedDemo pushes', () => {
  it('fills the push funnel: pushed ≥ viewed ≥ applied, each push application after its push', async () => {
    const db = deps.database.db;
    expect(seeded!.pushes!.pushes).toBeGreaterThan(0);
    const funnel = await getFunnel(deps, await ctxOf('ministry'), {
      groupBy: 'staff',
      page: 1,
      pageSize: 50,
    });
    const { pushed, viewed, applied } = funnel.total;
    expect(applied).toBeGreaterThan(0);
    expect(pushed).toBeGreaterThanOrEqual(viewed);
    expect(viewed).toBeGreaterThanOrEqual(applied);
    // pushed by staff who may write the case: counselors, helpers, employment centres, the county bureau
    const pushers = await db
      .selectDistinct({ roles: appUser.roles })
      .from(push)
      .innerJoin(appUser, eq(appUser.id, push.actorUserId));
    for (const p of pushers)
      expect(
        p.roles.some((r) => ['counselor', 'helper', 'university_admin', 'county_hrss'].includes(r)),
      ).toBe(true);
    const pushes = await db.select().from(push);
    expect(pushes.every((p) => p.status === 'sent' && p.countedOn && p.sentAt)).toBe(true);
    // never more than the daily limit of posts per graduate and day
    const perDay = new Map<string, Set<string>>();
    for (const p of pushes) {
      const key = `${p.graduateId}:${p.countedOn}`;
      perDay.set(key, new Set([...(perDay.get(key) ?? []), p.opportunityId]));
    }
    expect(Math.max(...[...perDay.values()].map((s) => s.size))).toBeLessThanOrEqual(3);
    const fromPush = await db.select().from(application).where(eq(application.source, 'push'));
    expect(fromPush.length).toBeGreaterThan(0);
    for (const a of fromPush) {
      const first = pushes.find((p) => p.graduateId === a.graduateId && p.opportunityId === a.opportunityId);
      expect(first?.createdAt.getTime()).toBeLessThan(a.createdAt.getTime());
      expect(first?.viewedAt?.getTime()).toBeLessThan(a.createdAt.getTime());
    }
  });

  it('shows graduate_demo its pushed posts, one viewed and one not', async () => {
    const mine = await listMyPushes(deps, await ctxOf('graduate_demo'));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.length).toBeLessThanOrEqual(3);
    expect(mine.some((m) => m.viewedAt)).toBe(true);
    expect(mine.some((m) => !m.viewedAt)).toBe(true);
    expect(mine.every((m) => m.pushedBy)).toBe(true);
  });

  it('writes nothing a graduate reads with a word about poverty or the assisted group', async () => {
    // the self-service pages show push notes and post texts as seeded (the browser journey checks the page)
    const notes = await deps.database.db.selectDistinct({ t: push.reason }).from(push);
    const posts = await deps.database.db
      .selectDistinct({ title: opportunity.title, description: opportunity.description })
      .from(opportunity);
    const texts = [...notes.map((n) => n.t), ...posts.flatMap((p) => [p.title, p.description ?? ''])];
    expect(texts.length).toBeGreaterThan(10);
    for (const word of ['贫困', '建档立卡', '扶贫', '52县', '重点县', '帮扶对象'])
      expect(texts.filter((x) => x.includes(word))).toEqual([]);
  });
});
