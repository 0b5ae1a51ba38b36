import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { acquireDataDirLock } from './lock.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOCK = 'bangfu.lock';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bangfu-lock-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

const lockFile = () => path.join(dir, LOCK);
const holder = () =>
  JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number; purpose: string; since: string };

/** A lock file as another process would have left it. */
function writeLock(pid: number, purpose = 'bangfu serve') {
  writeFileSync(lockFile(), JSON.stringify({ pid, purpose, since: '2020-07-15T09:00:00.000Z' }));
}

/** A process that is alive for the length of the test. */
function liveProcess(): ChildProcess {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('acquireDataDirLock', () => {
  it('writes a lock file naming this process and the purpose, readable only by the owner', () => {
    const release = acquireDataDirLock(dir, 'bangfu serve');
    expect(holder()).toMatchObject({ pid: process.pid, purpose: 'bangfu serve' });
    expect(Number.isNaN(Date.parse(holder().since))).toBe(false);
    expect(statSync(lockFile()).mode & 0o777).toBe(0o600);
    release();
  });

  it('creates the data dir when it does not exist yet', () => {
    const nested = path.join(dir, 'a', 'b');
    const release = acquireDataDirLock(nested, 'bangfu migrate');
    expect(existsSync(path.join(nested, LOCK))).toBe(true);
    release();
  });

  it('refuses while another live process holds the lock, naming that process', () => {
    const other = liveProcess();
    writeLock(other.pid!, 'bangfu serve');
    const err = catchError(() => acquireDataDirLock(dir, 'bangfu migrate'));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('data_dir_locked');
    expect((err as AppError).status).toBe(503);
    expect((err as AppError).message).toContain(`正被进程 ${other.pid}`);
    expect((err as AppError).message).toContain('bangfu serve');
    expect((err as AppError).details).toMatchObject({ pid: other.pid, purpose: 'bangfu serve' });
    // the holder's lock is left alone
    expect(holder().pid).toBe(other.pid);
  });

  it('refuses when the holder is the parent process', () => {
    writeLock(process.ppid);
    const err = catchError(() => acquireDataDirLock(dir, 'bangfu migrate'));
    expect((err as AppError).code).toBe('data_dir_locked');
    expect((err as AppError).message).toContain(String(process.ppid));
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const pid = await deadPid();
    writeLock(pid);
    const release = acquireDataDirLock(dir, 'bangfu migrate');
    expect(holder()).toMatchObject({ pid: process.pid, purpose: 'bangfu migrate' });
    release();
  });

  it('release removes the file, is idempotent, and lets the next holder in', () => {
    const release = acquireDataDirLock(dir, 'bangfu serve');
    release();
    expect(existsSync(lockFile())).toBe(false);
    release();
    expect(existsSync(lockFile())).toBe(false);

    const again = acquireDataDirLock(dir, 'bangfu migrate');
    expect(holder().purpose).toBe('bangfu migrate');
    again();
  });

  it('a stale release does not remove a lock another process took since', () => {
    const release = acquireDataDirLock(dir, 'bangfu serve');
    release();
    const other = liveProcess();
    writeLock(other.pid!);
    release();
    expect(holder().pid).toBe(other.pid);
  });
});

describe('the CLI against a locked data dir', () => {
  const runCli = (args: string[], dataDir: string) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
    };
    delete env.DATABASE_URL;
    delete env.BANGFU_SECRET_KEY;
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'bin/bangfu.mjs'), ...args],
        { cwd: ROOT, env },
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  };

  it('`bangfu migrate` exits non-zero with the holder named while this process holds the lock', async () => {
    const release = acquireDataDirLock(dir, 'bangfu serve');
    try {
      const result = await runCli(['migrate'], dir);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`正被进程 ${process.pid}`);
      expect(result.stderr).toContain('bangfu serve');
      expect(result.stdout).not.toContain('migrated');
      // our lock survives the refused attempt, and no database was created behind it
      expect(holder().pid).toBe(process.pid);
      expect(existsSync(path.join(dir, 'pglite'))).toBe(false);
    } finally {
      release();
    }
  }, 60_000);

  it('`bangfu migrate` runs once the lock is free, and releases it when done', async () => {
    acquireDataDirLock(dir, 'bangfu serve')();
    const result = await runCli(['migrate'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('migrated (pglite)');
    expect(existsSync(lockFile())).toBe(false);
  }, 60_000);
});
