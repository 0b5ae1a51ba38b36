import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type TConfig } from './config.ts';
import { systemClock } from './context.ts';
import { createCrypto } from './crypto.ts';
import { openDatabase } from './db/open.ts';
import { AppError } from './errors.ts';
import { startAuditCheckpoints } from './modules/audit/audit-checkpoint.ts';
import { failInterruptedBatches } from './modules/imports/import.repo.ts';
import { startLedgerScheduler } from './modules/ledger/ledger-scheduler.ts';
import { startMatchingScheduler } from './modules/matching/matching-scheduler.ts';
import { isDemoSeeded } from './seed/demo.ts';
import { createSmsProvider } from './sms/sms-provider.ts';

/** config → database (migrate, reference data, demo seed on first start) → listen; graceful shutdown. */
export async function startServer(options: { seedDemo?: boolean } = {}) {
  const started = performance.now();
  let config: TConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel });
  const seedWanted = options.seedDemo ?? (!config.databaseUrl && config.nodeEnv !== 'production');
  if (seedWanted && !config.databaseUrl && !isDemoSeeded(config.dataDir)) {
    logger.info('first start: creating the embedded database and seeding demo data (≈30 s)…');
    seedInChildProcess();
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config, 'bangfu serve');
  } catch (err) {
    if (err instanceof AppError && err.code === 'data_dir_locked') {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const sms = createSmsProvider(config, logger);
  if (config.smsProvider === 'console' && config.nodeEnv === 'production') {
    logger.warn('SMS_PROVIDER=console in production: sign-in codes are not delivered and not logged');
  }
  const deps = { config, database, crypto: createCrypto(config.secretKey), clock: systemClock, sms };
  const interrupted = await failInterruptedBatches(database.db);
  if (interrupted)
    logger.warn({ interrupted }, 'import batches interrupted by the last shutdown marked failed');
  const app = await buildApp(deps, { logger });
  // the zero-gap clock: overdue items, escalation, notifications and the daily digest (LEDGER_TICK_MINUTES=0: off)
  const ledgerClock =
    config.ledgerTickMinutes > 0
      ? startLedgerScheduler(deps, logger, { intervalMinutes: config.ledgerTickMinutes })
      : null;
  // the push outbox: queued pushes and those carried over by the daily limit (PUSH_DISPATCH_MINUTES=0: off)
  const pushOutbox =
    config.pushDispatchMinutes > 0
      ? startMatchingScheduler(deps, logger, { intervalMinutes: config.pushDispatchMinutes })
      : null;
  // the audit trail's checkpoints outside the database: one now, then every AUDIT_CHECKPOINT_MINUTES (0: off)
  const auditCheckpoints = startAuditCheckpoints(deps, logger, config.auditCheckpointMinutes);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await ledgerClock?.stop();
    await pushOutbox?.stop();
    await auditCheckpoints.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  logger.info(
    {
      url: `http://localhost:${config.port}`,
      driver: database.driver,
      readyMs: Math.round(performance.now() - started),
    },
    'Bangfu 帮扶 ready',
  );
  return app;
}

/**
 * Seed the demo data in a short-lived `bangfu seed --demo` process: the ≈20k-graduate import would otherwise
 * leave its PGlite heap in the server for good (RSS ≈420 MB instead of ≈300 MB). It takes the data-dir lock and
 * releases it on exit, before the server opens the database.
 */
function seedInChildProcess() {
  const bin = fileURLToPath(new URL('../../bin/bangfu.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [bin, 'seed', '--demo'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Seeding the demo data failed; see the messages above');
}
