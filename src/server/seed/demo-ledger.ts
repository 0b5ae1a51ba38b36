import { eq, inArray, sql } from 'drizzle-orm';
import type { TRole } from '../../domain/roles.ts';
import { systemCtx, type TDeps } from '../context.ts';
import { queryRows } from '../db/query.ts';
import { appUser, orgUnit } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { actingCtx, findActingUser } from '../modules/auth/acting-user.ts';
import { createUser } from '../modules/auth/users.service.ts';
import { commitHandover, previewHandover } from '../modules/ledger/handover.service.ts';
import { assign, suggest } from '../modules/ledger/pairing.service.ts';

/*
 * The demo ledger: two months of plausible work on the demo cases, so the worklists, 四清 and escalation have
 * something to show. Dates are relative to the seeding moment, and the demo cohort is the latest one that has
 * left school by then (decision 0017), so the cases open inside that cohort's season and nothing is dated before
 * its case was opened or after today (demo-calendar.test.ts). Pairings go through the
 * pairing service; the case activity is written set-based (thousands of cases in one statement each), with one
 * audit record for the seed.
 */

/** More helpers at 贵州大学: a second university leader and a 处级 cadre per demo college. */
const DEMO_HELPERS: { username: string; displayName: string; orgCode: string; phone: string }[] = [
  {
    username: 'gzu_helper2',
    displayName: '孙校长',
    orgCode: 'U-10657',
    phone: '0851-83620001',
  },
  {
    username: 'gzu_helper3',
    displayName: '钱处长（学生工作处）',
    orgCode: 'U-10657-C01',
    phone: '0851-83620002',
  },
  {
    username: 'gzu_helper4',
    displayName: '冯处长（招生就业处）',
    orgCode: 'U-10657-C02',
    phone: '0851-83620003',
  },
];

/**
 * How long ago the demo's story begins: the rosters were imported (and the cases opened) this many days before
 * the seeding moment; the activity below falls between then and now.
 */
export const DEMO_STORY_DAYS = 60;

/** Share of a university's cases the demo pairs: the rest show up in the pairing coverage view. */
const PAIRED_SHARE = 0.85;
/** 威宁彝族回族苗族自治县, the demo county bureau (weining_hrss) */
const WEINING = '520526';

export async function seedDemoLedger(deps: TDeps, password: string, cohort: number) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const ctx = systemCtx();
  const orgs = await db
    .select({ id: orgUnit.id, code: orgUnit.code })
    .from(orgUnit)
    .where(inArray(orgUnit.code, [...new Set(DEMO_HELPERS.map((h) => h.orgCode))]));
  for (const h of DEMO_HELPERS) {
    if (!orgs.some((o) => o.code === h.orgCode)) continue;
    const roles: TRole[] = ['helper'];
    await createUser(deps, ctx, {
      username: h.username,
      displayName: h.displayName,
      orgCode: h.orgCode,
      roles,
      password,
    });
  }
  for (const [username, phone] of [
    ['gzu_helper', '0851-83620000'],
    ...DEMO_HELPERS.map((h) => [h.username, h.phone]),
  ]) {
    await db.update(appUser).set({ contactPhone: phone }).where(eq(appUser.username, username!));
  }
  await seedActivity(deps, now);
  const paired = await pairDemoUniversity(deps);
  const handedOver = await handOverToWeining(deps, cohort);
  await db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      { action: 'seed.demo_ledger', after: { helpers: DEMO_HELPERS.length, paired, handedOver } },
      now,
    ),
  );
  return { paired, handedOver };
}

/** Pair most of 贵州大学's cases through the pairing service, as its admin would with the suggestion. */
async function pairDemoUniversity(deps: TDeps) {
  const acting = await findActingUser(deps.database.db, 'gzu_admin');
  if (!acting) return 0;
  const ctx = actingCtx(acting.user, 'seed');
  const suggestion = await suggest(deps, ctx, {});
  const pairs = suggestion.items
    .filter((_, i) => i < Math.floor(suggestion.items.length * PAIRED_SHARE))
    .map((s) => ({ caseId: s.caseId, helperUserId: s.helperUserId }));
  if (pairs.length === 0) return 0;
  const result = await assign(deps, ctx, { pairs });
  return result.assigned;
}

