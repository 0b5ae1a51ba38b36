import { rmSync } from 'node:fs';
import { and, count, eq, sql } from 'drizzle-orm';
import type { TRole } from '../../domain/roles.ts';
import { systemCtx, type TCtx, type TDeps } from '../context.ts';
import { appUser, graduate, orgUnit } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { actingCtx, findActingUser } from '../modules/auth/acting-user.ts';
import { createUser } from '../modules/auth/users.service.ts';
import { commitBatch } from '../modules/imports/import-commit.service.ts';
import { stageImport, type TStageInput } from '../modules/imports/import-stage.service.ts';
import { generateRosters, type TRosterUniversity } from './demo-graduates.ts';
import { FOCUS_PROVINCES, readDemoUniversities, type TDemoUniversity } from './demo-orgs.ts';
import { loadPlaces } from './demo-places.ts';

/*
 * The demo graduates, loaded the way a real deployment gets them: generated roster and registry files imported
 * through the import pipeline (stage, then commit) by the accounts that would upload them, so batches, audit
 * events, hashes, encryption and target matching are all real.
 */

/** Short province prefixes for account names (gz_edu, gz_fupin …). */
const PROVINCE_KEYS: Record<string, string> = {
  '450000': 'gx',
  '510000': 'sc',
  '520000': 'gz',
  '530000': 'yn',
  '620000': 'gs',
  '640000': 'nx',
  '650000': 'xj',
};
const GZU = 'U-10657';
const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;
const isFocusProvince = (u: TDemoUniversity) => FOCUS_PROVINCES.includes(provinceOf(u.regionCode));

/** 贵州大学 gets a big share (its demo accounts need data); the 7 provinces' universities most of the rest. */
export function demoUniversityWeight(u: TDemoUniversity): number {
  if (u.code === GZU) return 20;
  return isFocusProvince(u) ? 4 : 2;
}

type TAccount = { username: string; displayName: string; orgCode: string; roles: TRole[] };

/**
 * The accounts that upload the demo files besides the showcase accounts: each province's education department
 * (rosters of its universities) and poverty office (its registry extract), and an admin per national university
 * (no province department of the 7 may import those). They use the demo password like every demo account.
 */
export function importerAccounts(): TAccount[] {
  const names = loadPlaces().provinceNames;
  const accounts: TAccount[] = [];
  for (const p of FOCUS_PROVINCES) {
    const key = PROVINCE_KEYS[p]!;
    const name = names.get(p) ?? p;
    if (key === 'gz') continue; // gz_edu and gz_fupin are showcase accounts
    accounts.push(
      {
        username: `${key}_edu`,
        displayName: `${name}教育厅学生处`,
        orgCode: `EDU-${p}`,
        roles: ['province_education'],
      },
      {
        username: `${key}_fupin`,
        displayName: `${name}扶贫办信息中心`,
        orgCode: `FP-${p}`,
        roles: ['poverty_office'],
      },
    );
  }
  for (const u of readDemoUniversities().filter((u) => !isFocusProvince(u) && u.moeCode)) {
    accounts.push({
      username: `u${u.moeCode}_admin`,
      displayName: `${u.name}就业指导中心`,
      orgCode: u.code,
      roles: ['university_admin'],
    });
  }
  return accounts;
}

/** Who uploads a university's roster: 贵州大学 itself, a national university its own admin, else the province. */
function rosterImporter(u: TDemoUniversity): string {
  if (u.code === GZU) return 'gzu_admin';
  if (!isFocusProvince(u)) return `u${u.moeCode}_admin`;
  return `${PROVINCE_KEYS[provinceOf(u.regionCode)]}_edu`;
}

export type TSeedGraduatesOptions = {
  size: number;
  seed: number;
  cohort: number;
  /** progress lines for a console */
  log?: (message: string) => void;
};

type TFile = { path: string; fileName: string };
type TImportInput = Pick<TStageInput, 'kind' | 'universityCode' | 'cohort'>;

/** Service ctxs of the importer accounts, looked up once each. */
function importerCtxs(deps: TDeps) {
  const cache = new Map<string, TCtx>();
  return async (username: string) => {
    let ctx = cache.get(username);
    if (!ctx) {
      const acting = await findActingUser(deps.database.db, username);
      if (!acting) throw new Error(`demo importer ${username} is missing`);
      ctx = actingCtx(acting.user, 'bangfu seed');
      cache.set(username, ctx);
    }
    return ctx;
  };
}

