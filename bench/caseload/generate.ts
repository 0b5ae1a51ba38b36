import { randomUUID } from 'node:crypto';
import { maskIdNumber } from '../../src/domain/id-number.ts';
import { MEASURE_ITEMS, type TFollowUpMethod, type TProgressKind } from '../../src/domain/ledger/codes.ts';
import type { TCrypto } from '../../src/server/crypto.ts';
import { collegeCode, type TDemoUniversity } from '../../src/server/seed/demo-orgs.ts';
import { makeName, type TGender } from '../../src/server/seed/demo-people.ts';
import type { DemoPopulation } from '../../src/server/seed/demo-population.ts';
import { drawFrom, type Prng, parseWeighted } from '../../src/server/seed/prng.ts';

/*
 * Synthetic caseload for the caseload benchmark: one university at a time, the target graduates (people from
 * the demo generator, real ID numbers encrypted with the project's crypto), their counselors (two classes each),
 * helpers (5–10 paired cases each), one admin, and the case files as they look months into the season: dates of
 * needs, measures, follow-ups and progress spread between the case opening and now, most placed, some handed
 * over to the county HRSS bureau after leaving school, and the matching timeline events.
 */

type TRow = Record<string, unknown>;

/** Column lists in COPY order; the generator's rows are keyed by these SQL names. */
export const COLUMNS = {
  app_user: ['id', 'username', 'display_name', 'password_hash', 'org_id', 'roles', 'created_at'],
  counselor_class: ['user_id', 'college_id', 'class_name'],
  graduate: [
    'id',
    'cohort',
    'name',
    'id_hash',
    'id_encrypted',
    'id_masked',
    'university_id',
    'university_province_code',
    'college_id',
    'class_name',
    'college_name',
    'domicile_county_code',
    'domicile_raw_code',
    'domicile_source',
    'province_code',
    'gender',
    'ethnicity',
    'birth_date',
    'student_no',
    'major_code',
    'major_name',
    'level',
    'phone_encrypted',
    'difficulty_code',
    'is_registered_poor',
    'is_focus_county',
    'is_target',
    'target_reasons',
    'created_at',
  ],
  ledger_case: [
    'id',
    'graduate_id',
    'cohort',
    'university_id',
    'province_code',
    'status',
    'stage',
    'holder_org_id',
    'handed_over_at',
    'opened_at',
    'intention',
    'needs',
    'needs_confirmed_at',
    'plan_text',
    'planned_measures',
    'profile_verified_at',
    'last_measure_at',
    'last_contact_at',
    'next_follow_up_due',
    'progress_updated_at',
    'destination_code',
    'destination',
    'version',
    'updated_at',
    'updated_by',
    'helper_user_id',
    'paired_at',
  ],
  helper_pairing: [
    'id',
    'graduate_id',
    'helper_user_id',
    'started_at',
    'ended_at',
    'assigned_by',
    'ended_by',
    'end_reason',
  ],
  case_event: ['case_id', 'kind', 'at', 'occurred_on', 'actor_user_id', 'actor_name', 'data', 'private'],
  handover_batch: ['id', 'university_id', 'cohort', 'case_count', 'created_by', 'created_at'],
  case_handover: ['id', 'batch_id', 'case_id', 'from_org_id', 'to_org_id', 'at'],
} as const;
export type TTable = keyof typeof COLUMNS;
/** Parents first (foreign keys). */
export const TABLE_ORDER: TTable[] = [
  'app_user',
  'counselor_class',
  'graduate',
  'ledger_case',
  'helper_pairing',
  'handover_batch',
  'case_handover',
  'case_event',
];

export type TBatch = Record<TTable, TRow[]>;

export type TGenContext = {
  rng: Prng;
  population: DemoPopulation;
  crypto: TCrypto;
  cohort: number;
  now: Date;
  passwordHash: string;
  /** org code → id */
  orgIds: Map<string, string>;
  /** focus county code → its HRSS bureau's org id */
  bureaus: Map<string, string>;
  focusListKey: string;
  focusListName: string;
};

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
const pgArray = (items: readonly string[]) => `{${items.join(',')}}`;

