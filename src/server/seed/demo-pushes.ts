import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { reachableChannels, type TPushChannel } from '../../domain/api/matching.ts';
import { DAY_MS } from '../../domain/ledger/rules.ts';
import { prepareCandidate, type TPreparedCandidate } from '../../domain/matching/prepare.ts';
import { explainMatch, rankPrepared } from '../../domain/matching/scorer.ts';
import { systemCtx, type TDeps } from '../context.ts';
import { queryRows } from '../db/query.ts';
import { application, caseEvent, notification, push } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { chinaDate } from '../modules/ledger/case-dates.ts';
import { FACT_COLUMNS, type TCaseFactRow, toCandidateFacts } from '../modules/matching/match-data.repo.ts';
import { getMatchingSettings } from '../modules/matching/matching-settings.ts';
import { getPostSet, type TPostSet } from '../modules/matching/post-set.ts';
import { postSummaries } from '../modules/matching/recommendations.repo.ts';
import { drawFrom, Prng } from './prng.ts';

/*
 * The demo's push funnel: over the past weeks staff pushed recommended posts to target graduates as the case
 * page's push does — one outbox row per graduate × post × channel (never a repeat), at most the daily limit of
 * posts per graduate and China date, a `push` event on the case, and an in-app notification for a graduate
 * with an account. The pusher is whoever may write the case: the graduate's counselor, else the paired helper,
 * else the university's employment centre; the county bureau once the case is handed over. Each application
 * with source 'push' gets its push (sent and viewed) before it; one whose university has no staff account to
 * push is relabelled 'zone'. Other graduates get one to three of their top recommendations, some viewed.
 * graduate_demo gets three pushed posts, one viewed and one not at least. Bulk inserts, one audit record.
 */

type TCaseRow = TCaseFactRow & {
  user_id: string | null;
  has_phone: boolean;
  status: string;
  actor_id: string | null;
  actor_name: string | null;
};
type TPushApp = { id: string; graduate_id: string; opportunity_id: string; created_at: Date | string };
type TPair = {
  c: TCaseRow;
  postId: string;
  at: Date;
  viewedAt: Date | null;
  channels: TPushChannel[];
};

/** Graduates (beyond those who applied after a push) who get pushes of their top recommendations. */
const EXTRA_CASES = 240;
const HOUR_MS = 3_600_000;
const CHANNELS: readonly (readonly [TPushChannel[], number])[] = [
  [['in_app'], 75],
  [['in_app', 'sms'], 10],
  [['sms'], 8],
  [['wechat'], 7],
];
const NOTES = [
  '',
  '',
  '专业对口，建议尽快报名',
  '离家近，符合你的返乡意愿',
  '单位优先录用应届毕业生，可以试试',
  '有疑问随时联系我',
] as const;

/**
 * The cohort's cases still seeking or that applied after a push, with who may push to them (null: nobody has
 * an account that may), the demo account first, then the counselors' classes.
 */
async function loadCases(deps: TDeps, cohort: number) {
  return queryRows<TCaseRow>(
    deps.database.db,
    sql`select f.*, u.display_name as actor_name from (
          select ${FACT_COLUMNS}, graduate.user_id, graduate.phone_encrypted is not null as has_phone, c.status,
            case when c.stage = 'handed_over' then (select u.id from app_user u where u.org_id = c.holder_org_id
                and u.active and 'county_hrss' = any(u.roles) order by u.username limit 1)
              else coalesce(
                (select u.id from counselor_class cc join app_user u on u.id = cc.user_id and u.active
                  where cc.college_id = graduate.college_id and cc.class_name = graduate.class_name
                  order by u.username limit 1),
                c.helper_user_id,
                (select u.id from app_user u where u.org_id = c.university_id and u.active
                  and 'university_admin' = any(u.roles) order by u.username limit 1)) end as actor_id
          from ledger_case c join graduate on graduate.id = c.graduate_id
          where c.cohort = ${cohort} and (c.status = 'seeking' or exists (
            select 1 from application a where a.case_id = c.id and a.source = 'push'))
        ) f left join app_user u on u.id = f.actor_id
        order by (f.user_id is null), coalesce('counselor' = any(u.roles), false) desc, md5(f.graduate_id::text)`,
  );
}

