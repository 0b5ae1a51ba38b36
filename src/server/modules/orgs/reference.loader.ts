import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import type { TDb, TDbOrTx } from '../../db/client.ts';
import {
  codeEntry,
  focusList,
  focusListCounty,
  meta,
  region,
  regionAlias,
  supportPair,
} from '../../db/schema/index.ts';

export const REFERENCE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../reference',
);

type TRow = Record<string, string>;
const readCsv = (file: string): { rows: TRow[]; checksum: string } => {
  const text = readFileSync(path.join(REFERENCE_DIR, file), 'utf8');
  return {
    rows: parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as TRow[],
    checksum: createHash('sha256').update(text).digest('hex'),
  };
};

async function insertChunked<T>(items: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

const CODE_TABLES = [
  {
    key: 'destination',
    file: 'destination-codes.csv',
    name: '毕业去向代码',
    source: '全国高校毕业生就业统计 2020–2021',
  },
  {
    key: 'difficulty',
    file: 'difficulty-categories.csv',
    name: '困难生类别代码',
    source: '全国高校毕业生生源信息',
  },
  {
    key: 'employer_nature',
    file: 'employer-nature-codes.csv',
    name: '单位性质代码',
    source: '全国高校毕业生生源信息',
  },
] as const;

/**
 * The major catalogues, stored as code tables of their own (rows for 门类/大类, 专业类 and 专业; the code's
 * length tells which). Served by `/api/reference/majors`, not with the small code tables.
 */
export const MAJOR_CATALOGUES = [
  {
    key: 'major_undergraduate',
    level: '本科',
    file: 'majors-undergraduate.csv',
    name: '普通高等学校本科专业目录（2020年）',
    source: '教育部《普通高等学校本科专业目录（2020年版）》',
  },
  {
    key: 'major_vocational',
    level: '专科',
    file: 'majors-vocational.csv',
    name: '普通高等学校高等职业教育（专科）专业目录（2015年）',
    source: '教育部《普通高等学校高等职业教育（专科）专业目录（2015年）》',
  },
] as const;

/**
 * The MOE list of regular higher-education institutions (2020-06-30), a pick list for creating university org
 * units (edits allowed: it is reconstructed, see reference/README.md). Stored as a code table keyed by the 5-digit
 * 院校代码 that rosters use; the 10-digit 学校标识码, 主管部门, province, city and level are attributes.
 */
export const UNIVERSITY_LIST = {
  key: 'university_2020',
  file: 'universities-2020.csv',
  name: '全国高等学校名单（2020年6月30日）',
  source: '教育部《全国高等学校名单》(2020-06-30), reconstructed from public copies (reference/README.md)',
} as const;

/**
 * Load every reference CSV whose checksum differs from the one recorded in `meta`. Idempotent and quick
 * when nothing changed (one query), so it runs at every start.
 */
export async function loadReferenceData(db: TDb): Promise<{ loaded: string[] }> {
  const loaded: string[] = [];
  const current = new Map((await db.select().from(meta)).map((r) => [r.key, r.value]));
  const files = [
    'regions.csv',
    'focus-counties-2020.csv',
    'support-pairs-2016.csv',
    ...CODE_TABLES.map((t) => t.file),
    ...MAJOR_CATALOGUES.map((t) => t.file),
    UNIVERSITY_LIST.file,
  ];
  const csv = Object.fromEntries(files.map((f) => [f, readCsv(f)]));
  const changed = (f: string) => current.get(`reference:${f}`) !== csv[f]?.checksum;
  if (!files.some(changed)) return { loaded };

  await db.transaction(async (tx) => {
    // regions first: the others resolve names and codes against them
    if (changed('regions.csv')) await loadRegions(tx, csv['regions.csv']!.rows);
    if (changed('focus-counties-2020.csv')) await loadFocusCounties(tx, csv['focus-counties-2020.csv']!.rows);
    if (changed('support-pairs-2016.csv')) await loadSupportPairs(tx, csv['support-pairs-2016.csv']!.rows);
    for (const t of [...CODE_TABLES, ...MAJOR_CATALOGUES])
      if (changed(t.file)) await loadCodeTable(tx, t.key, t.name, t.source, csv[t.file]!.rows);
    if (changed(UNIVERSITY_LIST.file)) await loadUniversities(tx, csv[UNIVERSITY_LIST.file]!.rows);
    for (const f of files.filter(changed)) {
      loaded.push(f);
      const value = csv[f]!.checksum;
      await tx
        .insert(meta)
        .values({ key: `reference:${f}`, value })
        .onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: sql`now()` } });
    }
  });
  return { loaded };
}

