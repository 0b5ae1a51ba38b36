import type { TDeps } from '../../context.ts';
import { runLedgerTick, sendDailyDigest } from './escalation.service.ts';
import { shanghaiDate, shanghaiHour } from './escalation-messages.ts';

/** The part of a pino logger the scheduler uses. */
export type TSchedulerLogger = {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type TLedgerScheduler = {
  /** one run now (tick, then the digest if it is due today); resolves when it is done, never rejects */
  runNow(): Promise<void>;
  /** stop the timers and wait for a run in progress */
  stop(): Promise<void>;
};

/** The digest goes out on the first run at or after this hour (China time), once a day. */
export const DIGEST_HOUR = 8;

/**
 * Run the zero-gap clock in the server process: the first run shortly after start (not during it, so start-up
 * stays quick), then every `intervalMinutes`. A run never overlaps the previous one; failures are logged and
 * the next run tries again.
 */
export function startLedgerScheduler(
  deps: TDeps,
  logger: TSchedulerLogger,
  opts: { intervalMinutes: number; firstRunDelayMs?: number },
): TLedgerScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  // the digest is counted once a day (the dedupe keys would skip repeats, but counting them again costs a query
  // per user); after a restart the keys still stop a second copy
  let digestSentOn: string | null = null;

  const run = async () => {
    const started = performance.now();
    try {
      const now = deps.clock.now();
      const tick = await runLedgerTick(deps, now);
      const today = shanghaiDate(now);
      const digestDue = shanghaiHour(now) >= DIGEST_HOUR && digestSentOn !== today;
      const digest = digestDue ? await sendDailyDigest(deps, now) : null;
      if (digest) digestSentOn = today;
      const ms = Math.round(performance.now() - started);
      if (tick.opened + tick.resolved + tick.escalated + tick.notified + (digest?.notified ?? 0) > 0) {
        logger.info({ tick, digest, ms }, 'ledger clock run');
      }
    } catch (err) {
      logger.error({ err }, 'ledger clock run failed; retrying at the next interval');
    }
  };
  const runNow = () => {
    if (stopped) return Promise.resolve();
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };

  const first = setTimeout(() => void runNow(), opts.firstRunDelayMs ?? 60_000);
  const every = setInterval(() => void runNow(), opts.intervalMinutes * 60_000);
  first.unref();
  every.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
