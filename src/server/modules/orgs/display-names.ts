import { inArray } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser, orgUnit, region } from '../../db/schema/index.ts';

/*
 * Display names of org units, regions and users, remembered in the process for lists that show them beside
 * every row (the caseload: university, domicile county, holder, helper). Looked up in the list's own statement
 * they cost about a third of its database time — a subquery per name per row (docs/benchmarks.md, caseload).
 * Here a page costs nothing once its names are known, and one query per kind for those that are not.
 * Names are not personal data, and the ids come from rows already read within the user's scope. A name changed
 * by another process shows within NAME_TTL_MS; this process forgets a user's name as it updates the user
 * (auth.repo.ts). Ids are UUIDs and region codes are national codes, so one process-wide table per kind serves
 * every database handle (tests open many).
 */

export const NAME_TTL_MS = 60_000;
const MAX_PER_KIND = 50_000;

export type TNameKind = 'org' | 'region' | 'user';
type TEntry = { name: string | null; at: number };
const known: Record<TNameKind, Map<string, TEntry>> = { org: new Map(), region: new Map(), user: new Map() };

function lookup(db: TDbOrTx, kind: TNameKind, ids: string[]): Promise<{ id: string; name: string }[]> {
  switch (kind) {
    case 'org':
      return db.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit).where(inArray(orgUnit.id, ids));
    case 'region':
      return db.select({ id: region.code, name: region.name }).from(region).where(inArray(region.code, ids));
    case 'user':
      return db
        .select({ id: appUser.id, name: appUser.displayName })
        .from(appUser)
        .where(inArray(appUser.id, ids));
  }
}

/** Resolves an id of a kind to its name; null for a null or unknown id. */
export type TNames = (kind: TNameKind, id: string | null) => string | null;

/** The names of these ids, reading only those not known within NAME_TTL_MS (one query per kind). */
export async function displayNames(
  db: TDbOrTx,
  wanted: Partial<Record<TNameKind, (string | null)[]>>,
): Promise<TNames> {
  const now = performance.now();
  // what this call answers with, whatever happens to the shared tables meanwhile (cleared at MAX_PER_KIND)
  const resolved: Record<TNameKind, Map<string, string | null>> = {
    org: new Map(),
    region: new Map(),
    user: new Map(),
  };
  const lookups: Promise<void>[] = [];
  for (const kind of Object.keys(wanted) as TNameKind[]) {
    const map = known[kind];
    const mine = resolved[kind];
    const missing: string[] = [];
    for (const id of wanted[kind]!) {
      if (id === null || mine.has(id)) continue;
      const hit = map.get(id);
      if (hit && now - hit.at <= NAME_TTL_MS) mine.set(id, hit.name);
      else {
        mine.set(id, null); // until the lookup says otherwise; an id that does not exist stays nameless
        missing.push(id);
      }
    }
    if (missing.length === 0) continue;
    lookups.push(
      lookup(db, kind, missing).then((rows) => {
        if (map.size + missing.length > MAX_PER_KIND) map.clear();
        for (const id of missing) map.set(id, { name: null, at: now });
        for (const r of rows) {
          map.set(r.id, { name: r.name, at: now });
          mine.set(r.id, r.name);
        }
      }),
    );
  }
  await Promise.all(lookups);
  return (kind, id) => (id === null ? null : (resolved[kind].get(id) ?? null));
}

/** Forget a user's name in this process: their record is changing. */
export function forgetUserName(userId: string): void {
  known.user.delete(userId);
}