async function loadRegions(tx: TDbOrTx, rows: TRow[]) {
  await tx.delete(region);
  const values = rows.map((r) => ({
    code: r.code!,
    name: r.name!,
    level: Number(r.level),
    parentCode: r.parent_code || null,
    provinceCode: `${r.code!.slice(0, 2)}0000`,
  }));
  await insertChunked(values, 1000, (chunk) => tx.insert(region).values(chunk));
}

async function loadFocusCounties(tx: TDbOrTx, rows: TRow[]) {
  const source = '国务院扶贫开发领导小组《关于开展挂牌督战工作的指导意见》(2020-02)';
  const [list] = await tx
    .insert(focusList)
    .values({ key: 'focus-52-2020', name: '2020年52个未摘帽贫困县', year: 2020, source })
    .onConflictDoUpdate({ target: focusList.key, set: { name: sql`excluded.name`, source } })
    .returning();
  await tx.delete(focusListCounty).where(eq(focusListCounty.listId, list!.id));
  await tx.delete(regionAlias).where(eq(regionAlias.source, 'focus-counties-2020.csv'));
  await tx.insert(focusListCounty).values(
    rows.map((r) => ({
      listId: list!.id,
      countyCode: r.code!,
      supportKind: r.support_kind || null,
      supportPartner: r.support_partner || null,
    })),
  );
  const aliases = rows.flatMap((r) =>
    (r.historical_codes ?? '')
      .split(';')
      .filter(Boolean)
      .map((old) => ({ oldCode: old, currentCode: r.code!, source: 'focus-counties-2020.csv' })),
  );
  if (aliases.length) await tx.insert(regionAlias).values(aliases).onConflictDoNothing();
}

async function loadSupportPairs(tx: TDbOrTx, rows: TRow[]) {
  const regions = await tx
    .select({ code: region.code, name: region.name, level: region.level, parentCode: region.parentCode })
    .from(region)
    .where(sql`${region.level} <= 2`);
  const byName = new Map<string, string[]>();
  const provinceName = new Map(regions.filter((r) => r.level === 1).map((r) => [r.code, r.name]));
  for (const r of regions) {
    const names =
      r.level === 1 ? [r.name] : [r.name, `${provinceName.get(r.parentCode ?? '') ?? ''}${r.name}`];
    for (const n of names) byName.set(n, [...(byName.get(n) ?? []), r.code]);
  }
  // a name resolves only if it is unambiguous (e.g. 苏州市 alone is unique; 市辖区 is not)
  const resolve = (name: string) => {
    const codes = byName.get(name);
    return codes?.length === 1 ? codes[0]! : null;
  };
  await tx.delete(supportPair);
  await tx.insert(supportPair).values(
    rows.map((r) => ({
      supporterName: r.supporter!,
      supporterRegionCode: resolve(r.supporter!),
      supportedName: r.supported!,
      supportedRegionCode: resolve(r.supported!),
      kind: r.kind as 'east_west' | 'counterpart_xinjiang',
      validFrom: 2016,
      validTo: 2020,
      note: r.note ?? '',
    })),
  );
}

async function loadCodeTable(tx: TDbOrTx, key: string, _name: string, _source: string, rows: TRow[]) {
  await tx.delete(codeEntry).where(eq(codeEntry.tableKey, key));
  await tx.insert(codeEntry).values(
    rows.map((r, i) => {
      const { code, name, ...attributes } = r;
      return { tableKey: key, code: code!, name: name!, sortOrder: i, attributes };
    }),
  );
}

async function loadUniversities(tx: TDbOrTx, rows: TRow[]) {
  await tx.delete(codeEntry).where(eq(codeEntry.tableKey, UNIVERSITY_LIST.key));
  const values = rows.map((r, i) => {
    const { code5, name, ...attributes } = r;
    return { tableKey: UNIVERSITY_LIST.key, code: code5!, name: name!, sortOrder: i, attributes };
  });
  await insertChunked(values, 1000, (chunk) => tx.insert(codeEntry).values(chunk));
}

export const CODE_TABLE_INFO = Object.fromEntries(CODE_TABLES.map((t) => [t.key, t]));