/**
 * The demo cohort has left school: universities with an admin account hand their still-seeking graduates from 威宁
 * to the 威宁 HRSS bureau through the handover service, so `weining_hrss` has a caseload to continue. Graduates of
 * the demo counselor's classes stay at school (their worklist stays writable), and every other county is left for
 * `gzu_admin` to try on the handover page.
 */
async function handOverToWeining(deps: TDeps, cohort: number) {
  const admins = await queryRows<{ username: string }>(
    deps.database.db,
    sql`select distinct u.username from ledger_case c join graduate g on g.id = c.graduate_id
      join app_user u on u.org_id = c.university_id and 'university_admin' = any(u.roles)
      where g.domicile_county_code = ${WEINING} order by u.username`,
  );
  const kept = new Set(
    (
      await queryRows<{ className: string }>(
        deps.database.db,
        sql`select class_name as "className" from counselor_class`,
      )
    ).map((r) => r.className),
  );
  let count = 0;
  for (const { username } of admins) {
    const acting = await findActingUser(deps.database.db, username);
    if (!acting) continue;
    const ctx = actingCtx(acting.user, 'seed');
    const preview = await previewHandover(deps, ctx, cohort);
    const caseIds = preview.cases
      .filter((c) => c.countyCode === WEINING && !kept.has(c.className ?? ''))
      .map((c) => c.caseId);
    if (preview.notYet || caseIds.length === 0) continue;
    await commitHandover(deps, ctx, { cohort, caseIds });
    count += caseIds.length;
  }
  return count;
}

/**
 * Set-based activity: each case draws its numbers from a hash of its id, so the spread is even and every
 * statement touches all cases at once. Columns first, then the timeline events that explain them.
 */
