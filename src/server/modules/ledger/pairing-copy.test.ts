import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graduate, helperPairing, ledgerCase } from '../../db/schema/index.ts';
import { buildUser } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

/*
 * Worklists read the current 一帮一 pairing from ledger_case (helper_user_id, paired_at), a copy that triggers
 * keep from helper_pairing (migration 0009). Whatever writes helper_pairing, the copy must follow, or a list
 * would call a paired graduate unpaired (or the reverse) and sort them wrongly.
 */
let deps: TTestDeps;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;
beforeAll(async () => {
  deps = await createTestDeps();
  world = await buildLedgerWorld(deps);
});
afterAll(() => deps.close());

async function copyOf(caseId: string) {
  const [row] = await deps.database.db
    .select({ helperUserId: ledgerCase.helperUserId, pairedAt: ledgerCase.pairedAt })
    .from(ledgerCase)
    .where(eq(ledgerCase.id, caseId));
  return row;
}

describe("ledger_case's copy of the current pairing", () => {
  it('follows pairing, reassignment, ending and deletion', async () => {
    const { caseId, graduate: g } = await world.addCase();
    expect(await copyOf(caseId)).toEqual({ helperUserId: null, pairedAt: null });

    await world.pair(g.id);
    const first = await copyOf(caseId);
    expect(first?.helperUserId).toBe(world.helper.id);
    expect(first?.pairedAt).toEqual(deps.clock.now());

    // reassignment as the pairing service does it: end the current row, then start a new one
    const other = await buildUser(deps, world.uni, ['helper']);
    deps.clock.advance(60_000);
    await deps.database.db.transaction(async (tx) => {
      await tx
        .update(helperPairing)
        .set({ endedAt: deps.clock.now(), endReason: 'reassigned' })
        .where(and(eq(helperPairing.graduateId, g.id), isNull(helperPairing.endedAt)));
      await tx
        .insert(helperPairing)
        .values({ graduateId: g.id, helperUserId: other.id, startedAt: deps.clock.now() });
    });
    expect(await copyOf(caseId)).toEqual({ helperUserId: other.id, pairedAt: deps.clock.now() });

    // ending without a successor leaves the case unpaired
    await deps.database.db
      .update(helperPairing)
      .set({ endedAt: deps.clock.now() })
      .where(and(eq(helperPairing.graduateId, g.id), isNull(helperPairing.endedAt)));
    expect(await copyOf(caseId)).toEqual({ helperUserId: null, pairedAt: null });

    // a current pairing deleted outright (e.g. a graduate's record removed elsewhere) clears it too
    await world.pair(g.id);
    expect((await copyOf(caseId))?.helperUserId).toBe(world.helper.id);
    await deps.database.db.delete(helperPairing).where(eq(helperPairing.graduateId, g.id));
    expect(await copyOf(caseId)).toEqual({ helperUserId: null, pairedAt: null });
  });

  it('is filled when a case opens for a graduate who already has a helper', async () => {
    const { caseId, graduate: g } = await world.addCase();
    await world.pair(g.id);
    await deps.database.db.delete(ledgerCase).where(eq(ledgerCase.id, caseId));
    const [row] = await deps.database.db.select().from(graduate).where(eq(graduate.id, g.id));
    const [reopened] = await deps.database.db
      .insert(ledgerCase)
      .values({
        graduateId: g.id,
        cohort: row!.cohort,
        universityId: row!.universityId,
        holderOrgId: row!.universityId,
        openedAt: deps.clock.now(),
      })
      .returning({ id: ledgerCase.id });
    expect(await copyOf(reopened!.id)).toEqual({ helperUserId: world.helper.id, pairedAt: deps.clock.now() });
  });
});
