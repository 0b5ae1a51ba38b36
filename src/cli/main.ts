import { Command } from 'commander';
import { VERSION } from '../server/version.ts';
import { registerAuditCommands } from './audit.command.ts';
import { registerDbCommands } from './db.command.ts';
import { registerImportCommands } from './import.command.ts';
import { registerInitCommands } from './init.command.ts';
import { registerLedgerCommands } from './ledger.command.ts';
import { registerMatchingCommands } from './matching.command.ts';
import { registerUserCommands } from './user.command.ts';

const program = new Command()
  .name('bangfu')
  .description('帮扶 Bangfu — 高校毕业生就业精准帮扶平台 command line')
  .version(VERSION);

program
  .command('serve')
  .description(
    '启动服务器 Start the web server (migrates, loads reference data, seeds demo data on the embedded DB)',
  )
  .option('--no-demo', 'do not seed demo data on first start')
  .action(async (opts: { demo: boolean }) => {
    const { startServer } = await import('../server/main.ts');
    await startServer(opts.demo ? {} : { seedDemo: false });
  });

registerInitCommands(program);
registerDbCommands(program);
registerImportCommands(program);
registerLedgerCommands(program);
registerMatchingCommands(program);
registerAuditCommands(program);
registerUserCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
