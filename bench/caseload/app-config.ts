import os from 'node:os';
import type { TConfig } from '../../src/server/config.ts';
import { BENCH_SECRET } from './load.ts';

/** The server settings of every bench server process: production mode, no background jobs during a measurement. */
export function benchAppConfig(databaseUrl: string, databasePoolSize: number): TConfig {
  return {
    nodeEnv: 'production',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    databasePoolSize,
    dataDir: os.tmpdir(),
    secretKey: BENCH_SECRET,
    logLevel: 'warn',
    smsProvider: 'console',
    ledgerTickMinutes: 0,
    pushDispatchMinutes: 0,
  };
}
