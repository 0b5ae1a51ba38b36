import type { Command } from 'commander';
import { runLedgerTick, sendDailyDigest } from '../server/modules/ledger/escalation.service.ts';
import { withDatabase } from './with-database.ts';

/*
 * `bangfu ledger tick`: run the zero-gap clock once (what the server's scheduler does every LEDGER_TICK_MINUTES),
 * e.g. from cron when the server runs with the scheduler off, or with --at to see what a given day would do.
 * Exit codes: 0 done, 2 usage errors.
 */

type TOpts = { at?: string; json?: boolean; digest?: boolean };

/** The --at instant: an ISO date-time with an offset or Z (a bare date means midnight in China). */
export function parseAt(value: string | undefined, fallback: Date): Date | undefined {
  if (value === undefined) return fallback;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function registerLedgerCommands(program: Command) {
  const ledger = program.command('ledger').description('帮扶台账 Case ledger');
  ledger
    .command('tick')
    .description(
      '运行台账时钟：逾期事项、逐级督办与消息提醒 Run the ledger clock once: overdue items, escalation, notifications',
    )
    .option(
      '--at <datetime>',
      'run as of this instant (ISO 8601, e.g. 2020-07-15T09:00:00+08:00); default now',
    )
    .option('--digest', 'also send the daily digest (once per user and day)')
    .option('--json', 'print one JSON object instead of the summary line')
    .action(async (opts: TOpts) => {
      const at = parseAt(opts.at, new Date());
      if (!at) {
        console.error(`--at: not an ISO date-time with an offset / 不是有效的时间: ${opts.at}`);
        process.exitCode = 2;
        return;
      }
      const started = performance.now();
      const { tick, digest } = await withDatabase('bangfu ledger tick', async (deps) => {
        const tick = await runLedgerTick(deps, at);
        return { tick, digest: opts.digest ? await sendDailyDigest(deps, at) : undefined };
      });
      const ms = Math.round(performance.now() - started);
      if (opts.json) {
        console.log(JSON.stringify({ at: at.toISOString(), ...tick, ...(digest ? { digest } : {}), ms }));
        return;
      }
      console.log(
        `台账时钟 / ledger clock @ ${at.toISOString()}: ${tick.cases} cases, ${tick.opened} opened, ` +
          `${tick.resolved} resolved, ${tick.escalated} escalated, ${tick.notified} notified (${ms} ms)`,
      );
      if (digest) console.log(`每日汇总 / daily digest ${digest.date}: ${digest.notified} sent`);
    });
}
