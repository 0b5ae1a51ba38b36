import { eq } from 'drizzle-orm';
import { DEFAULT_LEDGER_RULES, type TLedgerRules, ZLedgerRules } from '../../../domain/ledger/rules.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appSetting } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';

const KEY = 'ledger.rules';

/** The service-level rules in force: the stored ones over the defaults (a missing key uses its default). */
export async function getLedgerRules(db: TDbOrTx): Promise<TLedgerRules> {
  const [row] = await db.select({ value: appSetting.value }).from(appSetting).where(eq(appSetting.key, KEY));
  const parsed = ZLedgerRules.partial().safeParse(row?.value ?? {});
  return { ...DEFAULT_LEDGER_RULES, ...(parsed.success ? parsed.data : {}) };
}

/** Replace the rules (ministry); audited with before and after. */
export async function setLedgerRules(deps: TDeps, ctx: TCtx, rules: TLedgerRules): Promise<TLedgerRules> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
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
}
