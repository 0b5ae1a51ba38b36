import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const STRONG = 'b7e1c9a04f3d28e65a1f0c9d7b3e2a4f';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bangfu-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** loadConfig, expecting a ConfigError; returns its problems. */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('loadConfig was expected to refuse this environment');
}

describe('loadConfig', () => {
  it('fills in defaults for everything but the secret', () => {
    const config = loadConfig({ BANGFU_SECRET_KEY: STRONG });
    expect(config).toEqual({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databasePoolSize: 10,
      dataDir: path.resolve('./data'),
      secretKey: STRONG,
      logLevel: 'info',
      auditCheckpointFile: path.resolve('./data/audit-checkpoints.jsonl'),
      auditCheckpointMinutes: 60,
      revealDailyLimit: 20,
      smsProvider: 'console',
      ledgerTickMinutes: 60,
      pushDispatchMinutes: 5,
      allowedOrigins: [],
      trustProxy: false,
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://bangfu@db/bangfu',
      DATABASE_POOL_SIZE: '3',
      DATA_DIR: dir,
      BANGFU_SECRET_KEY: STRONG,
      LOG_LEVEL: 'warn',
      AUDIT_CHECKPOINT_FILE: path.join(dir, 'checkpoints', 'audit.jsonl'),
      AUDIT_CHECKPOINT_MINUTES: '15',
      REVEAL_DAILY_LIMIT: '5',
      SMS_PROVIDER: 'console',
      LEDGER_TICK_MINUTES: '0',
      PUSH_DISPATCH_MINUTES: '0',
      ALLOWED_ORIGINS: 'https://bangfu.example.edu.cn, http://10.0.0.5:8080',
      TRUST_PROXY: 'true',
    });
    expect(config).toEqual({
      nodeEnv: 'production',
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://bangfu@db/bangfu',
      databasePoolSize: 3,
      dataDir: dir,
      secretKey: STRONG,
      logLevel: 'warn',
      auditCheckpointFile: path.join(dir, 'checkpoints', 'audit.jsonl'),
      auditCheckpointMinutes: 15,
      revealDailyLimit: 5,
      smsProvider: 'console',
      ledgerTickMinutes: 0,
      pushDispatchMinutes: 0,
      allowedOrigins: ['https://bangfu.example.edu.cn', 'http://10.0.0.5:8080'],
      trustProxy: true,
    });
  });

  it('refuses allowed origins that are not bare origins, and a TRUST_PROXY that is not true or false', () => {
    for (const value of [
      'bangfu.example.edu.cn',
      'https://a.example/',
      'https://a.example/app',
      'ftp://a.example',
    ]) {
      const problems = problemsOf({ BANGFU_SECRET_KEY: STRONG, ALLOWED_ORIGINS: value });
      expect(
        problems.map((p) => p.split(':')[0]),
        value,
      ).toEqual(['ALLOWED_ORIGINS']);
    }
    const proxy = problemsOf({ BANGFU_SECRET_KEY: STRONG, TRUST_PROXY: 'yes' });
    expect(proxy.map((p) => p.split(':')[0])).toEqual(['TRUST_PROXY']);
  });

  it('requires an audit checkpoint file with DATABASE_URL in production, and refuses a folder for it', () => {
    const withDb = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/bangfu',
      BANGFU_SECRET_KEY: STRONG,
    };
    expect(problemsOf(withDb).map((p) => p.split(':')[0])).toEqual(['AUDIT_CHECKPOINT_FILE']);
    expect(problemsOf({ ...withDb, AUDIT_CHECKPOINT_FILE: dir }).join('\n')).toContain('not a directory');
    expect(problemsOf({ ...withDb, AUDIT_CHECKPOINT_FILE: `${dir}/` }).join('\n')).toContain(
      'not a directory',
    );
    const file = path.join(dir, 'audit.jsonl');
    expect(loadConfig({ ...withDb, AUDIT_CHECKPOINT_FILE: file }).auditCheckpointFile).toBe(file);
    // the embedded default keeps it beside the database
    expect(loadConfig({ DATA_DIR: dir, BANGFU_SECRET_KEY: STRONG }).auditCheckpointFile).toBe(
      path.join(dir, 'audit-checkpoints.jsonl'),
    );
  });

  it('refuses an SMS provider it has no implementation for', () => {
    const problems = problemsOf({ BANGFU_SECRET_KEY: STRONG, SMS_PROVIDER: 'aliyun' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['SMS_PROVIDER']);
  });

  it('refuses a ledger clock interval that is not a whole number of minutes in a day', () => {
    for (const value of ['-1', '1.5', 'hourly', '1441']) {
      const problems = problemsOf({ BANGFU_SECRET_KEY: STRONG, LEDGER_TICK_MINUTES: value });
      expect(
        problems.map((p) => p.split(':')[0]),
        value,
      ).toEqual(['LEDGER_TICK_MINUTES']);
    }
  });

  it('lists every bad variable at once, each by name', () => {
    const problems = problemsOf({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      BANGFU_SECRET_KEY: STRONG,
    });
    expect(problems).toHaveLength(3);
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) {
      expect(
        problems.filter((p) => p.startsWith(`${name}:`)),
        name,
      ).toHaveLength(1);
    }
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('postgres://');
  });

  it('lists a missing secret together with the other bad variables, not after they are fixed', () => {
    const withDb = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(withDb.map((p) => p.split(':')[0]).sort()).toEqual([
      'BANGFU_SECRET_KEY',
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
    ]);
    const prod = problemsOf({ NODE_ENV: 'production', PORT: 'abc', DATA_DIR: dir });
    expect(prod.map((p) => p.split(':')[0]).sort()).toEqual(['BANGFU_SECRET_KEY', 'PORT']);
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('generates no secret file when another variable is bad', () => {
    expect(problemsOf({ PORT: 'abc', DATA_DIR: dir })).toHaveLength(1);
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('puts every problem in the error message too', () => {
    try {
      loadConfig({ PORT: '70000', NODE_ENV: 'staging', BANGFU_SECRET_KEY: STRONG });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT:.*\n.*NODE_ENV:|NODE_ENV:.*\n.*PORT:/);
    }
  });

  it('refuses a secret shorter than 32 characters in any environment', () => {
    const problems = problemsOf({ BANGFU_SECRET_KEY: 'short', DATA_DIR: dir });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BANGFU_SECRET_KEY: .*32/);
  });
});

describe('secret key', () => {
  it('on the embedded default, generates secret.key in DATA_DIR with mode 0600 once and reuses it', () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = path.join(dataDir, 'secret.key');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secretKey);

    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.secretKey).toBe(first.secretKey);
    expect(second.dataDir).toBe(dataDir);
  });

  it('prefers BANGFU_SECRET_KEY and then writes no file', () => {
    const config = loadConfig({ DATA_DIR: dir, BANGFU_SECRET_KEY: STRONG });
    expect(config.secretKey).toBe(STRONG);
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('is required in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATA_DIR: dir });
    expect(problems.join('\n')).toContain('BANGFU_SECRET_KEY');
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('must be strong in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATA_DIR: dir, BANGFU_SECRET_KEY: 'a'.repeat(40) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BANGFU_SECRET_KEY: .*weak/);
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, BANGFU_SECRET_KEY: STRONG }).secretKey).toBe(
      STRONG,
    );
  });

  it('is required with DATABASE_URL: the data lives elsewhere, so no key is generated', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://db/bangfu', DATA_DIR: dir });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BANGFU_SECRET_KEY: .*DATABASE_URL/);
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });
});
