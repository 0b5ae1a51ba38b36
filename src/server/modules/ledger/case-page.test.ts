import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { caseFile, counselorClass } from '../../db/schema/index.ts';
import { buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

/*
 * The case page's header names the class's counselors and its evidence panel lists the files; both come with
 * the case's own row (one statement), so they must still be right: the class's counselors only, sorted, and
 * the case's files only, newest first, with their upload time.
 */
let deps: TTestDeps;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  world = await buildLedgerWorld(deps);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('the case page', () => {
  it("names the class's counselors and lists the case's files, newest first", async () => {
    const { caseId } = await world.addCase();
    const { caseId: otherCase } = await world.addCase();
    // a second counselor of the same class, and one of another class of the college
    const second = await buildUser(deps, world.college, ['counselor'], { displayName: '陈老师' });
    await deps.database.db
      .insert(counselorClass)
      .values({ userId: second.id, collegeId: world.college.id, className: world.className });
    const elsewhere = await buildUser(deps, world.college, ['counselor'], { displayName: '何老师' });
    await deps.database.db
      .insert(counselorClass)
      .values({ userId: elsewhere.id, collegeId: world.college.id, className: '别的班' });

    const t0 = deps.clock.now();
    const file = (caseId: string, name: string, minutes: number) => ({
      caseId,
      name,
      mime: 'application/pdf',
      size: 1000 + minutes,
      content: Buffer.from(name),
      uploadedBy: world.counselor.id,
      createdAt: new Date(t0.getTime() + minutes * 60_000),
    });
    await deps.database.db
      .insert(caseFile)
      .values([
        file(caseId, '就业协议.pdf', 5),
        file(caseId, '录用通知.pdf', 30),
        file(otherCase, '别人的材料.pdf', 60),
      ]);

    const cookie = await loginAs(app, world.counselor.username);
    const res = await app.inject({ url: `/api/cases/${caseId}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // the class's two counselors (in the database's collation order), not the other class's
    expect([...body.counselors].sort()).toEqual(['杨老师', '陈老师'].sort());
    expect(body.files.map((f: { name: string }) => f.name)).toEqual(['录用通知.pdf', '就业协议.pdf']);
    expect(body.files[0]).toMatchObject({
      size: 1030,
      createdAt: new Date(t0.getTime() + 30 * 60_000).toISOString(),
    });

    const empty = await app.inject({
      url: `/api/cases/${(await world.addCase()).caseId}`,
      headers: { cookie },
    });
    expect(empty.json().files).toEqual([]);
  });
});
