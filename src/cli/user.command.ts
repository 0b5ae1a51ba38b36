import type { Command } from 'commander';
import { ZCreateUserBody } from '../domain/api/auth.ts';
import { ROLES } from '../domain/roles.ts';
import { systemCtx } from '../server/context.ts';
import { createUser } from '../server/modules/auth/users.service.ts';
import { withDatabase } from './with-database.ts';

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('账户 Accounts');
  user
    .command('create')
    .description('创建账户 Create an account')
    .requiredOption('--username <name>', 'login name (a-z, 0-9, _ . -)')
    .requiredOption('--org <code>', 'org unit code, e.g. U-10657')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--name <displayName>', 'display name (defaults to the username)')
    .requiredOption('--password <password>', 'initial password; the user must change it at first sign-in')
    .action(
      async (opts: { username: string; org: string; role: string[]; name?: string; password: string }) => {
        const parsed = ZCreateUserBody.safeParse({
          username: opts.username,
          displayName: opts.name ?? opts.username,
          orgCode: opts.org,
          roles: opts.role,
          password: opts.password,
        });
        if (!parsed.success) {
          for (const i of parsed.error.issues) console.error(`--${String(i.path[0])}: ${i.message}`);
          process.exitCode = 1;
          return;
        }
        const created = await withDatabase('bangfu user create', (deps) =>
          createUser(deps, systemCtx(), { ...parsed.data, mustChangePassword: true }),
        );
        console.log(`created user ${created.username} (${created.id})`);
      },
    );
}
