import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { TImportRow } from '../domain/api/imports.ts';
import { getFieldSpecs, type TImportKind } from '../domain/registry/fields.ts';
import type { TCtx, TDeps } from '../server/context.ts';
import { AppError } from '../server/errors.ts';
import { actingCtx, findActingUser, findDefaultImporter } from '../server/modules/auth/acting-user.ts';
import { commitBatch } from '../server/modules/imports/import-commit.service.ts';
import { getBatch, listBatchRows } from '../server/modules/imports/import-query.service.ts';
import { stageImport } from '../server/modules/imports/import-stage.service.ts';
import { withDatabase } from './with-database.ts';

/*
 * `bangfu import roster|registry FILE`: stage a file through the same pipeline as a web upload, acting as a
 * named account (scope and audit apply), optionally commit it. Exit codes: 0 staged/committed, 1 the batch
 * failed or the file was refused, 2 usage errors.
 */

type TOpts = { university?: string; cohort?: string; commit?: boolean; json?: boolean; as?: string };
type TCliError = { row: number; column: string; code: string; message: string };
type TReport = {
  batchId: string | null;
  status: string;
  total: number;
  valid: number;
  new: number;
  updated: number;
  unchanged: number;
  review: number;
  targetMatched: number;
  errorRows: number;
  errors: TCliError[];
  errorsTruncated?: true;
  failure?: { code: string; message: string };
};

const MAX_JSON_ERRORS = 1000;
const MAX_PRINTED_ERRORS = 20;
const AGENT = 'bangfu-cli';

class UsageError extends Error {}

export function registerImportCommands(program: Command) {
  const command = program
    .command('import')
    .description('导入生源名单或建档立卡名单 Import a university roster or the poverty registry')
    // set before the subcommands so they inherit it: every usage error exits 2
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  const shared = (c: Command) =>
    c
      .option('--commit', 'commit the batch after staging (default: stage and report only)')
      .option('--json', 'print one JSON object on stdout instead of the progress bar and summary')
      .option('--as <username>', 'the account to act as (scope and audit apply)');
  shared(
    command
      .command('roster')
      .description('导入高校毕业生生源名单 Import a graduating-cohort roster (XLSX or CSV)')
      .argument('<file>', 'the roster file')
      .requiredOption('--university <code>', 'university org code or MOE code, e.g. U-10657 or 10657')
      .requiredOption('--cohort <year>', 'graduating cohort, e.g. 2020'),
  ).action((file: string, opts: TOpts) => runImport('roster', file, opts));
  shared(
    command
      .command('registry')
      .description('导入建档立卡名单 Import a poverty registry extract (XLSX or CSV)')
      .argument('<file>', 'the registry file'),
  ).action((file: string, opts: TOpts) => runImport('registry', file, opts));
}

async function runImport(kind: TImportKind, file: string, opts: TOpts) {
  let report: TReport;
  try {
    const cohort = kind === 'roster' ? parseCohort(opts.cohort) : undefined;
    const filePath = path.resolve(file);
    if (!statSync(filePath, { throwIfNoEntry: false })?.isFile()) {
      throw new UsageError(`文件不存在 / No such file: ${file}`);
    }
    report = await withDatabase('bangfu import', async (deps) => {
      const ctx = await resolveActor(deps, kind, opts);
      return stageAndCommit(deps, ctx, kind, { filePath, fileName: path.basename(file), cohort }, opts);
    });
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exitCode = 2;
      return;
    }
    if (!(err instanceof AppError)) throw err;
    // e.g. data_dir_locked: the server holds the embedded database
    report = { ...emptyReport(null, 'error'), failure: { code: err.code, message: zhPart(err.message) } };
  }
  if (opts.json) console.log(JSON.stringify(report));
  else printSummary(report, !!opts.commit);
  process.exitCode = report.failure || report.status === 'failed' ? 1 : 0;
}