async function seedActivity(deps: TDeps, now: Date) {
  const { db } = deps.database;
  const t = sql`${now.toISOString()}::timestamptz`;
  const h = (salt: string) => sql.raw(`(abs(hashtext(id::text || '${salt}')) % 100)`);
  // the demo graduate (the one with a self-service account) is always still looking for work, so the
  // self-service pages, the zone and the demo applications have something to show whatever the hashes give
  const hasAccount = sql.raw(
    `exists (select 1 from graduate ga where ga.id = ledger_case.graduate_id and ga.user_id is not null)`,
  );
  await db.execute(sql`
    update ledger_case set
      profile_verified_at = case when ${h('pv')} < 80 then ${t} - (${h('pvd')} % 40 + 5) * interval '1 day' end,
      intention = case when ${hasAccount} then 'employment' when ${h('in')} < 60 then 'employment' when ${h('in')} < 70 then 'further_study'
        when ${h('in')} < 74 then 'military' when ${h('in')} < 80 then 'grassroots' when ${h('in')} < 84 then 'entrepreneurship'
        when ${h('in')} < 92 then 'not_now' else 'none' end,
      last_contact_at = case when ${h('lc')} < 90 then ${t} - (${h('lcd')} % 20) * interval '1 day' - interval '3 hours' end,
      last_measure_at = case when ${h('lm')} < 75 then ${t} - (${h('lmd')} % 40) * interval '1 day' end,
      progress_updated_at = case when ${h('pu')} < 60 then ${t} - (${h('pud')} % 35) * interval '1 day' end`);
  // qualifications recorded for about half the cases (the rest null: not yet asked); ≈10 % party members; a
  // teacher certificate for most education graduates and a few others. The demo graduate has both recorded
  // (not a member, certificate held) so 特岗 posts preferring the certificate rank for them.
  const demoGraduate = sql.raw(
    `exists (select 1 from graduate gd join app_user u on u.id = gd.user_id where gd.id = ledger_case.graduate_id and u.username = 'graduate_demo')`,
  );
  const teaching = sql.raw(
    `exists (select 1 from graduate gm where gm.id = ledger_case.graduate_id and (gm.major_code like '0401%' or gm.major_code like '6701%'))`,
  );
  await db.execute(sql`
    update ledger_case set
      needs = jsonb_build_object('regions', jsonb_build_array(coalesce(province_code, '520000')),
        'returnHome', ${h('rh')} < 55, 'partnerProvinces', ${h('pp')} < 35,
        'industries', case when ${h('ind')} < 50 then '["I","M"]'::jsonb else '["P","Q"]'::jsonb end,
        'postKinds', case when ${h('pk')} < 40 then '["state_owned","public_institution"]'::jsonb else '["enterprise"]'::jsonb end,
        'salaryFloor', 2500 + (${h('sal')} % 6) * 500, 'constraints', '',
        'services', case when ${h('sv')} < 20 then '["guidance","psychological"]'::jsonb else '["guidance","post_recommendation"]'::jsonb end,
        'partyMember', case when ${demoGraduate} then false when ${h('pm')} < 10 then true when ${h('pm')} < 55 then false end,
        'teacherCertificate', case when ${demoGraduate} then true when ${teaching} then ${h('tc')} < 60
          when ${h('tc')} < 12 then true when ${h('tc')} < 50 then false end),
      needs_confirmed_at = case when ${h('nc')} < 75 then ${t} - (${h('ncd')} % 28) * interval '1 day'
        else ${t} - interval '50 days' end,
      plan_text = '每两周电话跟踪；优先推送本省及东西部协作省份岗位；参加学校专场招聘会。',
      planned_measures = '{career_guidance,post_push,special_fair}'
    where intention is not null`);
  await db.execute(sql`
    update ledger_case set status = 'paused' where intention in ('not_now', 'none')`);
  await db.execute(sql`
    update ledger_case set status = 'placed', progress_updated_at = ${t} - (${h('dd')} % 20) * interval '1 day',
      destination_code = case when intention = 'grassroots' then '50' when intention = 'military' then '46'
        when intention = 'further_study' then '80' else '10' end,
      destination = jsonb_build_object('employer', case when intention = 'grassroots' then '西部计划贵州项目办'
        when intention = 'military' then '中国人民解放军' when intention = 'further_study' then '贵州大学研究生院'
        else '贵州黔程数字科技有限公司' end, 'natureCode', null, 'regionCode', '520100', 'date', null,
        'evidenceFileId', null)
    where status = 'seeking' and ${h('pl')} < 30 and not ${hasAccount}`);
  // the timeline: one event per recorded date, by a plausible actor
  const actor = sql`coalesce((select u.display_name from counselor_class cc join app_user u on u.id = cc.user_id
      join graduate g on g.id = c.graduate_id where cc.college_id = g.college_id and cc.class_name = g.class_name
      limit 1), '辅导员')`;
  await db.execute(sql`
    insert into case_event (case_id, kind, at, occurred_on, actor_name, data, private)
    select c.id, k.kind, k.at, (k.at at time zone 'Asia/Shanghai')::date, ${actor}, k.data, k.private
    from ledger_case c cross join lateral (values
      ('profile_verified', c.profile_verified_at, '{}'::jsonb, false),
      ('needs', c.needs_confirmed_at, jsonb_build_object('intention', c.intention, 'needs', c.needs, 'confirmed', true), false),
      ('plan', least(c.needs_confirmed_at + interval '1 hour', ${t}), jsonb_build_object('planText', c.plan_text,
        'plannedMeasures', to_jsonb(c.planned_measures)), false),
      ('follow_up', c.last_contact_at - interval '14 days', jsonb_build_object('method', 'phone',
        'content', '电话了解求职意向和近期面试安排', 'nextDue', null, 'private', false), false),
      ('follow_up', c.last_contact_at, jsonb_build_object('method', case when ${h('fm')} < 50 then 'wechat' else 'in_person' end,
        'content', '了解投递进展，推荐两个本省岗位', 'nextDue', null, 'private', false), false),
      ('follow_up', case when ${h('ps')} < 6 then c.last_contact_at - interval '7 days' end,
        jsonb_build_object('method', 'in_person', 'content', '求职受挫，情绪低落；约定每周谈心一次', 'nextDue', null,
          'private', true), true),
      ('measure', c.last_measure_at, jsonb_build_object('item', case when ${h('mi')} < 40 then 'special_fair'
        when ${h('mi')} < 70 then 'post_push' else 'career_guidance' end, 'group', case when ${h('mi')} < 70
        then 'recruitment' else 'services' end, 'note', ''), false),
      ('progress', c.progress_updated_at, jsonb_build_object('kind', case when ${h('pg')} < 60 then 'application'
        else 'interview' end, 'employer', '贵州黔程数字科技有限公司', 'post', '软件测试工程师', 'note', ''), false),
      ('destination', case when c.destination_code is not null then c.progress_updated_at end,
        jsonb_build_object('code', c.destination_code) || coalesce(c.destination, '{}'::jsonb), false)
    ) as k(kind, at, data, private)
    where k.at is not null
    order by k.at`);
}
