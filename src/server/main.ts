import pino from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type TConfig } from './config.ts';
import { systemClock } from './context.ts';
import { createCrypto } from './crypto.ts';
import { openDatabase } from './db/open.ts';
import { AppError } from './errors.ts';
import { seedDemo } from './seed/demo.ts';

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
  const deps = { config, database, crypto: createCrypto(config.secretKey), clock: systemClock };
  const seedWanted = options.seedDemo ?? (!config.databaseUrl && config.nodeEnv !== 'production');
  if (seedWanted) {
    const seeded = await seedDemo(deps, { onlyIfEmpty: true });
    if (seeded) logger.info(seeded, 'demo data seeded');
  }
  const app = await buildApp(deps, { logger });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
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
