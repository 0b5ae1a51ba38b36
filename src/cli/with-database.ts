import { loadConfig } from '../server/config.ts';
import { systemClock, type TDeps } from '../server/context.ts';
import { createCrypto } from '../server/crypto.ts';
import { openDatabase } from '../server/db/open.ts';
import { createSmsProvider } from '../server/sms/sms-provider.ts';

/**
 * Open the database for one CLI command and close it afterwards. On the embedded database this takes the
 * data-dir lock, so while the server runs the command refuses with a clear message instead of corrupting data.
 */
export async function withDatabase<T>(purpose: string, fn: (deps: TDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, purpose);
  try {
    const sms = createSmsProvider(config, { info: (_obj, msg) => console.log(msg) });
    return await fn({ config, database, crypto: createCrypto(config.secretKey), clock: systemClock, sms });
  } finally {
    await database.close();
  }
}
