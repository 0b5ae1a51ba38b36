import { eq } from 'drizzle-orm';
import type { TResolveCounty } from '../../../domain/registry/validate-row.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { region, regionAlias } from '../../db/schema/index.ts';

/**
 * A synchronous resolver for the row validators: current county codes map to themselves, historical codes to
 * their single current county (ambiguous splits resolve to nothing). Loaded once per import (~3k rows).
 */
export async function loadCountyResolver(db: TDbOrTx): Promise<TResolveCounty> {
  const counties = await db.select({ code: region.code }).from(region).where(eq(region.level, 3));
  const map = new Map<string, string | null>(counties.map((c) => [c.code, c.code]));
  const aliases = await db.select().from(regionAlias);
  const targets = new Map<string, Set<string>>();
  for (const a of aliases) targets.set(a.oldCode, (targets.get(a.oldCode) ?? new Set()).add(a.currentCode));
  for (const [old, set] of targets) if (!map.has(old)) map.set(old, set.size === 1 ? [...set][0]! : null);
  return (code) => map.get(code) ?? null;
}
