import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * The first start on a fresh folder runs initdb, migrations and reference data, then imports ≈20,000 demo
 * graduates in a child `bangfu seed --demo` process before it listens (≈20–30 s here); leave room for a busy
 * machine.
 */
const READY_TIMEOUT_MS = 180_000;
const LOG_TAIL_CHARS = 8_000;

export type TTestServer = {
  baseUrl: string;
  dataDir: string;
  /** Last lines the server printed, for failure messages. */
  logTail: () => string;
  stop: () => Promise<void>;
  /**
   * Synchronous last resort for a runner that is exiting without its `after` hooks (an uncaught error such as
   * EPIPE when its output is piped into `head`): SIGKILL the server's process group and drop the data folder.
   */
  killNow: () => void;
};

/** A port nobody listens on right now: bind port 0, read what the kernel chose, release it. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The caller's environment minus anything that would point the server away from a fresh embedded database;
 * `overrides` (e.g. a production deployment's DATABASE_URL and key) are applied last.
 */
export function serverEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.BANGFU_SECRET_KEY;
  delete env.AUDIT_CHECKPOINT_FILE;
  return { ...env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...overrides };
}

/** Run one `bangfu` CLI command to its end; resolves with its exit code and everything it printed. */
export function runBangfu(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/bangfu.mjs', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: serverEnv(env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Start `bangfu serve` as a child process on a free port with a fresh embedded database in a temp DATA_DIR,
 * and resolve once /api/health answers 200. The child leads its own process group so stop() can end it
 * and anything it spawned. `env` points it elsewhere (the deploy journey: production on PostgreSQL).
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TTestServer> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bangfu-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['bin/bangfu.mjs', 'serve'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LEDGER_TICK_MINUTES: '0',
      PUSH_DISPATCH_MINUTES: '0',
      ...env,
    }),
  });
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', (code, signal) => {
    log += `\n[server process exited: code ${code}, signal ${signal}]\n`;
  });

  const stop = async () => {
    if (child.pid !== undefined && !exited(child)) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      if (!(await waitForExit(child, 10_000))) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const killNow = () => {
    if (child.pid !== undefined && !exited(child)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, dataDir, logTail: () => log, stop, killNow };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logTail: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited(child)) {
      throw new Error(
        `server exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${logTail()}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${READY_TIMEOUT_MS / 1000} s:\n${logTail()}`);
}
