/**
 * One server process of the caseload benchmark's cluster (`--workers N`): the same app, deps and settings as
 * the in-process server of bench/caseload.ts, listening on the port all workers share (node:cluster).
 * Env: BENCH_DB_URL, BENCH_PORT, BENCH_POOL.
 */
import pino from 'pino';
import { buildApp } from '../../src/server/app.ts';
import { systemClock, type TDeps } from '../../src/server/context.ts';
import { createCrypto } from '../../src/server/crypto.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { ConsoleSmsProvider } from '../../src/server/sms/console-provider.ts';
import { benchAppConfig } from './app-config.ts';
import { BENCH_SECRET } from './load.ts';

const url = process.env.BENCH_DB_URL!;
const logger = pino({ level: 'warn' });
const pool = Number(process.env.BENCH_POOL);
const database = openPostgres(url, pool);
const deps = {
  config: benchAppConfig(url, pool),
  database,
  crypto: createCrypto(BENCH_SECRET),
  clock: systemClock,
  sms: new ConsoleSmsProvider(logger, { withholdText: true }),
} as unknown as TDeps;
const app = await buildApp(deps, { logger });
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
process.send?.('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
