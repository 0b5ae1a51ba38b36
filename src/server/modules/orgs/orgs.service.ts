import type { TOrgNode } from '../../../domain/api/orgs.ts';
import type {
  TCodeTable,
  TFocusList,
  TMajorCatalogue,
  TRegionNode,
  TResolvedCounty,
  TSupportPair,
} from '../../../domain/api/reference.ts';
import type { TOrgKind } from '../../../domain/orgs.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import * as repo from './orgs.repo.ts';
import { CODE_TABLE_INFO, MAJOR_CATALOGUES } from './reference.loader.ts';

type TRegionRow = Awaited<ReturnType<typeof repo.listRegionsByParent>>[number];
const toNode = (r: TRegionRow): TRegionNode => ({ ...r, isFocus: r.level === 3 && r.focusCount > 0 });

/** Children of a region, or the provinces when no parent is given. */
export async function listRegions(db: TDbOrTx, parent?: string): Promise<TRegionNode[]> {
  return (await repo.listRegionsByParent(db, parent ?? null)).map(toNode);
}

export async function searchRegions(db: TDbOrTx, q: string): Promise<TRegionNode[]> {
  return (await repo.searchRegions(db, q)).map(toNode);
}

/**
 * Map a county code, current or historical, to the current county. 522427 (威宁, before 2011) → 520526.
 * Returns undefined for unknown codes and for codes that are not counties.
 */
export async function resolveCountyCode(db: TDbOrTx, code: string): Promise<TResolvedCounty | undefined> {
  let current = await repo.findRegion(db, code);
  let viaAlias = false;
  if (!current) {
    const targets = await repo.findAliasTargets(db, code);
    // an old code split between several new counties cannot be resolved to one
    if (targets.length !== 1) return undefined;
    current = await repo.findRegion(db, targets[0]!);
    viaAlias = true;
  }
  if (current?.level !== 3) return undefined;
  const path: { code: string; name: string }[] = [];
  for (
    let r: typeof current | undefined = current;
    r;
    r = r.parentCode ? await repo.findRegion(db, r.parentCode) : undefined
  ) {
    path.unshift({ code: r.code, name: r.name });
  }
  return { input: code, code: current.code, name: current.name, path, viaAlias };
}

export async function getResolvedCounty(db: TDbOrTx, code: string): Promise<TResolvedCounty> {
  const resolved = await resolveCountyCode(db, code);
  if (!resolved) throw notFound(`County code ${code}`);
  return resolved;
}

export async function listFocusLists(db: TDbOrTx): Promise<TFocusList[]> {
  const [lists, counties] = await Promise.all([repo.listFocusLists(db), repo.listFocusCounties(db)]);
  return lists.map((l) => ({
    id: l.id,
    key: l.key,
    name: l.name,
    year: l.year,
    active: l.active,
    source: l.source,
    counties: counties
      .filter((c) => c.listId === l.id)
      .map(({ listId: _, ...c }) => ({ ...c, historicalCodes: c.historicalCodes ?? [] })),
  }));
}

export async function listCodeTables(db: TDbOrTx): Promise<TCodeTable[]> {
  const entries = await repo.listCodeEntriesOf(db, Object.keys(CODE_TABLE_INFO));
  return Object.values(CODE_TABLE_INFO).map((t) => ({
    key: t.key,
    name: t.name,
    source: t.source,
    entries: entries
      .filter((e) => e.tableKey === t.key)
      .map((e) => ({ code: e.code, name: e.name, attributes: e.attributes })),
  }));
}

/** The major catalogues (本科 2020, 专科 2015), or the one of a level. */
export async function listMajorCatalogues(db: TDbOrTx, level?: '本科' | '专科'): Promise<TMajorCatalogue[]> {
  const catalogues = MAJOR_CATALOGUES.filter((c) => !level || c.level === level);
  const entries = await repo.listCodeEntriesOf(
    db,
    catalogues.map((c) => c.key),
  );
  return catalogues.map((c) => ({
    key: c.key,
    level: c.level,
    name: c.name,
    source: c.source,
    entries: entries
      .filter((e) => e.tableKey === c.key)
      .map((e) => ({
        code: e.code,
        name: e.name,
        classCode: e.attributes.class_code || null,
        categoryCode: e.attributes.category_code ?? e.code.slice(0, 2),
      })),
  }));
}

export async function listSupportPairs(db: TDbOrTx): Promise<TSupportPair[]> {
  return (await repo.listSupportPairs(db)).map((p) => ({ ...p }));
}

/** The org units as a forest, children sorted by code. */
export async function getOrgTree(db: TDbOrTx): Promise<TOrgNode[]> {
  const rows = await repo.listOrgUnits(db);
  const nodes = new Map<string, TOrgNode>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind as TOrgKind,
        regionCode: r.regionCode,
        moeCode: r.moeCode,
        schoolIdCode: r.schoolIdCode,
        children: [],
      },
    ]),
  );
  const roots: TOrgNode[] = [];
  for (const r of rows) {
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  return roots;
}
