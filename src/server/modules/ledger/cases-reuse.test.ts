import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseListQuery } from '../../../domain/api/ledger.ts';
import { DAY_MS } from '../../../domain/ledger/rules.ts';
import type { TCtx } from '../../context.ts';
import { reusedStatementCount } from '../../db/statement-cache.ts';
import { ctxOf } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { updateUser } from '../auth/auth.repo.ts';
import { getCase, listCases, summarizeCaseload } from './cases-query.service.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

/*
 * The caseload list and the case page reuse their statements across requests (statement-cache.ts). A reused
 * statement must still answer for the user asking, at the instant asked: scope is part of the key, the clock
 * and the page are bound per call.
 */

let deps: TTestDeps;
let mine: Awaited<ReturnType<typeof buildLedgerWorld>>;
let theirs: Awaited<ReturnType<typeof buildLedgerWorld>>;
const ctx: Record<'me' | 'other' | 'admin', TCtx> = {} as never;
const myCases: string[] = [];
let theirCase = '';

const query = (over: Partial<TCaseListQuery> = {}): TCaseListQuery => ({
  page: 1,
  pageSize: 20,
  sort: 'urgency',
  order: 'asc',
  ...over,
});
const ids = async (c: TCtx, over: Partial<TCaseListQuery> = {}) =>
  (await listCases(deps, c, query(over))).items.map((i) => i.id).sort();

beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set(new Date('2020-03-02T02:00:00Z')); // spring term: nothing due yet on a case opened today
  mine = await buildLedgerWorld(deps);
  theirs = await buildLedgerWorld(deps, { className: '计科2002班' });
  for (let i = 0; i < 3; i++) myCases.push((await mine.addCase()).caseId);
  theirCase = (await theirs.addCase()).caseId;
  ctx.me = await ctxOf(deps, mine.counselor);
  ctx.other = await ctxOf(deps, theirs.counselor);
  ctx.admin = await ctxOf(deps, mine.admin);
});
afterAll(() => deps.close());

describe('reused ledger statements', () => {
  it('give each counselor their own caseload, however often and in whatever order they ask', async () => {
    const before = reusedStatementCount(deps.database.db);
    for (let round = 0; round < 3; round++) {
      expect(await ids(ctx.me)).toEqual([...myCases].sort());
      expect(await ids(ctx.other)).toEqual([theirCase]);
    }
    // one statement per scope, not one per request
    expect(reusedStatementCount(deps.database.db)).toBe(before + 2);
    // the university admin sees both classes of the university they administer
    expect(await ids(ctx.admin)).toEqual([...myCases].sort());
  });

  it('bind the page: page 2 of 2-per-page is the rest of the same order, with the same total', async () => {
    const all = (await listCases(deps, ctx.me, query())).items.map((i) => i.id);
    const p1 = await listCases(deps, ctx.me, query({ pageSize: 2 }));
    const p2 = await listCases(deps, ctx.me, query({ pageSize: 2, page: 2 }));
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual(all);
    expect([p1.total, p2.total]).toEqual([3, 3]);
    // past the end: no rows, and the total is still counted
    const p9 = await listCases(deps, ctx.me, query({ pageSize: 2, page: 9 }));
    expect([p9.items.length, p9.total]).toEqual([0, 3]);
  });

  it('bind the clock: the same overdue filter finds the cases once their follow-up falls due', async () => {
    expect(await ids(ctx.me, { overdue: true })).toEqual([]);
    expect((await summarizeCaseload(deps, ctx.me, {})).overdue).toBe(0);
    deps.clock.advance(20 * DAY_MS); // never contacted, never paired: follow-up and pairing are now late
    expect(await ids(ctx.me, { overdue: true })).toEqual([...myCases].sort());
    expect(await ids(ctx.other, { overdue: true })).toEqual([theirCase]);
    // the summary cards, also one reused statement per scope
    expect(await summarizeCaseload(deps, ctx.me, {})).toMatchObject({ total: 3, overdue: 3, unpaired: 3 });
    expect(await summarizeCaseload(deps, ctx.other, {})).toMatchObject({ total: 1, overdue: 1 });
  });

  it("never hand one user's case page to another", async () => {
    expect((await getCase(deps, ctx.me, myCases[0]!)).id).toBe(myCases[0]);
    await expect(getCase(deps, ctx.other, myCases[0]!)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getCase(deps, ctx.other, theirCase)).id).toBe(theirCase);
    await expect(getCase(deps, ctx.me, theirCase)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('names beside each row (orgs/display-names.ts)', () => {
  it("show the university, domicile, holder and helper, and follow a helper's change of name", async () => {
    await mine.pair((await mine.addCase({ domicileCountyCode: '520526' })).graduate.id);
    const paired = async () =>
      (await listCases(deps, ctx.me, query())).items.find((i) => i.helperName !== null)!;
    const row = await paired();
    expect(row).toMatchObject({
      universityName: mine.uni.name,
      holderOrgName: mine.uni.name,
      domicileName: '威宁彝族回族苗族自治县',
      helperName: '周副校长',
    });
    await updateUser(deps.database.db, mine.helper.id, { displayName: '周校长' });
    expect((await paired()).helperName).toBe('周校长');
    // an unpaired case has no helper name, not a stale one
    expect((await listCases(deps, ctx.me, query())).items.filter((i) => i.helperName === null)).toHaveLength(
      3,
    );
  });
});