/** Stage and commit one file; `timing` accumulates the milliseconds of each step. */
async function importFile(
  deps: TDeps,
  ctx: TCtx,
  file: TFile,
  input: TImportInput,
  timing: { stageMs: number; commitMs: number },
) {
  const t0 = performance.now();
  const batch = await stageImport(deps, ctx, { ...input, filePath: file.path, fileName: file.fileName });
  const t1 = performance.now();
  if (batch.counts.errors || batch.counts.review) {
    // the demo data is meant to be clean: a rejected row means generator and validator disagree
    throw new Error(`demo file ${file.fileName} did not import cleanly: ${JSON.stringify(batch.counts)}`);
  }
  await commitBatch(deps, ctx, batch.id);
  timing.stageMs += t1 - t0;
  timing.commitMs += performance.now() - t1;
  return batch.counts;
}

/** Generate the demo rosters and registry, import and commit them, and link the demo graduate account. */
export async function seedDemoGraduates(deps: TDeps, opts: TSeedGraduatesOptions) {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const universities: TRosterUniversity[] = readDemoUniversities().map((u) => ({
    ...u,
    weight: demoUniversityWeight(u),
  }));
  const generated = await generateRosters({
    size: opts.size,
    seed: opts.seed,
    cohort: opts.cohort,
    universities,
    demoGraduate: { universityCode: GZU, surname: '吴', county: '520526' },
  });
  const timing = { generateMs: performance.now() - started, stageMs: 0, commitMs: 0 };
  const ctxOf = importerCtxs(deps);
  try {
    for (const roster of generated.rosters) {
      const u = universities.find((x) => x.code === roster.universityCode)!;
      const input = { kind: 'roster' as const, universityCode: u.code, cohort: opts.cohort };
      const counts = await importFile(deps, await ctxOf(rosterImporter(u)), roster, input, timing);
      log(`roster ${u.name}: ${counts.total} rows`);
    }
    for (const registry of generated.registries) {
      const ctx = await ctxOf(`${PROVINCE_KEYS[registry.provinceCode]}_fupin`);
      const counts = await importFile(deps, ctx, registry, { kind: 'registry' }, timing);
      log(`registry ${registry.fileName}: ${counts.total} rows, ${counts.targetMatched} graduates matched`);
    }
    if (generated.demoGraduate) await linkDemoGraduate(deps, generated.demoGraduate.idNumber, opts.cohort);
  } finally {
    rmSync(generated.dir, { recursive: true, force: true });
  }
  const [flags] = await deps.database.db
    .select({
      graduates: count(),
      target: count(sql`case when ${graduate.isTarget} then 1 end`),
      registeredPoor: count(sql`case when ${graduate.isRegisteredPoor} then 1 end`),
      focusCounty: count(sql`case when ${graduate.isFocusCounty} then 1 end`),
    })
    .from(graduate)
    .where(eq(graduate.cohort, opts.cohort));
  const summary = {
    ...flags!,
    registryRows: generated.stats.registryRows,
    batches: generated.rosters.length + generated.registries.length,
    generateMs: Math.round(timing.generateMs),
    stageMs: Math.round(timing.stageMs),
    commitMs: Math.round(timing.commitMs),
    ms: Math.round(performance.now() - started),
  };
  await recordAudit(
    deps.database.db,
    systemCtx(),
    { action: 'seed.demo_graduates', after: summary },
    deps.clock.now(),
  );
  return summary;
}

/** The graduate_demo account signs in as the generated 贵州大学 graduate placed first on its roster. */
async function linkDemoGraduate(deps: TDeps, idNumber: string, cohort: number) {
  const db = deps.database.db;
  const [account] = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(eq(appUser.username, 'graduate_demo'));
  const [university] = await db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.code, GZU));
  if (!account || !university) return;
  await db
    .update(graduate)
    .set({ userId: account.id })
    .where(
      and(
        eq(graduate.idHash, deps.crypto.keyedHash(idNumber)),
        eq(graduate.cohort, cohort),
        eq(graduate.universityId, university.id),
      ),
    );
}

/** Create the importer accounts that do not exist yet. */
export async function createImporterAccounts(deps: TDeps, password: string) {
  let created = 0;
  for (const a of importerAccounts()) {
    if (await findActingUser(deps.database.db, a.username)) continue;
    await createUser(deps, systemCtx(), { ...a, password });
    created++;
  }
  return created;
}
