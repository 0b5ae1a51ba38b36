import { and, eq, inArray } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { orgUnit } from '../../db/schema/index.ts';
import type { TUniversity } from './row-record.ts';

type TUniversityRow = { id: string; code: string; moeCode: string | null; regionCode: string | null };

/**
 * The universities an uploader may import for, with their colleges by name, indexed by org code and by MOE
 * code (院校代码 cells carry the latter).
 */
export async function loadUniversities(db: TDbOrTx, allowed: TUniversityRow[]) {
  const colleges = allowed.length
    ? await db
        .select({ id: orgUnit.id, name: orgUnit.name, parentId: orgUnit.parentId })
        .from(orgUnit)
        .where(
          and(
            eq(orgUnit.kind, 'college'),
            inArray(
              orgUnit.parentId,
              allowed.map((u) => u.id),
            ),
          ),
        )
    : [];
  const byCode = new Map<string, TUniversity & { code: string }>();
  const byId = new Map<string, TUniversity & { code: string }>();
  for (const u of allowed) {
    const entry = {
      id: u.id,
      code: u.code,
      regionCode: u.regionCode,
      colleges: new Map(colleges.filter((c) => c.parentId === u.id).map((c) => [c.name, c.id])),
    };
    byCode.set(u.code, entry);
    if (u.moeCode) byCode.set(u.moeCode, entry);
    byId.set(u.id, entry);
  }
  return { byCode, byId };
}
