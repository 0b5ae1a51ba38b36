import { eq } from 'drizzle-orm';
import { DEFAULT_LEDGER_RULES, type TLedgerRules, ZLedgerRules } from '../../../domain/ledger/rules.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appSetting } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';

const KEY = 'ledger.rules';
/** built once: a Zod schema made per call costs ≈0.5 ms per request (zod 4 compiles it on first parse) */
const ZStoredRules = ZLedgerRules.partial();

/** The service-level rules in force: the stored ones over the defaults (a missing key uses its default). */
export async function getLedgerRules(db: TDbOrTx): Promise<TLedgerRules> {
  const [row] = await db.select({ value: appSetting.value }).from(appSetting).where(eq(appSetting.key, KEY));
  const parsed = ZStoredRules.safeParse(row?.value ?? {});
  return { ...DEFAULT_LEDGER_RULES, ...(parsed.success ? parsed.data : {}) };
}

/**
 * The rules for a request: read at most every few seconds per database (every worklist and case page needs
 * them), and re-read at once after this process changes them. Another process's change shows within RULES_TTL_MS.
 */
const RULES_TTL_MS = 10_000;
const cached = new WeakMap<object, { rules: Promise<TLedgerRules>; at: number }>();

export function rulesFor(deps: TDeps): Promise<TLedgerRules> {
  const key = deps.database;
  const hit = cached.get(key);
  const now = Date.now();
  if (hit && now - hit.at < RULES_TTL_MS) return hit.rules;
  const rules = getLedgerRules(deps.database.db);
  cached.set(key, { rules, at: now });
  rules.catch(() => cached.delete(key));
  return rules;
}

/** Replace the rules (ministry); audited with before and after. */
export async function setLedgerRules(deps: TDeps, ctx: TCtx, rules: TLedgerRules): Promise<TLedgerRules> {
  const now = deps.clock.now();
  const saved = await deps.database.db.transaction(async (tx) => {
    const before = await getLedgerRules(tx);
    await tx
      .insert(appSetting)
      .values({ key: KEY, value: rules, updatedBy: ctx.user?.id ?? null, updatedAt: now })
      .onConflictDoUpdate({
        target: appSetting.key,
        set: { value: rules, updatedBy: ctx.user?.id ?? null, updatedAt: now },
      });
    await recordAudit(tx, ctx, { action: 'ledger.rules', entityType: 'setting', before, after: rules }, now);
    return rules;
  });
  cached.delete(deps.database);
  return saved;
}
