import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { caseEvent, ledgerCase, opportunity } from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { moveApplication } from './applicants.service.ts';
import { applyToOpportunity } from './applications.service.ts';
import { buildOpportunityWorld } from './opportunities-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
let ownerCtx: Awaited<ReturnType<typeof ctxOf>>;
let ownerOrgId: string;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  const org = await buildOrg(deps, {
    kind: 'province_education',
    regionCode: '520000',
    name: '贵州省教育厅',
  });
  ownerOrgId = org.id;
  ownerCtx = await ctxOf(deps, await buildUser(deps, org, ['province_education']));
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

/** A graduate with an account who applies to the post through the service. */
async function applicant(key: string, postId: string) {
  const g = await w.addGraduate(key, { level: '专科', majorCode: '610201' });
  const app = await applyToOpportunity(deps, await ctxOf(deps, g.user), {
    opportunityId: postId,
    source: 'push',
  });
  return { ...g, applicationId: app.id };
}

describe('moveApplication', () => {
  it('records the kind’s 毕业去向 code on a hire; training places no one', async () => {
    const expected = [
      ['research_assistant', '27'],
      ['conscription', '46'],
      ['zhuanshengben', '80'],
      ['public_welfare', '12'],
    ] as const;
    for (const [kind, code] of expected) {
      const post = await w.insertPost({ ownerOrgId, kind, cohort: 2020 });
      const a = await applicant(`g_${kind}`, post.id);
      await moveApplication(deps, ownerCtx, a.applicationId, { status: 'offer', version: 1, note: '' });
      await moveApplication(deps, ownerCtx, a.applicationId, { status: 'hired', version: 2, note: '' });
      const [c] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, a.caseId));
      expect(c!.destinationCode, kind).toBe(code);
    }
    const training = await w.insertPost({ ownerOrgId, kind: 'skills_training' });
    const t = await applicant('g_training', training.id);
    await moveApplication(deps, ownerCtx, t.applicationId, { status: 'offer', version: 1, note: '' });
    await moveApplication(deps, ownerCtx, t.applicationId, { status: 'hired', version: 2, note: '' });
    const [c] = await deps.database.db.select().from(ledgerCase).where(eq(ledgerCase.id, t.caseId));
    expect(c).toMatchObject({ destinationCode: null, status: 'seeking' });
    const events = await deps.database.db.select().from(caseEvent).where(eq(caseEvent.caseId, t.caseId));
    expect(events.at(-1)!.data).toMatchObject({ kind: 'hired', applicationId: t.applicationId });
  });

  it('gives the last place to exactly one of two offers made at the same time', async () => {
    const post = await w.insertPost({ ownerOrgId, quota: 1 });
    const a = await applicant('race_a', post.id);
    const b = await applicant('race_b', post.id);
    const results = await Promise.allSettled([
      moveApplication(deps, ownerCtx, a.applicationId, { status: 'offer', version: 1, note: '' }),
      moveApplication(deps, ownerCtx, b.applicationId, { status: 'offer', version: 1, note: '' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.details.reason).toBe('quota_full');
    const [row] = await deps.database.db.select().from(opportunity).where(eq(opportunity.id, post.id));
    expect(row).toMatchObject({ quotaUsed: 1, applicantCount: 2 });
  });
});
