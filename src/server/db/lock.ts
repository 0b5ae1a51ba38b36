import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

const LOCK_FILE = 'bangfu.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the exclusive lock on the embedded data dir (PGlite has none of its own: a second process opening the
 * same folder loses committed rows). A lock left by a dead process is taken over. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // write the holder to a private file, then link it into place: link() fails if the lock exists, and a
      // reader never sees a half-written lock (which it would otherwise mistake for a stale one)
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }), {
        mode: 0o600,
      });
      try {
        linkSync(tmp, file);
      } finally {
        rmSync(tmp, { force: true });
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && isAlive(holder.pid)) {
        throw new AppError(
          'data_dir_locked',
          `数据目录 ${dataDir} 正被进程 ${holder.pid}（${holder.purpose}，自 ${holder.since}）使用。` +
            `请先停止该进程，或通过正在运行的服务器操作。The embedded database in ${dataDir} is in use by ` +
            `process ${holder.pid} (${holder.purpose}); stop it first or go through the running server.`,
          holder,
        );
      }
      rmSync(file, { force: true }); // stale: the holder is gone
    }
  }
  throw new AppError('data_dir_locked', `Could not lock ${dataDir}`);
}

function readHolder(file: string): { pid: number; purpose: string; since: string } | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
