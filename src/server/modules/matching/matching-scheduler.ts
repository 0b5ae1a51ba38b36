import type { TDeps } from '../../context.ts';
import type { TSchedulerLogger } from '../ledger/ledger-scheduler.ts';
import { dispatchPushes } from './push-dispatcher.ts';

export type TMatchingScheduler = {
  /** one dispatch now; resolves when it is done, never rejects */
  runNow(): Promise<void>;
  /** stop the timer and wait for a run in progress */
  stop(): Promise<void>;
};

/**
 * The push outbox in the server process: every `intervalMinutes`, queued pushes are sent and limited ones move
 * to a day with room (pushes made from the case page are sent at once; this catches the rest). A run never
 * overlaps the previous one; failures are logged and the next run tries again.
 */
export function startMatchingScheduler(
  deps: TDeps,
  logger: TSchedulerLogger,
  opts: { intervalMinutes: number },
): TMatchingScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    try {
      const result = await dispatchPushes(deps);
      if (result.sent + result.failed + result.promoted > 0)
        logger.info({ result }, 'push outbox dispatched');
    } catch (err) {
      logger.error({ err }, 'push outbox dispatch failed; retrying at the next interval');
    }
  };
  const runNow = () => {
    if (stopped) return Promise.resolve();
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const every = setInterval(() => void runNow(), opts.intervalMinutes * 60_000);
  every.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(every);
      await running;
    },
  };
}
