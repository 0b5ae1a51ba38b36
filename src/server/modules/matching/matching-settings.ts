import { eq } from 'drizzle-orm';
import {
  DEFAULT_MATCHING_SETTINGS,
  type TMatchingSettings,
  ZMatchingSettings,
} from '../../../domain/api/matching.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appSetting } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';

const KEY = 'matching.settings';
const ZStored = ZMatchingSettings.partial();

/** The matching settings in force (the per-graduate daily push limit): stored values over the defaults. */
export async function getMatchingSettings(db: TDbOrTx): Promise<TMatchingSettings> {
  const [row] = await db.select({ value: appSetting.value }).from(appSetting).where(eq(appSetting.key, KEY));
  const parsed = ZStored.safeParse(row?.value ?? {});
  return { ...DEFAULT_MATCHING_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

/** Replace the settings (ledger.settings permission, checked by the route); audited with before and after. */
export async function setMatchingSettings(
  deps: TDeps,
  ctx: TCtx,
  settings: TMatchingSettings,
): Promise<TMatchingSettings> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const before = await getMatchingSettings(tx);
    const by = ctx.user?.id ?? null;
    await tx
      .insert(appSetting)
      .values({ key: KEY, value: settings, updatedBy: by, updatedAt: now })
      .onConflictDoUpdate({
        target: appSetting.key,
        set: { value: settings, updatedBy: by, updatedAt: now },
      });
    await recordAudit(
      tx,
      ctx,
      { action: 'matching.settings', entityType: 'setting', before, after: settings },
      now,
    );
    return settings;
  });
}
