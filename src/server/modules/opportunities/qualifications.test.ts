import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFERENCE_POINTS_EACH } from '../../../domain/matching/weights.ts';
import { buildApp } from '../../app.ts';
import { ledgerCase, recommendation } from '../../db/schema/index.ts';
import { buildOrg, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { runMatching } from '../matching/batch-run.ts';
import { buildOpportunityWorld } from './opportunities-test-world.ts';

/*
 * Party membership and the teacher certificate live in the case's needs: the graduate records them on their
 * own needs card, staff on the case page, and both applying (a required certificate) and matching (a
 * party-member preference, on the case page and in batch runs, in this thread or in workers) read them.
 */

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
let bureau: TOrgRow;

const NEEDS = {
  regions: ['520000'],
  returnHome: true,
  partnerProvinces: false,
  industries: ['P'],
  postKinds: ['grassroots_programme'],
  salaryFloor: 3000,
  constraints: '',
  services: ['post_recommendation'],
};

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  bureau = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526', name: '威宁县人社局' });
  w.cookies.set('counselor', await loginAs(app, w.ledger.counselor.username));
  w.cookies.set('admin', await loginAs(app, w.ledger.admin.username));
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

/** The graduate confirms their needs with the two qualifications on the self-service page. */
async function selfRecord(
  as: string,
  q: { partyMember?: boolean | null; teacherCertificate?: boolean | null },
) {
  const res = await w.put(as, '/api/me/needs', { intention: 'employment', needs: { ...NEEDS, ...q } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function staffRecord(
  caseId: string,
  q: { partyMember?: boolean | null; teacherCertificate?: boolean | null },
) {
  const page = (await w.get('counselor', `/api/cases/${caseId}`)).json();
  const res = await w.put('counselor', `/api/cases/${caseId}/needs`, {
    version: page.version,
    intention: 'employment',
    needs: { ...NEEDS, ...q },
    confirmed: true,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('recording the qualifications', () => {
  it('the self-service needs endpoint accepts and returns both, and the case page shows them', async () => {
    const g = await w.addGraduate('self');
    const saved = await selfRecord('self', { partyMember: true, teacherCertificate: false });
    expect(saved.needs).toMatchObject({ partyMember: true, teacherCertificate: false });
    const mine = (await w.get('self', '/api/me/case')).json().record;
    expect(mine.needs).toMatchObject({ partyMember: true, teacherCertificate: false });
    const page = (await w.get('counselor', `/api/cases/${g.caseId}`)).json();
    expect(page.needs).toMatchObject({ partyMember: true, teacherCertificate: false });
  });

  it('the case needs PUT round-trips them; left out they are not recorded (null)', async () => {
    const g = await w.addGraduate('staff');
    const fresh = (await w.get('counselor', `/api/cases/${g.caseId}`)).json();
    expect(fresh.needs).toMatchObject({ partyMember: null, teacherCertificate: null });
    const saved = await staffRecord(g.caseId, { partyMember: false, teacherCertificate: true });
    expect(saved.needs).toMatchObject({ partyMember: false, teacherCertificate: true });
    const [row] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, g.caseId));
    expect(row!.needs).toMatchObject({ partyMember: false, teacherCertificate: true });
    const cleared = await staffRecord(g.caseId, {});
    expect(cleared.needs).toMatchObject({ partyMember: null, teacherCertificate: null });
    const bad = await w.put('counselor', `/api/cases/${g.caseId}/needs`, {
      version: cleared.version,
      intention: 'employment',
      needs: { ...NEEDS, partyMember: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('a post that requires a teacher certificate', () => {
  it('takes the graduate who has one and refuses the others with the rule’s explanation', async () => {
    const post = await w.insertPost({
      ownerOrgId: bureau.id,
      kind: 'tegang',
      title: '威宁县特岗教师（数学）',
      regionCodes: ['520526'],
      minLevel: '本科',
      eligibilityRules: [{ kind: 'teacher_certificate' }],
    });
    await w.addGraduate('certified');
    await selfRecord('certified', { teacherCertificate: true });
    const ok = await w.post('certified', '/api/me/applications', { opportunityId: post.id, source: 'zone' });
    expect(ok.statusCode, ok.body).toBe(201);

    const refusals: [string, boolean | null, string][] = [
      ['unrecorded', null, '未登记教师资格证'],
      ['uncertified', false, '无教师资格证，岗位要求教师资格证'],
    ];
    for (const [key, teacherCertificate, reasonZh] of refusals) {
      const g = await w.addGraduate(key);
      await staffRecord(g.caseId, { teacherCertificate });
      const res = await w.post(key, '/api/me/applications', { opportunityId: post.id, source: 'zone' });
      expect(res.statusCode, key).toBe(409);
      const details = res.json().error.details;
      expect(details.reason).toBe('not_eligible');
      expect(details.verdicts).toEqual([
        expect.objectContaining({ rule: 'teacher_certificate', hard: true, ok: false, reasonZh }),
      ]);
    }
  });
});

describe('a post that prefers party members', () => {
  let member: string;
  let nonMember: string;
  let unknown: string;
  let postId: string;

  beforeAll(async () => {
    postId = (
      await w.insertPost({
        ownerOrgId: bureau.id,
        kind: 'village_official',
        title: '威宁县大学生村官',
        regionCodes: ['520526'],
        eligibilityRules: [{ kind: 'party_member', preferred: true }],
      })
    ).id;
    member = (await w.addGraduate('member')).caseId;
    nonMember = (await w.addGraduate('nonMember')).caseId;
    unknown = (await w.addGraduate('unknown')).caseId;
    await staffRecord(member, { partyMember: true });
    await staffRecord(nonMember, { partyMember: false });
    await staffRecord(unknown, {});
  });

  const preferenceOf = (breakdown: { factor: string; points: number }[]) =>
    breakdown.find((b) => b.factor === 'preference')!.points;

  it('ranks it higher for a party member on the case page', async () => {
    const scored = new Map<string, { score: number; preference: number }>();
    for (const caseId of [member, nonMember, unknown]) {
      const res = await w.get('counselor', `/api/cases/${caseId}/recommendations`);
      expect(res.statusCode, res.body).toBe(200);
      const rec = res.json().recommendations.find((r: { post: { id: string } }) => r.post.id === postId);
      expect(rec, caseId).toBeTruthy();
      scored.set(caseId, { score: rec.score, preference: preferenceOf(rec.breakdown) });
    }
    expect(scored.get(member)).toEqual({
      score: scored.get(nonMember)!.score + PREFERENCE_POINTS_EACH,
      preference: PREFERENCE_POINTS_EACH,
    });
    expect(scored.get(nonMember)!.preference).toBe(0);
    expect(scored.get(unknown)).toEqual(scored.get(nonMember));
  });

  it('scores the same way in batch runs, in this thread and in worker threads', async () => {
    const stored = async () => {
      const rows = await deps.database.db
        .select()
        .from(recommendation)
        .where(
          and(inArray(recommendation.caseId, [member, nonMember]), eq(recommendation.opportunityId, postId)),
        );
      const of = (id: string) => rows.find((r) => r.caseId === id)!;
      return { member: of(member), nonMember: of(nonMember) };
    };
    const run = await w.post('admin', '/api/matching/runs');
    expect(run.statusCode, run.body).toBe(202);
    await app.matchingJobs.drain();
    const inThread = await stored();
    expect(inThread.member.score - inThread.nonMember.score).toBe(PREFERENCE_POINTS_EACH);
    expect([inThread.member.breakdown[6], inThread.nonMember.breakdown[6]]).toEqual([
      PREFERENCE_POINTS_EACH,
      0,
    ]);

    await deps.database.db.delete(recommendation);
    const stats = await runMatching(deps.database, {
      scope: null,
      today: '2020-07-15',
      computedAt: deps.clock.now(),
      workers: 1,
    });
    const viaWorkers = await stored();
    // the facts crossed to a worker thread (structured clone), not computed here again
    expect(stats.workers).toBe(1);
    expect([viaWorkers.member.score, viaWorkers.nonMember.score]).toEqual([
      inThread.member.score,
      inThread.nonMember.score,
    ]);
    expect(viaWorkers.member.breakdown[6]).toBe(PREFERENCE_POINTS_EACH);
  });
});
