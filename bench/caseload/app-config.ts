import os from 'node:os';
import type { TConfig } from '../../src/server/config.ts';
import { BENCH_SECRET } from './load.ts';

/** The server settings of every bench server process: production mode, no background jobs during a measurement. */
export function benchAppConfig(databaseUrl: string): TConfig {
  return {
    nodeEnv: 'production',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: os.tmpdir(),
    secretKey: BENCH_SECRET,
    logLevel: 'warn',
    smsProvider: 'console',
    ledgerTickMinutes: 0,
    pushDispatchMinutes: 0,
  };
}
