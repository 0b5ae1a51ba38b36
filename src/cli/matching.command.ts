import type { Command } from 'commander';
import { createRun, executeRun } from '../server/modules/matching/matching-runs.service.ts';
import { dispatchPushes } from '../server/modules/matching/push-dispatcher.ts';
import { withDatabase } from './with-database.ts';

/*
 * `bangfu matching run`: recompute the stored top 20 recommendations of every open case (what the batch run
 * page does for a user's scope), recorded as a matching run with its progress. `bangfu matching dispatch`: send
 * the push outbox once (queued pushes, and limited ones whose graduate has room today), e.g. from cron.
 */

type TRunOpts = { json?: boolean; workers?: string };

export function registerMatchingCommands(program: Command) {
  const matching = program.command('matching').description('岗位匹配 Matching');
  matching
    .command('run')
    .description('为所有在帮毕业生重新计算岗位推荐 Recompute recommendations for every open case')
    .option('--workers <n>', 'worker threads (default: one per core for big runs, none for small ones)')
    .option('--json', 'print one JSON object instead of the summary line')
    .action(async (opts: TRunOpts) => {
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 16)) {
        console.error(`--workers: 0–16 / 线程数应为 0–16: ${opts.workers}`);
        process.exitCode = 2;
        return;
      }
      const { run, stats } = await withDatabase('bangfu matching run', async (deps) => {
        const run = await createRun(deps, null);
        const stats = await executeRun(deps, run.id, null, workers === undefined ? {} : { workers });
        return { run, stats };
      });
      if (opts.json) {
        console.log(JSON.stringify({ runId: run.id, ...stats }));
        return;
      }
      const s = stats.seconds;
      console.log(
        `岗位推荐 / recommendations: ${stats.cases} open cases × ${stats.posts} open posts → ` +
          `${stats.recommendations} stored in ${s.total.toFixed(1)} s ` +
          `(posts ${s.posts.toFixed(1)} s, index ${s.engine.toFixed(1)} s, compute and write ${s.stream.toFixed(1)} s, ` +
          `swap ${s.finish.toFixed(1)} s; ${stats.workers} worker threads)`,
      );
    });
  matching
    .command('dispatch')
    .description('发送推送队列 Send the push outbox once')
    .option('--json', 'print one JSON object instead of the summary line')
    .action(async (opts: { json?: boolean }) => {
      const result = await withDatabase('bangfu matching dispatch', (deps) => dispatchPushes(deps));
      if (opts.json) console.log(JSON.stringify(result));
      else
        console.log(
          `推送 / outbox: ${result.sent} sent, ${result.failed} failed, ${result.promoted} moved on from the daily limit`,
        );
    });
}
