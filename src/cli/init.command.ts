import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ZCreateUserBody, ZNewPassword } from '../domain/api/auth.ts';
import { AppError } from '../server/errors.ts';
import {
  findActiveSystemAdmin,
  generateTemporaryPassword,
  initPlatform,
  PLATFORM_ORG,
} from '../server/modules/setup/platform-init.service.ts';
import { withDatabase } from './with-database.ts';

/** Exit codes a deployment script can act on. */
export const INIT_EXIT = { invalid: 2, alreadyInitialised: 3 } as const;

type TOpts = { username?: string; name?: string; password?: string; orgName?: string };

/** Asks for what was not given when a person is at the terminal; a script (no TTY) gets the defaults. */
async function complete(opts: TOpts): Promise<Required<Pick<TOpts, 'username' | 'name'>> & TOpts> {
  if (!process.stdin.isTTY || (opts.username && opts.name && opts.password)) {
    return { ...opts, username: opts.username ?? 'admin', name: opts.name ?? '系统管理员' };
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const username =
      opts.username ?? ((await rl.question('管理员用户名 Admin username [admin]: ')).trim() || 'admin');
    const name = opts.name ?? ((await rl.question('姓名 Name [系统管理员]: ')).trim() || '系统管理员');
    let password = opts.password;
    if (password === undefined) {
      // echo off while the password is typed: readline writes what it reads through _writeToOutput
      const muted = rl as unknown as { _writeToOutput: (s: string) => void };
      const write = muted._writeToOutput.bind(rl);
      process.stdout.write('密码 Password (留空则生成临时密码 empty = generate a temporary one): ');
      muted._writeToOutput = (s) => {
        if (s.includes('\n')) write('\n');
      };
      password = (await rl.question('')) || undefined;
      muted._writeToOutput = write;
    }
    return { ...opts, username, name, password };
  } finally {
    rl.close();
  }
}

export function registerInitCommands(program: Command) {
  program
    .command('init')
    .description(
      '初始化平台：创建平台机构和第一个系统管理员 Create the platform org and the first system admin (once)',
    )
    .option('--username <name>', 'admin login name (a-z, 0-9, _ . -), default admin')
    .option('--name <displayName>', 'admin display name, default 系统管理员')
    .option('--password <password>', 'admin password; without it a temporary one is generated and printed')
    .option('--org-name <name>', `platform org name, default ${PLATFORM_ORG.name}`)
    .action(async (given: TOpts) => {
      await withDatabase('bangfu init', async (deps) => {
        const admin = await findActiveSystemAdmin(deps);
        if (admin) {
          console.error(
            `平台已初始化：系统管理员 ${admin.username} 已存在，未做任何更改。/ ` +
              `Already initialised: system admin ${admin.username} exists; nothing was changed.`,
          );
          process.exitCode = INIT_EXIT.alreadyInitialised;
          return;
        }
        const opts = await complete(given);
        const generated = opts.password === undefined;
        const password = opts.password ?? generateTemporaryPassword();
        const parsed = ZCreateUserBody.pick({ username: true, displayName: true }).safeParse({
          username: opts.username,
          displayName: opts.name,
        });
        const pw = ZNewPassword.safeParse(password);
        const issues = [...(parsed.error?.issues ?? []), ...(pw.error?.issues ?? [])];
        if (issues.length) {
          for (const i of issues)
            console.error(`${String(i.path[0] ?? 'password')}: ${i.message} / 输入不符合要求`);
          process.exitCode = INIT_EXIT.invalid;
          return;
        }
        try {
          const done = await initPlatform(deps, {
            username: parsed.data!.username,
            displayName: parsed.data!.displayName,
            password,
            mustChangePassword: generated,
            orgName: opts.orgName,
          });
          console.log(
            `已创建系统管理员 ${done.username}（机构 ${done.orgCode}${done.orgCreated ? '，新建' : ''}）。` +
              ` Created system admin ${done.username} in org ${done.orgCode}.`,
          );
          if (generated) {
            console.log(`临时密码 Temporary password: ${password}`);
            console.log('首次登录后须修改密码。The password must be changed at first sign-in.');
          }
        } catch (err) {
          if (!(err instanceof AppError) || !['conflict', 'validation_error'].includes(err.code)) throw err;
          console.error(err.message);
          process.exitCode = err.code === 'conflict' ? INIT_EXIT.alreadyInitialised : INIT_EXIT.invalid;
        }
      });
    });
}
