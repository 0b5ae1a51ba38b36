import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import type { TCtx } from '../../context.ts';
import { graduate, graduateReview, importRow } from '../../db/schema/index.ts';
import { buildOrg, buildUser, ctxOf } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { commitBatch, discardBatch, revertBatch } from './import-commit.service.ts';
import { stageImport } from './import-stage.service.ts';

let deps: TTestDeps;
const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-import-'));
let uniCtx: TCtx;
let otherUniCtx: TCtx;
let povertyCtx: TCtx;
let uniCode: string;

const weiningOld = makeIdNumber('522427', '20000315', 123); // 威宁, historical prefix
const weiningNew = makeIdNumber('520526', '19990601', 244);
const guiyang = makeIdNumber('520102', '20000101', 311);

function writeCsv(name: string, lines: string[]) {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\r\n')}\r\n`);
  return p;
}

const HEADER = '姓名,身份证号码,性别,学历层次,院系,班级,专业名称,生源地代码,手机号码';
const rosterLines = () => [
  '贵州测试大学2020届毕业生生源信息表,,,,,,,,',
  HEADER,
  `张三,${weiningOld},男,本科,计算机学院,计科2001班,软件工程,,13800138000`,
  `李四,${weiningNew},女,专科,计算机学院,计科2001班,网络技术,520526,139 0013 9000`,
  `王五,${guiyang},男,本科,农学院,农学2001班,农学,520102,`,
];

beforeAll(async () => {
  deps = await createTestDeps();
  uniCode = `U-T${Date.now() % 100000}`;
  const uni = await buildOrg(deps, {
    kind: 'university',
    regionCode: '520100',
    code: uniCode,
    moeCode: '19999',
  });
  await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: uni.id, name: '计算机学院' });
  const otherUni = await buildOrg(deps, { kind: 'university', regionCode: '530100' });
  uniCtx = await ctxOf(deps, await buildUser(deps, uni, ['university_admin']));
  otherUniCtx = await ctxOf(deps, await buildUser(deps, otherUni, ['university_admin']));
  const poverty = await buildOrg(deps, { kind: 'poverty_office', regionCode: '520000' });
  povertyCtx = await ctxOf(deps, await buildUser(deps, poverty, ['poverty_office']));
});
afterAll(async () => deps.close());

const graduateCount = async () =>
  Number((await deps.database.db.select({ n: count() }).from(graduate))[0]!.n);

