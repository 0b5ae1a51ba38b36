import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DAY_MS } from '../../domain/ledger/rules.ts';
import type { TApplicationStatus } from '../../domain/opportunities/codes.ts';
import { evaluateEligibility } from '../../domain/opportunities/eligibility.ts';
import { kindMeta } from '../../domain/opportunities/kinds.ts';
import { rulesOfPost } from '../../domain/opportunities/post-rules.ts';
import type { TOpportunityKind } from '../../domain/opportunities/types.ts';
import type { TLevel } from '../../domain/registry/fields.ts';
import type { TDeps } from '../context.ts';
import type { TDbOrTx } from '../db/client.ts';
import { queryRows } from '../db/query.ts';
import { application, caseEvent, ledgerCase, type opportunity } from '../db/schema/index.ts';
import { chinaDate } from '../modules/ledger/case-dates.ts';
import { factsOf } from '../modules/opportunities/application-present.ts';
import type { TSelfGraduate } from '../modules/opportunities/applications.repo.ts';
import { drawFrom, type Prng } from './prng.ts';

/*
 * Applications from demo target graduates (still seeking) to posts they are eligible for, in every status of
 * the funnel; each one is on the graduate's case timeline, and hires set the case's destination as the
 * application service does. graduate_demo has two applications in play. Written in bulk.
 */

type TPost = typeof opportunity.$inferSelect & { ownerName: string };
type TCandidate = TSelfGraduate & { userId: string | null; name: string };

const STATUS_TABLE = [
  ['applied', 45],
  ['interview', 20],
  ['offer', 10],
  ['hired', 8],
  ['rejected', 12],
  ['withdrawn', 5],
] as const;