const STATUS = parseWeighted('placed:55 seeking:33 paused:7 closed:5');
const PLACED_DEST = parseWeighted('10:30 11:25 12:10 27:2 46:3 50:6 51:6 75:3 76:5 80:8 85:2');
const INTENTION = parseWeighted(
  'employment:70 further_study:10 grassroots:7 military:3 entrepreneurship:3 not_now:5 none:2',
);
const METHODS = parseWeighted('phone:45 wechat:35 in_person:15 home_visit:5');
const PROGRESS = parseWeighted('application:50 interview:30 offer:12 rejected:8');
const NATURE = parseWeighted('39:40 31:20 21:10 32:8 22:6 10:4 40:12');
const MEASURE_COUNT = parseWeighted('0:60 1:35 2:5');
const FOLLOW_UP_COUNT = parseWeighted('0:50 1:42 2:8');
const EMPLOYERS = [
  '黔程数字科技',
  '贵州茅台集团',
  '中建四局',
  '华为技术',
  '比亚迪',
  '顺丰速运',
  '国家电网',
  '中国移动',
];
const POSTS = ['软件开发', '行政助理', '销售代表', '教师', '会计', '技术员', '客服专员', '储备干部'];
const FOLLOW_UP_TEXT = [
  '电话了解求职进展，已投递简历',
  '微信推送岗位信息',
  '面谈：讨论求职方向与简历修改',
  '家访，了解家庭情况和就业意愿',
  '推荐参加专场招聘会',
];

/** A moment between `from` and `to` (ms), never after `to`. */
const between = (rng: Prng, from: number, to: number) =>
  from + Math.floor(rng.next() * Math.max(0, to - from));

type TEvent = {
  case_id: string;
  kind: string;
  at: number;
  occurred_on: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  private: boolean;
};

type TStaff = { id: string; name: string };

/** Counts for the report. */
export type TGenStats = {
  graduates: number;
  cases: number;
  events: number;
  counselors: number;
  helpers: number;
  pairings: number;
  handedOver: number;
  placed: number;
};

/**
 * One university's rows. `size` target graduates; counselors keep two consecutive classes of a college; the
 * paired cases are dealt to helpers 5–10 at a time.
 */