export async function seedDemoPushes(deps: TDeps, opts: { cohort: number; seed: number }) {
  const { db } = deps.database;
  const rng = new Prng(opts.seed + 11);
  const now = deps.clock.now();
  const today = chinaDate(now);
  const set = await getPostSet(deps, today);
  const { dailyPushLimit } = await getMatchingSettings(db);
  const cases = await loadCases(deps, opts.cohort);
  const byGraduate = new Map(cases.map((c) => [c.graduate_id, c]));
  const pushApps = await queryRows<TPushApp>(
    db,
    sql`select a.id, a.graduate_id, a.opportunity_id, a.created_at from application a
        join ledger_case c on c.id = a.case_id where a.source = 'push' and c.cohort = ${opts.cohort}
        order by a.created_at, a.id`,
  );
  const applied = await queryRows<{ graduate_id: string; opportunity_id: string }>(
    db,
    sql`select graduate_id, opportunity_id from application`,
  );
  const appliedTo = new Set(applied.map((a) => `${a.graduate_id}:${a.opportunity_id}`));
  const published = new Map(
    (
      await queryRows<{ id: string; at: Date | string }>(
        db,
        sql`select id, coalesce(published_at, created_at) as at from opportunity where status = 'open'`,
      )
    ).map((r) => [r.id, new Date(r.at)]),
  );

  const pairs: TPair[] = [];
  const pushed = new Set<string>();
  // posts counted per graduate and China date: the daily limit
  const counted = new Map<string, Set<string>>();
  /** The latest moment at or before `at` whose day has room for the graduate, not before `earliest`. */
  const place = (graduateId: string, at: Date, earliest: Date): Date | null => {
    for (let t = at.getTime(); t >= earliest.getTime(); t -= DAY_MS) {
      const day = counted.get(`${graduateId}:${chinaDate(new Date(t))}`);
      if (!day || day.size < dailyPushLimit) return new Date(t);
    }
    return null;
  };
  const add = (pair: TPair) => {
    if (pair.channels.length === 0) return;
    const key = `${pair.c.graduate_id}:${chinaDate(pair.at)}`;
    counted.set(key, new Set([...(counted.get(key) ?? []), pair.postId]));
    pushed.add(`${pair.c.graduate_id}:${pair.postId}`);
    pairs.push(pair);
  };
  // only channels that reach the graduate (a push to nobody would not be 'sent'); in-app for the account holder
  const channelsOf = (c: TCaseRow): TPushChannel[] => {
    if (c.user_id) return ['in_app'];
    const reach = reachableChannels({ hasAccount: false, hasPhone: c.has_phone });
    const channels = drawFrom(rng, CHANNELS).filter((ch) => reach.includes(ch));
    return channels.length > 0 ? channels : reach.slice(0, 1);
  };

  // applications that followed a push: the push came one to three days before, and was viewed in between
  const relabel: string[] = [];
  for (const a of pushApps) {
    const c = byGraduate.get(a.graduate_id);
    const appliedAt = new Date(a.created_at);
    const at = c?.actor_id
      ? place(a.graduate_id, new Date(appliedAt.getTime() - rng.int(20, 72) * HOUR_MS), new Date(0))
      : null;
    // a graduate no channel reaches (no account, no phone) got no push: the application came another way
    const channels = c ? channelsOf(c) : [];
    if (!c || !at || channels.length === 0 || pushed.has(`${a.graduate_id}:${a.opportunity_id}`)) {
      relabel.push(a.id);
      continue;
    }
    const viewedAt = new Date(at.getTime() + rng.int(1, 16) * HOUR_MS);
    add({ c, postId: a.opportunity_id, at, viewedAt, channels });
  }

  // top recommendations of more graduates (the demo account and the counselors' classes first)
  const candidates = new Map<string, TPreparedCandidate>();
  const candidateOf = (c: TCaseRow) => {
    let prepared = candidates.get(c.case_id);
    if (!prepared) {
      prepared = prepareCandidate(toCandidateFacts(c, set.partners), { today });
      candidates.set(c.case_id, prepared);
    }
    return prepared;
  };
  const open = cases.filter((c) => c.status === 'seeking' && c.actor_id);
  for (const c of open.slice(0, EXTRA_CASES)) {
    const own = c.user_id !== null;
    const before = pairs.filter((p) => p.c.graduate_id === c.graduate_id);
    const want = own ? Math.max(0, 3 - before.length) : rng.int(1, 3);
    const top = rankPrepared(candidateOf(c), set.prepared, { limit: 8, nearMisses: 0 }).recommendations;
    const choices = top.filter(
      (r) => !appliedTo.has(`${c.graduate_id}:${r.postId}`) && !pushed.has(`${c.graduate_id}:${r.postId}`),
    );
    for (let i = 0; i < want && choices.length > 0; i++) {
      const r = choices.splice(own ? 0 : rng.int(0, Math.min(choices.length, 4) - 1), 1)[0]!;
      // some time between the post's publication and an hour ago, on a day with room
      const from = published.get(r.postId) ?? new Date(now.getTime() - 30 * DAY_MS);
      const span = Math.max(0, now.getTime() - HOUR_MS - from.getTime());
      const at = place(c.graduate_id, new Date(from.getTime() + Math.floor(rng.next() * span)), from);
      if (!at) continue;
      // the demo account: the first viewed unless one already is, the rest waiting
      const viewed = own ? i === 0 && !before.some((p) => p.viewedAt) : rng.chance(0.4);
      const viewedAt = viewed
        ? new Date(Math.min(at.getTime() + rng.int(1, 30) * HOUR_MS, now.getTime()))
        : null;
      add({ c, postId: r.postId, at, viewedAt, channels: channelsOf(c) });
    }
  }
  return writePushes(deps, { pairs, relabel, set, rng, candidateOf });
}