describe('roster import', () => {
  let firstBatch: string;
  let otherUniversityBatch: string;

  it('stages a roster with a title row, maps a historical ID prefix, and commits it', async () => {
    const file = writeCsv('roster.csv', rosterLines());
    const batch = await stageImport(deps, uniCtx, {
      kind: 'roster',
      filePath: file,
      fileName: 'roster.csv',
      cohort: 2020,
    });
    expect(batch.status).toBe('staged');
    expect(batch.headerRow).toBe(2);
    expect(batch.counts).toMatchObject({ total: 3, valid: 3, new: 3, errors: 0, targetMatched: 2 });
    expect(await graduateCount()).toBe(0);
    await commitBatch(deps, uniCtx, batch.id);
    firstBatch = batch.id;
    const rows = await deps.database.db.select().from(graduate);
    const zhang = rows.find((r) => r.name === '张三')!;
    expect(zhang).toMatchObject({
      domicileCountyCode: '520526',
      domicileRawCode: '522427',
      domicileSource: 'id_prefix',
      isFocusCounty: true,
      isTarget: true,
      level: '本科',
    });
    expect(zhang.collegeId).not.toBeNull();
    expect(zhang.idEncrypted).not.toContain(weiningOld);
    expect(deps.crypto.decrypt(zhang.idEncrypted)).toBe(weiningOld);
    expect(rows.find((r) => r.name === '王五')).toMatchObject({ isTarget: false, isFocusCounty: false });
  });

  it('re-importing the same file finds every row unchanged and changes nothing', async () => {
    const file = writeCsv('roster-again.csv', rosterLines());
    const before = await deps.database.db.select().from(graduate);
    const batch = await stageImport(deps, uniCtx, {
      kind: 'roster',
      filePath: file,
      fileName: 'roster.csv',
      cohort: 2020,
    });
    expect(batch.counts).toMatchObject({ total: 3, new: 0, updated: 0, unchanged: 3 });
    await commitBatch(deps, uniCtx, batch.id);
    expect(await deps.database.db.select().from(graduate)).toEqual(before);
  });

  it('lists bad rows with row, column and code, and writes nothing on discard', async () => {
    const file = writeCsv('bad.csv', [
      HEADER,
      `赵六,5.22427E+17,男,本科,计算机学院,计科2001班,软件工程,,`,
      `钱七,${weiningNew.slice(0, 17)}${weiningNew.endsWith('1') ? '2' : '1'},女,硕士,计算机学院,计科2001班,软件工程,,`,
      `孙八,${guiyang},女,博士后,农学院,农学2001班,农学,,12345`,
      `张三,${weiningOld},男,本科,计算机学院,计科2001班,软件工程,,`,
      `张三,${weiningOld},男,本科,计算机学院,计科2001班,软件工程,,`,
    ]);
    const batch = await stageImport(deps, uniCtx, {
      kind: 'roster',
      filePath: file,
      fileName: 'bad.csv',
      cohort: 2021,
    });
    const rows = await deps.database.db
      .select()
      .from(importRow)
      .where(eq(importRow.batchId, batch.id))
      .orderBy(importRow.rowNo);
    const codes = rows.map((r) => [
      r.rowNo,
      r.status,
      (r.errors ?? []).map((e) => `${e.field}:${e.code}`).join(' '),
    ]);
    expect(codes).toEqual([
      [2, 'error', 'idNumber:id_excel_scientific'],
      [3, 'error', 'idNumber:id_bad_checksum'],
      [4, 'error', 'gender:gender_mismatch level:level_invalid phone:phone_invalid'],
      [5, 'new', ''],
      [6, 'error', 'idNumber:duplicate_row'],
    ]);
    // no ID number in clear anywhere in the staged rows: not the valid ones, not the mistyped one quoted in messages
    const staged = JSON.stringify(rows);
    expect(staged).not.toContain(guiyang);
    expect(staged).not.toContain(weiningNew.slice(0, 17));
    expect(rows[1]!.errors![0]!.message.zh).toMatch(/5205\*+/);
    const before = await graduateCount();
    await discardBatch(deps, uniCtx, batch.id);
    expect(await graduateCount()).toBe(before);
    expect(
      await deps.database.db.select().from(importRow).where(eq(importRow.batchId, batch.id)),
    ).toHaveLength(0);
  });

  it('marks batches interrupted by a restart as failed and drops their staged rows', async () => {
    const { beginImport } = await import('./import-stage.service.ts');
    const { failInterruptedBatches, findBatch } = await import('./import.repo.ts');
    const file = writeCsv('interrupted.csv', rosterLines());
    const { batch } = await beginImport(deps, uniCtx, {
      kind: 'roster',
      filePath: file,
      fileName: 'i.csv',
      cohort: 2020,
    });
    expect(await failInterruptedBatches(deps.database.db)).toBe(1);
    expect(await findBatch(deps.database.db, batch.id)).toMatchObject({ status: 'failed' });
    expect((await findBatch(deps.database.db, batch.id))!.failure).toContain('重启');
  });

  it('fails a file without a recognisable header, leaving nothing staged', async () => {
    const file = writeCsv('noheader.csv', ['a,b,c', '1,2,3']);
    await expect(
      stageImport(deps, uniCtx, { kind: 'roster', filePath: file, fileName: 'noheader.csv', cohort: 2020 }),
    ).rejects.toThrow(/表头|header/);
  });

  it('flags the same person in another university’s roster for review instead of merging', async () => {
    const { allowedUniversities } = await import('./import-access.ts');
    expect(await allowedUniversities(deps, otherUniCtx.user!)).toHaveLength(1);
    const file = writeCsv('other.csv', [HEADER, `张三,${weiningOld},男,本科,信息学院,信息2001班,软件工程,,`]);
    const batch = await stageImport(deps, otherUniCtx, {
      kind: 'roster',
      filePath: file,
      fileName: 'other.csv',
      cohort: 2020,
    });
    expect(batch.counts).toMatchObject({ review: 1, new: 0 });
    await commitBatch(deps, otherUniCtx, batch.id);
    otherUniversityBatch = batch.id;
    expect(
      await deps.database.db.select().from(graduateReview).where(eq(graduateReview.batchId, batch.id)),
    ).toHaveLength(1);
    expect((await deps.database.db.select().from(graduate).where(eq(graduate.name, '张三'))).length).toBe(1);
  });

  it('keeps batches private to their university', async () => {
    await expect(commitBatch(deps, otherUniCtx, firstBatch)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('marks registered-poor graduates when the registry arrives, and unmarks them on revert', async () => {
    const file = writeCsv('registry.csv', ['身份证号,所在县代码,户编号', `${guiyang},520102,HH-001`]);
    const batch = await stageImport(deps, povertyCtx, {
      kind: 'registry',
      filePath: file,
      fileName: 'registry.csv',
    });
    expect(batch.counts).toMatchObject({ new: 1, targetMatched: 1 });
    await commitBatch(deps, povertyCtx, batch.id);
    const [wang] = await deps.database.db.select().from(graduate).where(eq(graduate.name, '王五'));
    expect(wang).toMatchObject({
      isRegisteredPoor: true,
      isTarget: true,
      targetReasons: { registeredPoor: { householdRef: 'HH-001' } },
    });
    await revertBatch(deps, povertyCtx, batch.id);
    const [after] = await deps.database.db.select().from(graduate).where(eq(graduate.name, '王五'));
    expect(after).toMatchObject({ isRegisteredPoor: false, isTarget: false });
  });

  it('refuses to revert a batch whose graduates a later batch changed, then reverts in order', async () => {
    const changed = rosterLines().map((l) => l.replace('软件工程', '软件工程（卓越班）'));
    const later = await stageImport(deps, uniCtx, {
      kind: 'roster',
      filePath: writeCsv('changed.csv', changed),
      fileName: 'changed.csv',
      cohort: 2020,
    });
    expect(later.counts).toMatchObject({ updated: 1, unchanged: 2 });
    await commitBatch(deps, uniCtx, later.id);
    await expect(revertBatch(deps, uniCtx, firstBatch)).rejects.toMatchObject({ code: 'conflict' });
    await revertBatch(deps, uniCtx, later.id);
    const [zhang] = await deps.database.db.select().from(graduate).where(eq(graduate.name, '张三'));
    expect(zhang!.majorName).toBe('软件工程');
    // the other university's review item still points at 张三
    await expect(revertBatch(deps, uniCtx, firstBatch)).rejects.toMatchObject({ code: 'conflict' });
    await revertBatch(deps, otherUniCtx, otherUniversityBatch);
    await revertBatch(deps, uniCtx, firstBatch);
    expect(await graduateCount()).toBe(0);
  });
});