export function generateUniversity(
  g: TGenContext,
  u: TDemoUniversity,
  uIndex: number,
  size: number,
): { batch: TBatch; stats: TGenStats } {
  const { rng, population, crypto } = g;
  const universityId = g.orgIds.get(u.code)!;
  const uProvince = `${u.regionCode.slice(0, 2)}0000`;
  const batch: TBatch = {
    app_user: [],
    counselor_class: [],
    graduate: [],
    ledger_case: [],
    helper_pairing: [],
    case_event: [],
    handover_batch: [],
    case_handover: [],
  };
  const stats: TGenStats = {
    graduates: 0,
    cases: 0,
    events: 0,
    counselors: 0,
    helpers: 0,
    pairings: 0,
    handedOver: 0,
    placed: 0,
  };
  const createdAt = iso(g.now.getTime() - 300 * DAY);
  const staff = (username: string, orgId: string, role: string, title: string): TStaff => {
    const gender: TGender = rng.chance(0.5) ? 'male' : 'female';
    const name = `${makeName(rng, gender, u.regionCode, '汉族')}${title}`;
    const id = randomUUID();
    batch.app_user.push({
      id,
      username,
      display_name: name,
      password_hash: g.passwordHash,
      org_id: orgId,
      roles: pgArray([role]),
      created_at: createdAt,
    });
    return { id, name };
  };
  const admin = staff(`bua_${uIndex}`, universityId, 'university_admin', '（就业指导中心）');

  // the people: the demo generator's graduates of this university, all in the target group
  population.startUniversity();
  type TPerson = { gradId: string; caseId: string; collegeIdx: number; className: string; county: string };
  const people: TPerson[] = [];
  const leaving = Date.parse(`${g.cohort}-06-30T15:59:59Z`);
  for (let i = 0; i < size; i++) {
    const p = population.graduate(u);
    const [
      name,
      idNumber,
      gender,
      ethnicity,
      level,
      college,
      className,
      majorCode,
      majorName,
      domicile,
      phone,
    ] = p.cells as [string, string, string, string, string, string, string, string, string, string, string];
    const difficulty = p.cells[11]!;
    const collegeIdx = u.colleges.indexOf(college);
    const focus = p.origin.kind === 'focus';
    const registeredPoor = !focus || rng.chance(0.55);
    const reasons: Record<string, unknown> = {};
    if (registeredPoor)
      reasons.registeredPoor = {
        countyCode: p.origin.county,
        householdRef: `${p.origin.county}${String(rng.int(100_000_000, 999_999_999))}`,
      };
    if (focus)
      reasons.focusCounty = { countyCode: p.origin.county, list: g.focusListKey, listName: g.focusListName };
    const gradId = randomUUID();
    batch.graduate.push({
      id: gradId,
      cohort: g.cohort,
      name,
      id_hash: crypto.keyedHash(idNumber),
      id_encrypted: crypto.encrypt(idNumber),
      id_masked: maskIdNumber(idNumber),
      university_id: universityId,
      university_province_code: uProvince,
      college_id: g.orgIds.get(collegeCode(u.code, collegeIdx))!,
      class_name: className,
      college_name: college,
      domicile_county_code: p.origin.county,
      domicile_raw_code: domicile || p.origin.idPrefix,
      domicile_source: domicile ? 'cell' : 'id_prefix',
      province_code: `${p.origin.county.slice(0, 2)}0000`,
      gender,
      ethnicity,
      birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      student_no: `${g.cohort - 4}${String(uIndex).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`,
      major_code: majorCode,
      major_name: majorName,
      level,
      phone_encrypted: phone ? crypto.encrypt(phone) : null,
      difficulty_code: difficulty,
      is_registered_poor: registeredPoor,
      is_focus_county: focus,
      is_target: true,
      target_reasons: reasons,
      created_at: iso(leaving - 130 * DAY),
    });
    people.push({ gradId, caseId: randomUUID(), collegeIdx, className, county: p.origin.county });
  }
  stats.graduates = people.length;

  // counselors: the classes of each college in order, two per counselor
  const classes = new Map<string, TPerson[]>();
  for (const p of people) {
    const key = `${p.collegeIdx}|${p.className}`;
    const list = classes.get(key);
    if (list) list.push(p);
    else classes.set(key, [p]);
  }
  const counselorOf = new Map<string, TStaff>();
  const byCollege = new Map<number, string[]>();
  for (const key of [...classes.keys()].sort()) {
    const c = Number(key.split('|')[0]);
    byCollege.set(c, [...(byCollege.get(c) ?? []), key]);
  }
  let nCounselor = 0;
  for (const [c, keys] of byCollege) {
    const collegeId = g.orgIds.get(collegeCode(u.code, c))!;
    for (let k = 0; k < keys.length; k += 2) {
      const counselor = staff(`bc_${uIndex}_${++nCounselor}`, collegeId, 'counselor', '');
      for (const key of keys.slice(k, k + 2)) {
        counselorOf.set(key, counselor);
        batch.counselor_class.push({
          user_id: counselor.id,
          college_id: collegeId,
          class_name: key.split('|')[1],
        });
      }
    }
  }
  stats.counselors = nCounselor;

  // the cases
  const nowMs = g.now.getTime();
  const handovers: { caseId: string; from: string; to: string; at: number }[] = [];
  const paired: { p: TPerson; counselor: TStaff; start: number; caseId: string }[] = [];
  const eventsOf = new Map<string, TEvent[]>();
  for (const p of people) {
    const counselor = counselorOf.get(`${p.collegeIdx}|${p.className}`)!;
    const events: TEvent[] = [];
    const ev = (
      kind: string,
      at: number,
      data: Record<string, unknown> = {},
      extra: Partial<TEvent> = {},
    ) => {
      const logged = Math.min(
        nowMs,
        at + (rng.chance(0.3) ? rng.int(1, 36) * 3_600_000 : rng.int(1, 300) * 60_000),
      );
      events.push({
        case_id: p.caseId,
        kind,
        at: logged,
        occurred_on: null,
        actor_user_id: counselor.id,
        actor_name: counselor.name,
        data,
        private: false,
        ...extra,
      });
      return logged;
    };
    const opened = leaving - rng.int(100, 140) * DAY;
    const status = drawFrom(rng, STATUS);
    const placedAt =
      status === 'placed' ? between(rng, opened + 30 * DAY, Math.min(nowMs, leaving + 90 * DAY)) : 0;
    const workEnd =
      status === 'placed' ? placedAt : status === 'seeking' ? nowMs : between(rng, leaving, nowMs);
    let version = 1;

    // 就业需求: most recorded in the first month, some seeking cases reconfirmed lately
    let intention: string | null = null;
    let needs: Record<string, unknown> = {};
    let needsConfirmedAt: number | null = null;
    if (rng.chance(0.7)) {
      intention = drawFrom(rng, INTENTION);
      needs = {
        regions: [`${p.county.slice(0, 4)}00`],
        returnHome: rng.chance(0.4),
        partnerProvinces: rng.chance(0.2),
        industries: [rng.pick(['C', 'I', 'P', 'Q', 'F', 'G'])],
        postKinds: [rng.pick(['enterprise', 'state_owned', 'public_institution', 'civil_service'])],
        salaryFloor: rng.int(25, 60) * 100,
        services: [rng.pick(['guidance', 'post_recommendation', 'skills_training', 'job_search_subsidy'])],
      };
      needsConfirmedAt = ev('needs', between(rng, opened, opened + 30 * DAY), {
        intention,
        needs,
        confirmed: true,
      });
      version++;
      if (status === 'seeking' && rng.chance(0.15)) {
        needsConfirmedAt = ev('needs', between(rng, nowMs - 30 * DAY, nowMs), {
          intention,
          needs,
          confirmed: true,
        });
        version++;
      }
    }
    let planText: string | null = null;
    let planned: string[] = [];
    if (rng.chance(0.15)) {
      planned = [rng.pick(MEASURE_ITEMS), rng.pick(MEASURE_ITEMS)].filter((m, i, a) => a.indexOf(m) === i);
      planText = `一人一策：${intention === 'further_study' ? '升学辅导' : '岗位推荐'}，每两周跟踪一次`;
      ev('plan', between(rng, opened, opened + 40 * DAY), { planText, plannedMeasures: planned });
      version++;
    }
    let profileVerifiedAt: number | null = null;
    if (rng.chance(0.3)) {
      profileVerifiedAt = ev('profile_verified', between(rng, opened, opened + 45 * DAY));
      version++;
    }
    // 一帮一: most paired within two weeks of opening
    if (rng.chance(0.9)) {
      const start = opened + rng.int(0, 14) * DAY + rng.int(0, 86_399) * 1000;
      paired.push({ p, counselor, start, caseId: p.caseId });
    }
    // measures and follow-ups over the working period
    let lastMeasure: number | null = null;
    for (let k = Number(drawFrom(rng, MEASURE_COUNT)); k > 0; k--) {
      const when = between(rng, opened, workEnd);
      const item = rng.pick(MEASURE_ITEMS);
      ev('measure', when, { item, date: day(when), note: '' }, { occurred_on: day(when) });
      lastMeasure = Math.max(lastMeasure ?? 0, when);
    }
    let lastContact: number | null = null;
    let nextDue: number | null = null;
    const followUps = Number(drawFrom(rng, FOLLOW_UP_COUNT)) + (rng.chance(0.005) ? rng.int(10, 30) : 0);
    for (let k = followUps; k > 0; k--) {
      const when = between(rng, opened, workEnd);
      const method = drawFrom(rng, METHODS) as TFollowUpMethod;
      const due = rng.chance(0.5) ? when + 14 * DAY : null;
      const priv = rng.chance(0.05);
      ev(
        'follow_up',
        when,
        {
          date: day(when),
          method,
          content: priv ? '心理疏导：求职焦虑，约定下周再谈' : rng.pick(FOLLOW_UP_TEXT),
          nextDue: due ? day(due) : null,
          private: priv,
        },
        { occurred_on: day(when), private: priv },
      );
      if (lastContact === null || when > lastContact) {
        lastContact = when;
        nextDue = due;
      }
    }
    let progressAt: number | null = null;
    if (rng.chance(status === 'placed' ? 0.25 : 0.15)) {
      const when = between(rng, opened + 20 * DAY, workEnd);
      const kind = drawFrom(rng, PROGRESS) as TProgressKind;
      ev(
        'progress',
        when,
        { kind, employer: rng.pick(EMPLOYERS), post: rng.pick(POSTS), date: day(when), note: '' },
        { occurred_on: day(when) },
      );
      progressAt = when;
    }
    // destination and status
    let destinationCode: string | null = null;
    let destination: Record<string, unknown> | null = null;
    if (status === 'placed') {
      destinationCode = drawFrom(rng, PLACED_DEST);
      destination = {
        employer: destinationCode >= '80' ? '' : rng.pick(EMPLOYERS),
        natureCode: destinationCode >= '80' ? null : drawFrom(rng, NATURE),
        regionCode: `${p.county.slice(0, 4)}00`,
        date: day(placedAt),
        evidenceFileId: null,
      };
      ev('destination', placedAt, { code: destinationCode, ...destination }, { occurred_on: day(placedAt) });
      ev('status', placedAt, { from: 'seeking', to: 'placed' });
      version += 2;
      stats.placed++;
    } else if (status === 'seeking' && nowMs > leaving && rng.chance(0.4)) {
      const when = between(rng, leaving - 10 * DAY, leaving + 20 * DAY);
      destinationCode = '70';
      destination = {
        employer: '',
        natureCode: null,
        regionCode: null,
        date: day(when),
        evidenceFileId: null,
      };
      ev('destination', when, { code: destinationCode, ...destination }, { occurred_on: day(when) });
      version++;
    } else if (status === 'paused' || status === 'closed') {
      ev('status', workEnd, { from: 'seeking', to: status, note: status === 'paused' ? '暂不就业' : '结案' });
      version++;
    }
    // 离校未就业: seeking graduates of the focus counties handed to their county's HRSS bureau
    let stage = 'school';
    let holder = universityId;
    let handedOverAt: number | null = null;
    const bureau = g.bureaus.get(p.county);
    if (status === 'seeking' && bureau && nowMs > leaving + 45 * DAY && rng.chance(0.7)) {
      handedOverAt = leaving + rng.int(15, 45) * DAY;
      stage = 'handed_over';
      holder = bureau;
      handovers.push({ caseId: p.caseId, from: universityId, to: bureau, at: handedOverAt });
      events.push({
        case_id: p.caseId,
        kind: 'handover',
        at: handedOverAt,
        occurred_on: null,
        actor_user_id: admin.id,
        actor_name: admin.name,
        data: { from: universityId, to: bureau },
        private: false,
      });
      stats.handedOver++;
    }
    const last = events.reduce((m, e) => Math.max(m, e.at), 0);
    batch.ledger_case.push({
      id: p.caseId,
      graduate_id: p.gradId,
      cohort: g.cohort,
      university_id: universityId,
      province_code: `${p.county.slice(0, 2)}0000`,
      status,
      stage,
      holder_org_id: holder,
      handed_over_at: handedOverAt ? iso(handedOverAt) : null,
      opened_at: iso(opened),
      intention,
      needs,
      needs_confirmed_at: needsConfirmedAt ? iso(needsConfirmedAt) : null,
      plan_text: planText,
      planned_measures: pgArray(planned),
      profile_verified_at: profileVerifiedAt ? iso(profileVerifiedAt) : null,
      last_measure_at: lastMeasure ? iso(lastMeasure) : null,
      last_contact_at: lastContact ? iso(lastContact) : null,
      next_follow_up_due: nextDue ? iso(nextDue) : null,
      progress_updated_at: progressAt ? iso(progressAt) : null,
      destination_code: destinationCode,
      destination,
      version,
      updated_at: last ? iso(last) : null,
      updated_by: last ? counselor.id : null,
    });
    eventsOf.set(p.caseId, events);
  }
  stats.cases = batch.ledger_case.length;

  // helpers: the paired cases in random order, dealt 5–10 to each helper of the university
  for (let i = paired.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [paired[i], paired[j]] = [paired[j]!, paired[i]!];
  }
  const helpers: TStaff[] = [];
  for (let i = 0; i < paired.length; ) {
    const helper = staff(`bh_${uIndex}_${helpers.length + 1}`, universityId, 'helper', '');
    helpers.push(helper);
    const n = rng.int(5, 10);
    for (const { p, counselor, start, caseId } of paired.slice(i, i + n)) {
      const events = eventsOf.get(caseId)!;
      let current = start;
      // one in twenty was reassigned: an earlier pairing ended, with its own event
      if (helpers.length > 1 && rng.chance(0.05)) {
        const earlier = helpers[rng.int(0, helpers.length - 2)]!;
        const began = start;
        const ended = Math.min(nowMs, began + rng.int(10, 60) * DAY);
        current = ended;
        batch.helper_pairing.push({
          id: randomUUID(),
          graduate_id: p.gradId,
          helper_user_id: earlier.id,
          started_at: iso(began),
          ended_at: iso(ended),
          assigned_by: counselor.id,
          ended_by: counselor.id,
          end_reason: '帮扶责任人工作调动',
        });
        events.push({
          case_id: caseId,
          kind: 'pairing',
          at: began,
          occurred_on: null,
          actor_user_id: counselor.id,
          actor_name: counselor.name,
          data: { helperUserId: earlier.id, helperName: earlier.name, action: 'assign' },
          private: false,
        });
        stats.pairings++;
      }
      batch.helper_pairing.push({
        id: randomUUID(),
        graduate_id: p.gradId,
        helper_user_id: helper.id,
        started_at: iso(current),
        ended_at: null,
        assigned_by: counselor.id,
        ended_by: null,
        end_reason: null,
      });
      events.push({
        case_id: caseId,
        kind: 'pairing',
        at: current,
        occurred_on: null,
        actor_user_id: counselor.id,
        actor_name: counselor.name,
        data: { helperUserId: helper.id, helperName: helper.name, action: 'assign' },
        private: false,
      });
      stats.pairings++;
      // helpers log some of the follow-ups themselves
      for (const e of events) {
        if (e.kind === 'follow_up' && rng.chance(0.5)) {
          e.actor_user_id = helper.id;
          e.actor_name = helper.name;
        }
      }
    }
    i += n;
  }
  stats.helpers = helpers.length;
  // the case's copy of its current pairing (triggers keep it in the app; COPY here runs without them)
  const current = new Map<string, { helper: string; at: string }>();
  for (const hp of batch.helper_pairing)
    if (hp.ended_at === null)
      current.set(String(hp.graduate_id), { helper: String(hp.helper_user_id), at: String(hp.started_at) });
  for (const c of batch.ledger_case) {
    const cur = current.get(String(c.graduate_id));
    c.helper_user_id = cur?.helper ?? null;
    c.paired_at = cur?.at ?? null;
  }

  if (handovers.length > 0) {
    const batchId = randomUUID();
    const at = Math.min(...handovers.map((h) => h.at));
    batch.handover_batch.push({
      id: batchId,
      university_id: universityId,
      cohort: g.cohort,
      case_count: handovers.length,
      created_by: admin.id,
      created_at: iso(at),
    });
    for (const h of handovers)
      batch.case_handover.push({
        id: randomUUID(),
        batch_id: batchId,
        case_id: h.caseId,
        from_org_id: h.from,
        to_org_id: h.to,
        at: iso(h.at),
      });
  }

  // the timeline in the order things were recorded across the university (identity ids follow time, and a
  // case's events are spread over the table as they would be after a season of work)
  const all = [...eventsOf.values()].flat().sort((a, b) => a.at - b.at);
  for (const e of all) batch.case_event.push({ ...e, at: iso(e.at) });
  stats.events = all.length;
  return { batch, stats };
}
