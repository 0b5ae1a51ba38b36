import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueItems } from '../../domain/ledger/clock.ts';
import { DAY_MS, DEFAULT_LEDGER_RULES, leavingDate } from '../../domain/ledger/rules.ts';
import { queryRows } from '../db/query.ts';
import { createTestDeps, type TTestDeps } from '../test/test-deps.ts';
import { demoCohort, seedDemo } from './demo.ts';

/*
 * The demo's calendar (decision 0017): seeded long after 2020, the demo shows the latest cohort that has left
 * school, and every date a user sees fits that cohort's season — no case opened years after its cohort left,
 * nothing recorded before its case was opened or after today, no deadline absurdly far, nobody years overdue.
 */
let deps: TTestDeps;
const NOW = new Date('2026-12-08T02:00:00Z');
const DAY = DAY_MS;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set(NOW);
  await seedDemo(deps, { onlyIfEmpty: false, size: 300 });
}, 180_000);
afterAll(async () => deps.close());

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(deps.database.db, q);
const ms = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).getTime());

describe('the demo calendar', () => {
  it('shows the latest cohort that has left school, not the 2020 one', async () => {
    const cohort = demoCohort(NOW);
    expect(cohort).toBe(2026);
    const cohorts = await rows<{ cohort: number }>(sql`select distinct cohort from graduate`);
    expect(cohorts.map((r) => r.cohort)).toEqual([cohort]);
    const classes = await rows<{ c: string }>(sql`select class_name as c from counselor_class order by 1`);
    expect(classes.map((r) => r.c)).toEqual(['计科2601班', '计科2602班']);
  });

  it('opens the cases inside the season and records nothing before opening or after today', async () => {
    const leaving = leavingDate(demoCohort(NOW), DEFAULT_LEDGER_RULES).getTime();
    const cases = await rows<Record<string, Date | string | null>>(sql`select opened_at, profile_verified_at,
      needs_confirmed_at, last_contact_at, last_measure_at, progress_updated_at, paired_at, handed_over_at
      from ledger_case`);
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const opened = ms(c.opened_at)!;
      expect(opened).toBeGreaterThan(leaving - 365 * DAY);
      expect(opened).toBeLessThanOrEqual(NOW.getTime());
      for (const [k, v] of Object.entries(c)) {
        if (v === null || k === 'opened_at') continue;
        expect(ms(v), k).toBeGreaterThanOrEqual(opened);
        expect(ms(v), k).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    // the rosters came in first: no case is older than the import that opened it
    const [imports] = await rows<{ last: string; first: string }>(sql`select
      (select max(coalesce(committed_at, created_at)) from import_batch) as last,
      (select min(opened_at) from ledger_case) as first`);
    expect(ms(imports!.last)).toBeLessThanOrEqual(ms(imports!.first)!);
    const events = await rows<{ kind: string; at: string; opened: string; occurred_on: string | null }>(
      sql`select e.kind, e.at, c.opened_at as opened, e.occurred_on::text from case_event e
        join ledger_case c on c.id = e.case_id`,
    );
    expect(events.length).toBeGreaterThan(cases.length);
    for (const e of events) {
      expect(ms(e.at), e.kind).toBeGreaterThanOrEqual(ms(e.opened)!);
      expect(ms(e.at), e.kind).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('dates pushes and applications after their case opened and no later than today; pushes reach', async () => {
    const pushes = await rows<{
      created_at: string;
      sent_at: string | null;
      viewed_at: string | null;
      opened: string;
      reachable: boolean;
    }>(
      sql`select p.created_at, p.sent_at, p.viewed_at, c.opened_at as opened,
        case p.channel when 'in_app' then g.user_id is not null when 'sms' then g.phone_encrypted is not null
          else g.user_id is not null or g.phone_encrypted is not null end as reachable
        from push p join ledger_case c on c.id = p.case_id join graduate g on g.id = p.graduate_id`,
    );
    expect(pushes.length).toBeGreaterThan(0);
    for (const p of pushes) {
      expect(ms(p.created_at)).toBeGreaterThanOrEqual(ms(p.opened)!);
      // a seeded push is 'sent': on a channel that reaches the graduate
      expect(p.reachable).toBe(true);
      for (const v of [p.created_at, p.sent_at, p.viewed_at])
        if (v) expect(ms(v)).toBeLessThanOrEqual(NOW.getTime());
    }
    const apps = await rows<{ created_at: string; updated_at: string; opened: string }>(
      sql`select a.created_at, a.updated_at, c.opened_at as opened from application a
        join ledger_case c on c.id = a.case_id`,
    );
    expect(apps.length).toBeGreaterThan(0);
    for (const a of apps) {
      expect(ms(a.created_at)).toBeGreaterThanOrEqual(ms(a.opened)!);
      expect(ms(a.updated_at)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('sets post deadlines and publication dates around today, none absurdly far', async () => {
    const posts = await rows<{ deadline: string; published_at: string | null; created_at: string }>(
      sql`select deadline::text, published_at, created_at from opportunity`,
    );
    expect(posts.length).toBeGreaterThan(20);
    for (const p of posts) {
      const deadline = new Date(`${p.deadline}T23:59:59+08:00`).getTime();
      expect(deadline, p.deadline).toBeLessThan(NOW.getTime() + 200 * DAY);
      expect(deadline, p.deadline).toBeGreaterThan(NOW.getTime() - 200 * DAY);
      expect(ms(p.created_at)).toBeLessThanOrEqual(NOW.getTime());
      if (p.published_at) expect(ms(p.published_at)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('leaves nobody years overdue: every due item falls due after opening, within the season', async () => {
    const cases = await rows<Record<string, unknown>>(sql`select c.cohort, c.status, c.stage, c.opened_at,
      c.intention, c.needs_confirmed_at, c.profile_verified_at, c.last_measure_at, c.last_contact_at,
      c.next_follow_up_due, c.progress_updated_at, c.destination_code, c.paired_at
      from ledger_case c`);
    const date = (v: unknown) => (v === null ? null : new Date(v as string));
    let worst = 0;
    for (const r of cases) {
      const c = {
        cohort: r.cohort as number,
        status: r.status as 'seeking',
        stage: r.stage as 'school',
        openedAt: date(r.opened_at)!,
        intention: r.intention as null,
        needsConfirmedAt: date(r.needs_confirmed_at),
        profileVerifiedAt: date(r.profile_verified_at),
        hasPhone: true,
        lastMeasureAt: date(r.last_measure_at),
        lastContactAt: date(r.last_contact_at),
        nextFollowUpDue: date(r.next_follow_up_due),
        progressUpdatedAt: date(r.progress_updated_at),
        destinationCode: r.destination_code as string | null,
        pairedAt: date(r.paired_at),
      };
      for (const d of dueItems(c, DEFAULT_LEDGER_RULES, NOW)) {
        expect(d.dueAt.getTime(), d.rule).toBeGreaterThanOrEqual(c.openedAt.getTime());
        worst = Math.max(worst, d.daysOverdue);
      }
    }
    // the demo's cases were opened about two months ago: nothing can be later than that
    expect(worst).toBeLessThan(70);
  });
});
