import type { Command } from 'commander';
import { verifyAudit } from '../server/modules/audit/audit-checkpoint.ts';
import { withDatabase } from './with-database.ts';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('审计日志 Audit trail');
  audit
    .command('verify')
    .description(
      '校验审计哈希链 Verify the keyed chain and the checkpoints outside the database (AUDIT_CHECKPOINT_FILE); exits 2 at the first break',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await withDatabase('bangfu audit verify', (deps) => verifyAudit(deps));
      if (opts.json) console.log(JSON.stringify(result));
      else if (result.ok)
        console.log(
          `审计链完整 / audit chain intact: ${result.checked} events, ${result.checkpoints} checkpoints checked`,
        );
      else {
        console.log(
          `审计链断裂 / audit chain BROKEN at event ${result.firstBroken!.id} (${result.firstBroken!.reason}); ` +
            `${result.checked} events before it are intact`,
        );
      }
      process.exitCode = result.ok ? 0 : 2;
    });
}
