import os from 'node:os';
import pino from 'pino';
import { buildApp } from '../../src/server/app.ts';
import type { TConfig } from '../../src/server/config.ts';
import { systemClock, type TDeps } from '../../src/server/context.ts';
import { createCrypto } from '../../src/server/crypto.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { ConsoleSmsProvider } from '../../src/server/sms/console-provider.ts';
import { BENCH_SECRET } from './load.ts';

/**
 * The app as every bench server process builds it (bench/caseload.ts in-process, app-worker.ts per cluster
 * worker): production mode, the pool as main.ts opens it (DATABASE_POOL_SIZE), no background jobs during a
 * measurement.
 */
export async function buildBenchApp(databaseUrl: string, databasePoolSize: number) {
  const config: TConfig = {
    nodeEnv: 'production',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    databasePoolSize,
    dataDir: os.tmpdir(),
    secretKey: BENCH_SECRET,
    logLevel: 'warn',
    auditCheckpointFile: `${os.tmpdir()}/bangfu-bench-audit-checkpoints.jsonl`,
    auditCheckpointMinutes: 0,
    revealDailyLimit: 20,
    smsProvider: 'console',
    ledgerTickMinutes: 0,
    pushDispatchMinutes: 0,
    allowedOrigins: [],
    trustProxy: false,
  };
  const logger = pino({ level: 'warn' });
  const database = openPostgres(databaseUrl, databasePoolSize);
  const deps = {
    config,
    database,
    crypto: createCrypto(BENCH_SECRET),
    clock: systemClock,
    sms: new ConsoleSmsProvider(logger, { withholdText: true }),
  } as unknown as TDeps;
  const app = await buildApp(deps, { logger });
  return { app, database };
}
