import type { Command } from 'commander';
import { seedDemo } from '../server/seed/demo.ts';
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
    .action(async () => {
      await withDatabase('bangfu seed', async (deps) => {
        const result = await seedDemo(deps, { onlyIfEmpty: true });
        console.log(
          result
            ? `seeded ${result.orgs} orgs and ${result.users} users`
            : 'demo data already present; nothing to do',
        );
      });
    });
}
