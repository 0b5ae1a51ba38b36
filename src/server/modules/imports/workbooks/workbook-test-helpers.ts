/** Helpers for the workbook tests: a signed-in ctx, an importing university, and writers into buffers. */
import { randomInt } from 'node:crypto';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TCtx, TDeps } from '../../../context.ts';
import { buildOrg, buildUser, ctxOf, type TOrgRow } from '../../../test/factories.ts';

/** A university of its own (with a 计算机学院) and a signed-in admin of it. */
export async function buildUniversityAdmin(
  deps: TDeps,
): Promise<{ uni: TOrgRow; moeCode: string; ctx: TCtx }> {
  const moeCode = String(randomInt(90000, 99999));
  const uni = await buildOrg(deps, { kind: 'university', regionCode: '520100', moeCode });
  await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: uni.id, name: '计算机学院' });
  const ctx = await ctxOf(deps, await buildUser(deps, uni, ['university_admin']));
  return { uni, moeCode, ctx };
}

/** Run a writer into a buffer. */
export async function writeToBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The cell texts of a row, column A first (exceljs's `values` is 1-based). */
export function rowTexts(ws: ExcelJS.Worksheet, rowNo: number): (string | null)[] {
  const values = ws.getRow(rowNo).values as unknown[];
  // `values` is sparse: Array.from visits the holes too
  return Array.from(values.slice(1), (v) => (v === undefined || v === null ? null : String(v)));
}
