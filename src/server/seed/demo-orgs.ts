import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { inArray } from 'drizzle-orm';
import { isManagedKind, type TManagedOrgKind } from '../../domain/org-rules.ts';
import type { TOrgKind } from '../../domain/orgs.ts';
import type { TCtx, TDeps } from '../context.ts';
import type { TDbOrTx } from '../db/client.ts';
import { orgUnit, region } from '../db/schema/index.ts';
import { createOrg } from '../modules/orgs/org-tree.service.ts';
import { REFERENCE_DIR } from '../modules/orgs/reference.loader.ts';

type TRow = Record<string, string>;
const readDemo = (file: string) =>
  parse(readFileSync(path.join(REFERENCE_DIR, 'demo', file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as TRow[];

/** The 7 provinces that hold the 52 counties. */
export const FOCUS_PROVINCES = ['450000', '510000', '520000', '530000', '620000', '640000', '650000'];

/** A demo university as listed in reference/demo/universities.csv, with its org code and colleges. */
export type TDemoUniversity = {
  /** org code: U-<MOE code>, or U-X<nnn> for the 专科 colleges listed without one */
  code: string;
  moeCode: string | null;
  name: string;
  /** the campus's city (or county) code */
  regionCode: string;
  /** the kind of institution: 本科 universities, 专科 (高职) colleges */
  level: '本科' | '专科';
  colleges: string[];
};

/** The demo universities in file order; org codes are stable across runs (U-X codes follow the row number). */
export function readDemoUniversities(): TDemoUniversity[] {
  return readDemo('universities.csv').map((u, i) => ({
    code: u.moe_code ? `U-${u.moe_code}` : `U-X${String(i + 1).padStart(3, '0')}`,
    moeCode: u.moe_code || null,
    name: u.name!,
    regionCode: u.region_code!,
    level: u.level === '专科' ? '专科' : '本科',
    colleges: u.colleges!.split(';'),
  }));
}

/** The org code of a university's j-th college (0-based): U-10657-C01 … */
export const collegeCode = (universityCode: string, j: number) =>
  `${universityCode}-C${String(j + 1).padStart(2, '0')}`;

type TPlannedOrg = {
  code: string;
  name: string;
  kind: TOrgKind;
  regionCode: string | null;
  moeCode?: string | null;
  parentCode?: string;
};

/**
 * The demo org tree: ministry; education, HRSS and poverty-office departments of the 7 provinces; HRSS bureaus
 * of the 52 counties; universities (real names and MOE codes) with colleges; partner provinces/cities; employers.
 */
export async function planDemoOrgs(db: TDbOrTx, focusCountyCodes: string[]): Promise<TPlannedOrg[]> {
  const names = new Map(
    (
      await db
        .select({ code: region.code, name: region.name })
        .from(region)
        .where(inArray(region.code, [...FOCUS_PROVINCES, ...focusCountyCodes]))
    ).map((r) => [r.code, r.name]),
  );
  const orgs: TPlannedOrg[] = [
    { code: 'SYSTEM', name: '平台运维中心', kind: 'system', regionCode: null },
    { code: 'MOE', name: '教育部高校学生司', kind: 'ministry', regionCode: null },
  ];
  for (const p of FOCUS_PROVINCES) {
    const n = names.get(p)!;
    orgs.push(
      { code: `EDU-${p}`, name: `${n}教育厅`, kind: 'province_education', regionCode: p },
      { code: `HRSS-${p}`, name: `${n}人力资源和社会保障厅`, kind: 'province_hrss', regionCode: p },
      { code: `FP-${p}`, name: `${n}扶贫开发办公室`, kind: 'poverty_office', regionCode: p },
    );
  }
  for (const c of focusCountyCodes) {
    orgs.push({
      code: `HRSS-${c}`,
      name: `${names.get(c)}人力资源和社会保障局`,
      kind: 'county_hrss',
      regionCode: c,
      parentCode: `HRSS-${c.slice(0, 2)}0000`,
    });
  }
  for (const u of readDemoUniversities()) {
    const province = `${u.regionCode.slice(0, 2)}0000`;
    const parentCode = FOCUS_PROVINCES.includes(province) ? `EDU-${province}` : 'MOE';
    orgs.push({
      code: u.code,
      name: u.name,
      kind: 'university',
      regionCode: u.regionCode,
      moeCode: u.moeCode,
      parentCode,
    });
    u.colleges.forEach((college, j) => {
      orgs.push({
        code: collegeCode(u.code, j),
        name: college,
        kind: 'college',
        regionCode: u.regionCode,
        parentCode: u.code,
      });
    });
  }
  for (const p of readDemo('partners.csv')) {
    orgs.push({
      code: p.code!,
      name: p.name!,
      kind: 'partner',
      regionCode: p.region_code!,
      parentCode: p.parent_code || undefined,
    });
  }
  for (const e of readDemo('employers.csv'))
    orgs.push({ code: e.code!, name: e.name!, kind: 'employer', regionCode: e.region_code! });
  return orgs;
}

/** Insert planned orgs parents-first, resolving parent codes to ids. */
export async function insertPlannedOrgs(db: TDbOrTx, planned: TPlannedOrg[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let pending = planned;
  while (pending.length) {
    const ready = pending.filter((o) => !o.parentCode || ids.has(o.parentCode));
    if (!ready.length) throw new Error(`Org parents missing: ${pending.map((o) => o.parentCode).join(', ')}`);
    const rows = await db
      .insert(orgUnit)
      .values(
        ready.map((o) => ({
          code: o.code,
          name: o.name,
          kind: o.kind,
          regionCode: o.regionCode,
          moeCode: o.moeCode ?? null,
          parentId: o.parentCode ? ids.get(o.parentCode)! : null,
        })),
      )
      .returning({ id: orgUnit.id, code: orgUnit.code });
    for (const r of rows) ids.set(r.code, r.id);
    pending = pending.filter((o) => !ready.includes(o));
  }
  return ids;
}

/**
 * The demo's org tree built the way a real deployment builds it: every managed kind (ministry, departments,
 * bureaus, universities, colleges, partners) through the org service, parents first, checked and audited like
 * an admin's; the platform org and the employers, which `bangfu init` and employer registration create, in bulk.
 * Returns org ids by code.
 */
export async function createDemoOrgs(
  deps: TDeps,
  ctx: TCtx,
  planned: TPlannedOrg[],
): Promise<Map<string, string>> {
  const ids = await deps.database.db.transaction((tx) =>
    insertPlannedOrgs(
      tx,
      planned.filter((o) => !isManagedKind(o.kind)),
    ),
  );
  let pending = planned.filter((o): o is TPlannedOrg & { kind: TManagedOrgKind } => isManagedKind(o.kind));
  while (pending.length) {
    const ready = pending.filter((o) => !o.parentCode || ids.has(o.parentCode));
    if (!ready.length) throw new Error(`Org parents missing: ${pending.map((o) => o.parentCode).join(', ')}`);
    for (const o of ready) {
      const org = await createOrg(deps, ctx, {
        code: o.code,
        name: o.name,
        kind: o.kind,
        parentId: o.parentCode ? ids.get(o.parentCode)! : null,
        regionCode: o.regionCode,
        moeCode: o.moeCode ?? null,
        schoolIdCode: null,
      });
      ids.set(o.code, org.id);
    }
    pending = pending.filter((o) => !ready.includes(o));
  }
  return ids;
}
