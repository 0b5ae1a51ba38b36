import type { Command } from 'commander';
import { DEMO_SIZE, markDemoSeeded, seedDemo } from '../server/seed/demo.ts';
import { withDatabase } from './with-database.ts';

export function registerDbCommands(program: Command) {
  program
    .command('migrate')
    .description('应用数据库迁移并加载参考数据 Apply migrations and load reference data')
    .action(async () => {
      await withDatabase('bangfu migrate', async (deps) => {
        console.log(`migrated (${deps.database.driver})`);
      });
    });

  program
    .command('seed')
    .description('写入演示数据 Seed demo organisations and accounts')
    .requiredOption('--demo', 'seed the demo data set')
    .option(
      '--size <n>',
      `demo graduates to generate and import (default ${DEMO_SIZE}; 0 = orgs and accounts only)`,
    )
    .action(async (opts: { size?: string }) => {
      const size = opts.size === undefined ? DEMO_SIZE : Number(opts.size);
      if (!Number.isInteger(size) || size < 0) {
        console.error('--size: a whole number ≥ 0 / 须为不小于 0 的整数');
        process.exit(2);
      }
      await withDatabase('bangfu seed', async (deps) => {
        const result = await seedDemo(deps, { onlyIfEmpty: true, size, log: (m) => console.error(m) });
        if (!deps.config.databaseUrl) markDemoSeeded(deps.config.dataDir);
        console.log(result ? `seeded ${JSON.stringify(result)}` : 'demo data already present; nothing to do');
      });
    });
}