function parseCohort(value: string | undefined): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value ?? '') || year < 2000 || year > 2100) {
    throw new UsageError(
      `--cohort 须为4位毕业年份，如 2020 / --cohort must be a year such as 2020 (got ${value})`,
    );
  }
  return year;
}

/** The account to act as: --as, else the default importer; printed on stderr so logs say who did it. */
async function resolveActor(deps: TDeps, kind: TImportKind, opts: TOpts): Promise<TCtx> {
  const db = deps.database.db;
  const username = opts.as ?? (await findDefaultImporter(db, kind, opts.university));
  if (!username) {
    throw new UsageError(
      kind === 'roster'
        ? `院校 ${opts.university} 没有启用的高校管理员账户，请用 --as 指定 / No active university admin for ${opts.university}; name one with --as`
        : '没有扶贫部门账户，请用 --as 指定 / No poverty-office account; name one with --as',
    );
  }
  const acting = await findActingUser(db, username);
  if (!acting) throw new UsageError(`账户不存在 / No such account: ${username}`);
  if (!acting.active) throw new UsageError(`账户已停用 / Account is deactivated: ${username}`);
  const u = acting.user;
  console.error(
    `以 ${u.username}（${u.displayName}，${u.org.name}）身份导入 / Acting as ${u.username} (${u.org.name})`,
  );
  return actingCtx(u, AGENT);
}

async function stageAndCommit(
  deps: TDeps,
  ctx: TCtx,
  kind: TImportKind,
  file: { filePath: string; fileName: string; cohort: number | undefined },
  opts: TOpts,
): Promise<TReport> {
  const progress = opts.json ? undefined : progressLine();
  let batchId: string | null = null;
  try {
    const staged = await stageImport(
      deps,
      ctx,
      {
        kind,
        filePath: file.filePath,
        fileName: file.fileName,
        ...(kind === 'roster' ? { universityCode: opts.university, cohort: file.cohort } : {}),
      },
      progress?.update,
    );
    progress?.done();
    batchId = staged.id;
    if (opts.commit && staged.status === 'staged') await commitBatch(deps, ctx, staged.id);
    return await reportOf(deps, ctx, kind, batchId);
  } catch (err) {
    progress?.done();
    if (!(err instanceof AppError)) throw err;
    const details = (err.details ?? {}) as { batchId?: string; code?: string };
    batchId ??= details.batchId ?? null;
    const base = batchId ? await reportOf(deps, ctx, kind, batchId) : emptyReport(null, 'refused');
    return { ...base, failure: { code: details.code ?? err.code, message: zhPart(err.message) } };
  }
}

/** Counts and the first errors of a batch, with each error's column named as in the file's header. */
async function reportOf(deps: TDeps, ctx: TCtx, kind: TImportKind, batchId: string): Promise<TReport> {
  const batch = await getBatch(deps, ctx, batchId);
  const c = batch.counts;
  const rows = await listBatchRows(deps, ctx, batchId, {
    page: 1,
    pageSize: MAX_JSON_ERRORS + 1,
    status: 'error',
  });
  const errors = rows.items.flatMap((r: TImportRow) =>
    r.errors.map((e) => ({
      row: r.rowNo,
      column: columnOf(kind, batch.headers, batch.mapping, e.field),
      code: e.code,
      message: e.message.zh,
    })),
  );
  const report: TReport = {
    batchId,
    status: batch.status,
    total: c.total ?? 0,
    valid: c.valid ?? 0,
    new: c.new ?? 0,
    updated: c.updated ?? 0,
    unchanged: c.unchanged ?? 0,
    review: c.review ?? 0,
    targetMatched: c.targetMatched ?? 0,
    errorRows: c.errors ?? 0,
    errors: errors.slice(0, MAX_JSON_ERRORS),
  };
  if (errors.length > MAX_JSON_ERRORS) report.errorsTruncated = true;
  if (batch.status === 'failed')
    report.failure = { code: 'failed', message: zhPart(batch.failure ?? '导入失败') };
  return report;
}

