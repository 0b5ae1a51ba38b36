import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueItems, evaluateSiqing, type TCaseDates } from '../../../domain/ledger/clock.ts';
import type { TCaseStage, TCaseStatus, TIntention } from '../../../domain/ledger/codes.ts';
import { DAY_MS, DEFAULT_LEDGER_RULES as R } from '../../../domain/ledger/rules.ts';
import { queryRows } from '../../db/query.ts';
import { graduate, ledgerCase } from '../../db/schema/index.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { overdueSql, siqingSql, urgencySql } from './clock-sql.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

/*
 * The worklist sorts and counts with SQL (clock-sql.ts) and renders with the domain (clock.ts). This walks a
 * spread of cases across every boundary and checks both give the same answer for each.
 */
let deps: TTestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(() => deps.close());

describe('clock SQL and domain agree', () => {
  it('on 四清, overdue and the earliest due date, case by case', async () => {
    const world = await buildLedgerWorld(deps);
    const now = deps.clock.now();
    const ago = (d: number | null) => (d === null ? null : new Date(now.getTime() - d * DAY_MS));
    const ids: string[] = [];
    // deterministic spread: each dimension cycles through values either side of its rule's boundary
    for (let i = 0; i < 48; i++) {
      const { caseId, graduate: g } = await world.addCase();
      const pick = <T>(xs: T[], k: number) => xs[(i * k + Math.floor(i / xs.length)) % xs.length]!;
      if (i % 3 === 0) await world.pair(g.id);
      if (i % 5 === 0)
        await deps.database.db.update(graduate).set({ phoneEncrypted: null }).where(eq(graduate.id, g.id));
      await deps.database.db
        .update(ledgerCase)
        .set({
          openedAt: ago(pick([1, 6.9, 7.1, 20, 60], 1))!,
          status: pick(['seeking', 'seeking', 'seeking', 'paused', 'closed', 'placed'], 5),
          stage: pick(['school', 'school', 'handed_over'], 29),
          intention: pick([null, 'employment', 'not_now'], 7),
          needsConfirmedAt: ago(pick([null, 1, 29.9, 30.1, 90], 3)),
          profileVerifiedAt: ago(pick([null, 2], 1)),
          lastMeasureAt: ago(pick([null, 5, 29.9, 30.1], 11)),
          lastContactAt: ago(pick([null, 1, 13.9, 14.1, 40], 13)),
          // an agreed date before the case was opened, and cohorts that left long before it (a case opened
          // after its cohort left is due a period after opening, never before)
          nextFollowUpDue: ago(pick([null, -3, 2, 90], 17)),
          cohort: pick([2020, 2020, 2019, 2021], 31),
          progressUpdatedAt: ago(pick([null, 10, 31], 19)),
          destinationCode: pick([null, null, '70', '10', '27'], 23),
        })
        .where(eq(ledgerCase.id, caseId));
      ids.push(caseId);
    }
    const s = siqingSql(R, now);
    const rows = await queryRows<Record<string, unknown>>(
      deps.database.db,
      sql`select ledger_case.id, ledger_case.cohort, ledger_case.status, ledger_case.stage, ledger_case.opened_at, ledger_case.intention,
          ledger_case.needs_confirmed_at, ledger_case.profile_verified_at, graduate.phone_encrypted is not null as has_phone,
          ledger_case.last_measure_at, ledger_case.last_contact_at, ledger_case.next_follow_up_due,
          ledger_case.progress_updated_at, ledger_case.destination_code,
          (select started_at from helper_pairing p where p.graduate_id = ledger_case.graduate_id and p.ended_at is null) as paired_at,
          ${s.profile} as profile, ${s.needs} as needs, ${s.measures} as measures, ${s.progress} as progress,
          ${overdueSql(R, now)} as overdue, ${urgencySql(R)} as urgency
        from ledger_case join graduate on graduate.id = ledger_case.graduate_id
        where ledger_case.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
    );
    expect(rows).toHaveLength(48);
    const date = (v: unknown) => (v === null ? null : new Date(v as string));
    const seen = new Set<string>();
    for (const r of rows) {
      const c: TCaseDates = {
        cohort: r.cohort as number,
        status: r.status as TCaseStatus,
        stage: r.stage as TCaseStage,
        openedAt: date(r.opened_at)!,
        intention: r.intention as TIntention | null,
        needsConfirmedAt: date(r.needs_confirmed_at),
        profileVerifiedAt: date(r.profile_verified_at),
        hasPhone: r.has_phone as boolean,
        lastMeasureAt: date(r.last_measure_at),
        lastContactAt: date(r.last_contact_at),
        nextFollowUpDue: date(r.next_follow_up_due),
        progressUpdatedAt: date(r.progress_updated_at),
        destinationCode: r.destination_code as string | null,
        pairedAt: date(r.paired_at),
      };
      const flags = evaluateSiqing(c, R, now);
      const due = dueItems(c, R, now);
      const expected = {
        profile: flags.profile.ok,
        needs: flags.needs.ok,
        measures: flags.measures.ok,
        progress: flags.progress.ok,
        overdue: due.some((d) => d.overdue),
        urgency: due[0]?.dueAt.getTime() ?? Number.POSITIVE_INFINITY,
      };
      const urgency =
        r.urgency === 'infinity' || r.urgency === null
          ? Number.POSITIVE_INFINITY
          : date(r.urgency)!.getTime();
      expect({ ...r, urgency }, JSON.stringify(c)).toMatchObject(expected);
      seen.add(JSON.stringify(expected).replace(/"urgency":[^,}]+/, ''));
    }
    // the spread really crosses the boundaries: many distinct flag combinations
    expect(seen.size).toBeGreaterThan(10);
  });
});
