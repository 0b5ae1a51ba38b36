import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_LEDGER_RULES } from '../../../domain/ledger/rules.ts';
import { notification, overdueItem } from '../../db/schema/index.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { startLedgerScheduler } from './ledger-scheduler.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

let deps: TTestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

function captureLog() {
  const lines: { level: 'info' | 'error'; obj: object; msg: string }[] = [];
  return {
    lines,
    logger: {
      info: (obj: object, msg: string) => void lines.push({ level: 'info', obj, msg }),
      error: (obj: object, msg: string) => void lines.push({ level: 'error', obj, msg }),
    },
  };
}

describe('ledger scheduler', () => {
  it('runs the clock and the digest (after 08:00 China time), one run at a time, and stops cleanly', async () => {
    deps.clock.set(new Date('2024-03-01T01:00:00Z'));
    const world = await buildLedgerWorld(deps);
    const { caseId } = await world.addCase({ cohort: 2025 });
    // 10:00 in China, a day after the pairing deadline
    deps.clock.set(
      new Date(Date.parse('2024-03-01T02:00:00Z') + (DEFAULT_LEDGER_RULES.pairWithinDays + 1) * DAY_MS),
    );
    const { lines, logger } = captureLog();
    const scheduler = startLedgerScheduler(deps, logger, { intervalMinutes: 60, firstRunDelayMs: 3_600_000 });
    const first = scheduler.runNow();
    expect(scheduler.runNow()).toBe(first);
    await first;
    await scheduler.stop();

    const open = await deps.database.db
      .select()
      .from(overdueItem)
      .where(and(eq(overdueItem.caseId, caseId), isNull(overdueItem.resolvedAt)));
    expect(open.map((i) => i.rule)).toEqual(['unpaired']);
    const kinds = (
      await deps.database.db.select().from(notification).where(eq(notification.userId, world.counselor.id))
    ).map((n) => n.kind);
    expect(kinds.sort()).toEqual(['digest', 'overdue']);
    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'ledger clock run' })]);
    // stopped: asking again does nothing
    await scheduler.runNow();
    expect(lines).toHaveLength(1);
  });

  it('keeps the digest until 08:00 China time', async () => {
    deps.clock.set(new Date('2024-06-01T01:00:00Z'));
    const world = await buildLedgerWorld(deps);
    await world.addCase({ cohort: 2025 });
    // 07:30 in China (23:30 UTC the day before), well past the pairing deadline
    deps.clock.set(new Date('2024-06-19T23:30:00Z'));
    const { logger } = captureLog();
    const scheduler = startLedgerScheduler(deps, logger, { intervalMinutes: 60, firstRunDelayMs: 3_600_000 });
    await scheduler.runNow();
    const kinds = async () =>
      (
        await deps.database.db.select().from(notification).where(eq(notification.userId, world.counselor.id))
      ).map((n) => n.kind);
    expect(await kinds()).not.toContain('digest');
    expect(await kinds()).toContain('overdue');
    deps.clock.set(new Date('2024-06-20T00:30:00Z'));
    await scheduler.runNow();
    await scheduler.stop();
    expect((await kinds()).filter((k) => k === 'digest')).toHaveLength(1);
  });

  it('logs a failed run instead of crashing the server', async () => {
    const { lines, logger } = captureLog();
    const broken = {
      ...deps,
      clock: {
        now: () => {
          throw new Error('clock broke');
        },
      },
    };
    const scheduler = startLedgerScheduler(broken, logger, {
      intervalMinutes: 60,
      firstRunDelayMs: 3_600_000,
    });
    await scheduler.runNow();
    await scheduler.stop();
    expect(lines).toEqual([expect.objectContaining({ level: 'error' })]);
  });
});