const PROGRESS: Partial<Record<TApplicationStatus, string>> = {
  interview: 'interview',
  offer: 'offer',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** Zone and Guizhou posts are picked more often; 专升本 only through the local plan (below). */
const weightOf = (p: TPost) =>
  p.kind === 'zhuanshengben' ? 0 : (p.targetPriority ? 2 : 1) * (p.provinceCode === '520000' ? 2 : 1);

export async function seedDemoApplications(deps: TDeps, rng: Prng, posts: TPost[], cohort: number) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const today = chinaDate(now);
  const open = posts.filter((p) => p.status === 'open' && p.deadline >= today);
  if (open.length === 0) return 0;
  const graduates = await queryRows<TCandidate>(
    db,
    sql`select g.id, g.cohort, g.name, g.user_id as "userId", g.birth_date as "birthDate", g.level,
        g.major_code as "majorCode", g.major_name as "majorName", g.domicile_county_code as "domicileCountyCode",
        g.university_province_code as "universityProvinceCode", g.province_code as "provinceCode",
        g.is_target as "isTarget", c.id as "caseId", c.intention, c.needs
      from ledger_case c join graduate g on g.id = c.graduate_id
      where c.status = 'seeking' and c.cohort = ${cohort}
      order by (g.user_id is null), md5(g.id::text) limit 400`,
  );
  const apps: (typeof application.$inferInsert)[] = [];
  const events: (typeof caseEvent.$inferInsert)[] = [];
  const hires: { caseId: string; applicationId: string; post: TPost; at: Date }[] = [];
  const used = new Map(open.map((p) => [p.id, p.quotaUsed]));
  const zsb = new Map(open.filter((p) => p.kind === 'zhuanshengben').map((p) => [p.provinceCode, p]));
  let others = 0;
  for (const g of graduates) {
    const own = g.userId !== null;
    const facts = factsOf(g);
    const taken = new Set<string>();
    let hired = false;
    // the demo graduate gets its two applications for sure: after 12 weighted draws, the open posts in order
    const tries = own ? 12 + open.length : rng.int(1, 3);
    for (let t = 0; t < tries && taken.size < (own ? 2 : 3); t++) {
      // most 高职 graduates first try the 专升本 plan of their university's province: that is what it is for
      const local = g.level === '专科' && t === 0 && !own ? zsb.get(g.universityProvinceCode) : undefined;
      const post =
        own && t >= 12 ? open[t - 12]! : local && rng.chance(0.7) ? local : rng.weighted(open, weightOf);
      if (taken.has(post.id)) continue;
      const rules = rulesOfPost({
        minLevel: post.minLevel as TLevel | null,
        majorPrefixes: post.majorPrefixes,
        eligibilityRules: post.eligibilityRules,
      });
      if (!evaluateEligibility(rules, facts, { today }).eligible) continue;
      taken.add(post.id);
      // the demo graduate's own applications stay in play: one sent, one at interview
      // the first few others take each status in turn, so even a small demo shows the whole funnel
      let status: TApplicationStatus = own
        ? taken.size === 1
          ? 'applied'
          : 'interview'
        : others < STATUS_TABLE.length
          ? STATUS_TABLE[others]![0]
          : drawFrom(rng, STATUS_TABLE);
      if (!own) others++;
      const full = post.quota !== null && used.get(post.id)! >= post.quota;
      if ((status === 'offer' || status === 'hired') && full) status = 'interview';
      // one hire per graduate (a second one would overwrite the first destination)
      if (status === 'hired' && (hired || !kindMeta(post.kind as TOpportunityKind).destinationCode)) {
        status = 'offer';
      }
      if (status === 'hired') hired = true;
      if (status === 'offer' || status === 'hired') used.set(post.id, used.get(post.id)! + 1);
      const createdAt = new Date(now.getTime() - rng.int(8, 40) * DAY_MS);
      const updatedAt = new Date(createdAt.getTime() + rng.int(1, 7) * DAY_MS);
      const id = randomUUID();
      apps.push({
        id,
        opportunityId: post.id,
        graduateId: g.id,
        caseId: g.caseId,
        employerOrgId: post.employerOrgId,
        provinceCode: g.provinceCode,
        status,
        source: drawFrom(rng, [
          ['zone', 5],
          ['push', 3],
          ['self', 2],
        ] as const),
        createdAt,
        updatedAt,
        version: status === 'applied' ? 1 : 2,
      });
      if (!g.caseId) continue;
      const data = { employer: post.ownerName, post: post.title, applicationId: id, opportunityId: post.id };
      const ev = (kind: string, at: Date, actor: string, extra: Record<string, unknown> = {}) =>
        events.push({
          caseId: g.caseId!,
          kind: 'progress',
          at,
          occurredOn: chinaDate(at),
          actorName: actor,
          data: { kind, date: chinaDate(at), opportunityKind: post.kind, ...data, ...extra },
        });
      ev('application', createdAt, g.name, { bySelf: true });
      const step = PROGRESS[status];
      if (step) ev(step, updatedAt, status === 'withdrawn' ? g.name : post.ownerName);
      if (status === 'hired') {
        ev('offer', updatedAt, post.ownerName);
        hires.push({ caseId: g.caseId, applicationId: id, post, at: new Date(updatedAt.getTime() + DAY_MS) });
      }
    }
  }
  if (apps.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < apps.length; i += 500) await tx.insert(application).values(apps.slice(i, i + 500));
    for (let i = 0; i < events.length; i += 500) await tx.insert(caseEvent).values(events.slice(i, i + 500));
    for (const h of hires) await recordHire(tx, h);
    await tx.execute(sql`update opportunity o set
      applicant_count = (select count(*) from application a where a.opportunity_id = o.id and a.status <> 'withdrawn'),
      quota_used = (select count(*) from application a where a.opportunity_id = o.id and a.status in ('offer', 'hired'))`);
  });
  return apps.length;
}

/** A hire as the application service records it: destination with the kind's code, placed, and the events. */
async function recordHire(tx: TDbOrTx, h: { caseId: string; applicationId: string; post: TPost; at: Date }) {
  const code = kindMeta(h.post.kind as TOpportunityKind).destinationCode!;
  const date = chinaDate(h.at);
  const destination = {
    employer: h.post.ownerName,
    natureCode: null,
    regionCode: h.post.regionCodes[0] ?? null,
    date,
    evidenceFileId: null,
  };
  await tx
    .update(ledgerCase)
    .set({
      destinationCode: code,
      destination,
      status: 'placed',
      progressUpdatedAt: h.at,
      version: sql`version + 1`,
    })
    .where(sql`${ledgerCase.id} = ${h.caseId}`);
  await tx.insert(caseEvent).values([
    {
      caseId: h.caseId,
      kind: 'destination',
      at: h.at,
      occurredOn: date,
      actorName: h.post.ownerName,
      data: { code, ...destination, applicationId: h.applicationId, opportunityId: h.post.id },
    },
    {
      caseId: h.caseId,
      kind: 'status',
      at: h.at,
      actorName: h.post.ownerName,
      data: { from: 'seeking', to: 'placed' },
    },
  ]);
}
