import path from 'node:path';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { systemCtx } from '../server/context.ts';
import { createCrypto } from '../server/crypto.ts';
import { openDatabase } from '../server/db/open.ts';
import { auditEvent } from '../server/db/schema/index.ts';
import { recordAudit, recordRead } from '../server/modules/audit/audit.service.ts';
import { createCliHarness } from './cli-test-harness.ts';

/*
 * `bangfu audit verify` as a separate process (embedded PGlite in a temporary DATA_DIR, or a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set) against a trail that is then tampered with the way someone with
 * database rights but not the secret could: the newest rows deleted, then a row rewritten.
 */

const cli = createCliHarness('audit');
const bangfu = cli.run;
let env: NodeJS.ProcessEnv;

/** Open the database as the CLI would, run `fn`, close it (PGlite allows one process at a time). */
async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const config = loadConfig(env);
  createCrypto(config.secretKey);
  const database = await openDatabase(config, 'audit.command.test');
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  env = await cli.prepare();
  env.AUDIT_CHECKPOINT_FILE = path.join(cli.dir, 'checkpoints', 'audit.jsonl');
  await withDb(async (db) => {
    for (let i = 0; i < 6; i++) {
      const at = new Date(Date.UTC(2024, 2, 1, 1, i));
      await db.transaction((tx) => recordAudit(tx, systemCtx(), { action: `test.write.${i}` }, at));
      await recordRead(
        db,
        systemCtx(),
        { action: 'case.view', entityType: 'ledger_case', entityId: `${i}` },
        at,
      );
    }
  });
}, 120_000);

afterAll(async () => {
  await cli.cleanup();
});

describe('bangfu audit verify', () => {
  it('passes an intact trail and checkpoints it, then finds a truncated tail and a rewritten row (exit 2)', async () => {
    const intact = await bangfu('audit', 'verify', '--json');
    expect(intact.code, intact.stderr).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, checkpoints: 0, firstBroken: null });

    // the newest rows deleted: the remaining chain is valid, only the checkpoint shows the loss
    const lastId = await withDb(async (db) => {
      const newest = await db
        .select({ id: auditEvent.id })
        .from(auditEvent)
        .orderBy(desc(auditEvent.id))
        .limit(2);
      await db.execute(sql`alter table audit_event disable trigger user`);
      await db.delete(auditEvent).where(
        inArray(
          auditEvent.id,
          newest.map((r) => r.id),
        ),
      );
      return newest[0]!.id;
    });
    const truncated = await bangfu('audit', 'verify', '--json');
    expect(truncated.code).toBe(2);
    expect(JSON.parse(truncated.stdout).firstBroken).toEqual({ id: String(lastId), reason: 'truncated' });

    // a row rewritten in place is found at that row, before the truncation
    const target = await withDb(async (db) => {
      const [row] = await db.select().from(auditEvent).orderBy(auditEvent.id).limit(1).offset(3);
      await db.update(auditEvent).set({ actorUsername: 'someone_else' }).where(eq(auditEvent.id, row!.id));
      return row!.id;
    });
    const rewritten = await bangfu('audit', 'verify');
    expect(rewritten.code).toBe(2);
    expect(rewritten.stdout).toContain(`BROKEN at event ${target} (hash_mismatch)`);
  }, 120_000);
});