/** The header text of a field's column in the file; the field's Chinese label when it has no column. */
function columnOf(
  kind: TImportKind,
  headers: string[] | null,
  mapping: Record<string, number> | null,
  field: string,
): string {
  const index = mapping?.[field];
  const header = index === undefined ? undefined : headers?.[index]?.trim();
  return header || (getFieldSpecs(kind).find((s) => s.key === field)?.label.zh ?? field);
}

const emptyReport = (batchId: string | null, status: string): TReport => ({
  batchId,
  status,
  total: 0,
  valid: 0,
  new: 0,
  updated: 0,
  unchanged: 0,
  review: 0,
  targetMatched: 0,
  errorRows: 0,
  errors: [],
});

/** Messages are "中文 / English"; the JSON carries the Chinese part. */
const zhPart = (message: string) => message.split(' / ')[0]!.trim();

/** Rows staged so far on stderr: rewritten in place on a terminal, a line every few seconds otherwise. */
function progressLine() {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  let shown = false;
  return {
    update: (rows: number) => {
      const now = performance.now();
      const rate = Math.round(rows / Math.max((now - started) / 1000, 0.001));
      const text = `暂存中 staging… ${rows.toLocaleString('en')} 行 rows (${rate.toLocaleString('en')}/s)`;
      if (tty) process.stderr.write(`\r${text}\x1b[K`);
      else if (now - lastPrinted > 5000) process.stderr.write(`${text}\n`);
      else return;
      lastPrinted = now;
      shown = true;
    },
    done: () => {
      if (tty && shown) process.stderr.write('\n');
      shown = false;
    },
  };
}

const STATUS_ZH: Record<string, string> = {
  staged: '已暂存',
  committed: '已提交',
  failed: '失败',
  refused: '被拒绝',
  parsing: '解析中',
};

function printSummary(r: TReport, commitAsked: boolean) {
  const n = (v: number) => v.toLocaleString('en');
  console.log(
    `批次 ${r.batchId ?? '—'}：${STATUS_ZH[r.status] ?? r.status} / Batch ${r.batchId ?? '—'}: ${r.status}`,
  );
  if (r.failure) {
    console.log(`  ${r.failure.message}（${r.failure.code}）`);
    return;
  }
  console.log(
    `  共 ${n(r.total)} 行：有效 ${n(r.valid)}，新增 ${n(r.new)}，更新 ${n(r.updated)}，未变 ${n(r.unchanged)}，` +
      `待核对 ${n(r.review)}，错误 ${n(r.errorRows)}；帮扶对象 ${n(r.targetMatched)}`,
  );
  console.log(
    `  ${n(r.total)} rows: ${n(r.valid)} valid, ${n(r.new)} new, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged, ` +
      `${n(r.review)} for review, ${n(r.errorRows)} in error; ${n(r.targetMatched)} in the target group`,
  );
  if (r.errors.length) {
    const shown = Math.min(MAX_PRINTED_ERRORS, r.errors.length);
    const total = `${n(r.errors.length)}${r.errorsTruncated ? '+' : ''}`;
    console.log(`错误（前 ${shown} 条，共 ${total} 条）/ Errors (first ${shown} of ${total}):`);
    for (const e of r.errors.slice(0, MAX_PRINTED_ERRORS)) {
      console.log(`  第${e.row}行「${e.column}」${e.code}：${e.message}`);
    }
  }
  if (r.status === 'staged' && !commitAsked) {
    console.log(
      '未提交：请在网页“导入”页面核对后提交，或加 --commit 重新运行。' +
        '\nNot committed: review and commit it on the Imports page, or run again with --commit.',
    );
  } else if (r.status === 'committed' && r.errorRows) {
    console.log(
      `有错误的 ${n(r.errorRows)} 行未导入 / The ${n(r.errorRows)} rows in error were not imported.`,
    );
  }
}