/** The outbox rows (sent), the case events, the in-app notifications and the relabelled applications. */
async function writePushes(
  deps: TDeps,
  w: {
    pairs: TPair[];
    relabel: string[];
    set: TPostSet;
    rng: Prng;
    candidateOf: (c: TCaseRow) => TPreparedCandidate;
  },
) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const { pairs, relabel, set, rng, candidateOf } = w;
  const summaries = await postSummaries(db, [...new Set(pairs.map((p) => p.postId))]);
  const rows: (typeof push.$inferInsert)[] = [];
  const events: (typeof caseEvent.$inferInsert)[] = [];
  const notes: (typeof notification.$inferInsert)[] = [];
  for (const p of pairs) {
    const post = set.byId.get(p.postId);
    const match = post ? explainMatch(candidateOf(p.c), post) : null;
    const summary = summaries.get(p.postId);
    const note = rng.pick(NOTES);
    const ids = p.channels.map(() => randomUUID());
    const sentAt = new Date(p.at.getTime() + 5_000);
    for (const [i, channel] of p.channels.entries())
      rows.push({
        id: ids[i],
        graduateId: p.c.graduate_id,
        caseId: p.c.case_id,
        opportunityId: p.postId,
        channel,
        status: 'sent',
        actorUserId: p.c.actor_id,
        actorName: p.c.actor_name,
        reason: note,
        score: match?.score ?? null,
        breakdown: match?.breakdown.map((b) => b.points) ?? null,
        countedOn: chinaDate(p.at),
        attempts: 1,
        createdAt: p.at,
        sentAt,
        viewedAt: p.viewedAt,
        provinceCode: p.c.domicile_county_code ? `${p.c.domicile_county_code.slice(0, 2)}0000` : null,
      });
    const outcomes = p.channels.map((channel, i) => ({ channel, pushId: ids[i], outcome: 'queued' }));
    events.push({
      caseId: p.c.case_id,
      kind: 'push',
      at: p.at,
      actorUserId: p.c.actor_id,
      actorName: p.c.actor_name,
      data: {
        opportunityId: p.postId,
        title: summary?.title ?? '',
        channels: p.channels,
        outcomes,
        note,
        score: match?.score ?? null,
      },
    });
    const inApp = p.channels.indexOf('in_app');
    if (p.c.user_id && inApp >= 0 && summary)
      notes.push({
        userId: p.c.user_id,
        kind: 'push',
        caseId: p.c.case_id,
        title: `岗位推荐：${summary.title}`,
        body: `${summary.orgName}，报名截止 ${summary.deadline}${note ? `｜${note}` : ''}`,
        data: { pushId: ids[inApp], opportunityId: p.postId },
        dedupeKey: `push:${ids[inApp]}`,
        createdAt: sentAt,
        readAt: p.viewedAt,
      });
  }
  const result = {
    pushes: rows.length,
    posts: pairs.length,
    viewed: pairs.filter((p) => p.viewedAt).length,
    relabelled: relabel.length,
  };
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(push).values(rows.slice(i, i + 500));
    for (let i = 0; i < events.length; i += 500) await tx.insert(caseEvent).values(events.slice(i, i + 500));
    if (notes.length) await tx.insert(notification).values(notes);
    if (relabel.length)
      await tx.update(application).set({ source: 'zone' }).where(inArray(application.id, relabel));
    await recordAudit(tx, systemCtx(), { action: 'seed.demo_pushes', after: result }, now);
  });
  return result;
}
