import { and, eq, sql } from 'drizzle-orm';
import type {
  THandoverBatch,
  THandoverBatchDetail,
  THandoverCase,
  THandoverCommitBody,
  THandoverCountyCount,
  THandoverExclusion,
  THandoverListQuery,
  THandoverPreview,
  THandoverRefusal,
  THandoverRefusedDetails,
} from '../../../domain/api/handover.ts';
import {
  isEmployedDestination,
  SEEKING_INTENTIONS,
  type TCaseStage,
  type TCaseStatus,
  type TIntention,
} from '../../../domain/ledger/codes.ts';
import { leavingDate, type TLedgerRules } from '../../../domain/ledger/rules.ts';
import { hasPermission } from '../../../domain/roles.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { ledgerCase } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { caseScopeWhere } from './case-access.ts';
import { appendCaseEvents } from './case-events.repo.ts';
import * as repo from './handover.repo.ts';
import { getLedgerRules } from './ledger-rules.ts';

/*
 * Handover to HRSS (离校未就业实名帮扶). After the cohort's leaving date, a university admin hands the cases still
 * seeking work (with an intention that wants work) to the HRSS bureau of each graduate's domicile county: the
 * bureau becomes the holder and may write, the university keeps read access (domain/ledger/access.ts).
 */

type TBureau = { id: string; name: string };
type TClassified = repo.TCandidateRow & { exclusion: THandoverExclusion | null; bureau: TBureau | null };

/** The university the admin acts for; handover is always one's own university's. */
function ownUniversity(ctx: TCtx): { user: TSessionUser; universityId: string } {
  const user = requireUser(ctx);
  const universityId = user.org.universityId;
  if (!universityId || !hasPermission(user.roles, 'cases.handover')) {
    throw new AppError(
      'forbidden',
      '只有高校就业管理员可移交本校台账 / Only a university admin hands over cases',
    );
  }
  return { user, universityId };
}

/** Why a case is not handed over, or null when it qualifies (a bureau is checked separately). */
export function handoverExclusion(c: {
  stage: string;
  status: string;
  destinationCode: string | null;
  intention: string | null;
}): THandoverExclusion | null {
  if ((c.stage as TCaseStage) !== 'school') return 'handed_over';
  if ((c.status as TCaseStatus) === 'placed' || isEmployedDestination(c.destinationCode)) return 'placed';
  if (c.status !== 'seeking') return 'paused_closed';
  if (!c.intention) return 'no_intention';
  if (!SEEKING_INTENTIONS.includes(c.intention as TIntention)) return 'not_seeking';
  return null;
}

/** The cohort's last day at school as a date (China time) and whether it is still ahead of `now`. */
function leaving(cohort: number, rules: TLedgerRules, now: Date) {
  return { leavingDate: `${cohort}-${rules.leavingMonthDay}`, notYet: now < leavingDate(cohort, rules) };
}

async function classify(db: TDbOrTx, rows: repo.TCandidateRow[]): Promise<TClassified[]> {
  const counties = [...new Set(rows.flatMap((r) => (r.countyCode ? [r.countyCode] : [])))];
  const bureaus = await repo.findBureaus(db, counties);
  return rows.map((r) => ({
    ...r,
    exclusion: handoverExclusion(r),
    bureau: (r.countyCode && bureaus.get(r.countyCode)) || null,
  }));
}

function toCase(r: TClassified): THandoverCase {
  return {
    caseId: r.caseId,
    graduateId: r.graduateId,
    name: r.name,
    collegeName: r.collegeName,
    className: r.className,
    majorName: r.majorName,
    countyCode: r.countyCode,
    countyName: r.countyName,
    intention: r.intention as TIntention | null,
    toOrgId: r.bureau?.id ?? null,
    toOrgName: r.bureau?.name ?? null,
  };
}

/** Counts per receiving bureau, biggest first. */
function byCounty(rows: TClassified[]): THandoverCountyCount[] {
  const out = new Map<string, THandoverCountyCount>();
  for (const r of rows) {
    if (!r.bureau) continue;
    const entry = out.get(r.bureau.id) ?? {
      countyCode: r.countyCode,
      countyName: r.countyName,
      orgId: r.bureau.id,
      orgName: r.bureau.name,
      count: 0,
    };
    entry.count++;
    out.set(r.bureau.id, entry);
  }
  return [...out.values()].sort(
    (a, b) => b.count - a.count || (a.countyCode ?? '').localeCompare(b.countyCode ?? ''),
  );
}

/** The university's cases of the cohort, within the user's case scope. */
function cohortWhere(ctx: TCtx, universityId: string, cohort: number) {
  return and(eq(ledgerCase.universityId, universityId), eq(ledgerCase.cohort, cohort), caseScopeWhere(ctx))!;
}

/** What a handover of the cohort would do now: the cases and their bureaus, the problems and the exclusions. */
export async function previewHandover(deps: TDeps, ctx: TCtx, cohort: number): Promise<THandoverPreview> {
  const { universityId } = ownUniversity(ctx);
  const { db } = deps.database;
  const rules = await getLedgerRules(db);
  const rows = await classify(db, await repo.listCandidateCases(db, cohortWhere(ctx, universityId, cohort)));
  const excluded = { handed_over: 0, placed: 0, paused_closed: 0, no_intention: 0, not_seeking: 0 };
  for (const r of rows) if (r.exclusion) excluded[r.exclusion]++;
  const qualifying = rows.filter((r) => !r.exclusion);
  return {
    cohort,
    ...leaving(cohort, rules, deps.clock.now()),
    cases: qualifying.filter((r) => r.bureau).map(toCase),
    problems: qualifying
      .filter((r) => !r.bureau)
      .map((r) => ({ ...toCase(r), problem: 'no_bureau' as const })),
    byCounty: byCounty(qualifying),
    excluded,
  };
}

/**
 * Hand the picked cases to their bureaus, all or nothing, in one transaction: refused before the leaving date,
 * and refused as a whole (naming them) when any picked case no longer qualifies. Each case gets a handover row,
 * a new holder and stage, and a timeline event; the batch one audit record; each receiving bureau's county
 * HRSS users one notification.
 */
export async function commitHandover(
  deps: TDeps,
  ctx: TCtx,
  body: THandoverCommitBody,
): Promise<THandoverBatch> {
  const { user, universityId } = ownUniversity(ctx);
  const now = deps.clock.now();
  const ids = [...new Set(body.caseIds)].sort();
  return deps.database.db.transaction(async (tx) => {
    const rules = await getLedgerRules(tx);
    const when = leaving(body.cohort, rules, now);
    if (when.notYet) {
      throw new AppError(
        'conflict',
        `${body.cohort} 届毕业生离校日期（${when.leavingDate}）之后才能移交 / Cohort ${body.cohort} can be handed over only after its leaving date (${when.leavingDate})`,
        { reason: 'not_yet', leavingDate: when.leavingDate },
      );
    }
    await repo.lockCases(tx, ids);
    const picked = sql`${ledgerCase.id} = any(${repo.uuidArray(ids)})`;
    const rows = await classify(
      tx,
      await repo.listCandidateCases(
        tx,
        and(picked, eq(ledgerCase.universityId, universityId), caseScopeWhere(ctx))!,
      ),
    );
    const found = new Map(rows.map((r) => [r.caseId, r]));
    const refused: THandoverRefusedDetails['cases'] = [];
    for (const id of ids) {
      const r = found.get(id);
      const reason: THandoverRefusal | null = !r
        ? 'not_found'
        : r.cohort !== body.cohort
          ? 'other_cohort'
          : (r.exclusion ?? (r.bureau ? null : 'no_bureau'));
      if (reason) refused.push({ caseId: id, name: r?.name ?? null, reason });
    }
    if (refused.length > 0) {
      throw new AppError(
        'conflict',
        `${refused.length} 名毕业生已不符合移交条件，本批未移交，请重新预览 / ${refused.length} of the picked cases no longer qualify; nothing was handed over, preview again`,
        { reason: 'not_qualifying', cases: refused } satisfies THandoverRefusedDetails,
      );
    }

    const batch = await repo.insertBatch(tx, {
      universityId,
      cohort: body.cohort,
      caseCount: rows.length,
      createdBy: user.id,
      createdAt: now,
    });
    await repo.insertCaseHandovers(
      tx,
      rows.map((r) => ({
        batchId: batch.id,
        caseId: r.caseId,
        fromOrgId: r.holderOrgId,
        toOrgId: r.bureau!.id,
        at: now,
      })),
    );
    await repo.moveBatchCases(tx, batch.id, now, user.id);
    for (let i = 0; i < rows.length; i += 1000) {
      await appendCaseEvents(
        tx,
        rows.slice(i, i + 1000).map((r) => ({
          caseId: r.caseId,
          kind: 'handover' as const,
          at: now,
          actorUserId: user.id,
          actorName: user.displayName,
          data: { toOrgId: r.bureau!.id, toOrgName: r.bureau!.name, batchId: batch.id },
        })),
      );
    }
    const counts = byCounty(rows);
    await recordAudit(
      tx,
      ctx,
      {
        action: 'handover.commit',
        entityType: 'handover_batch',
        entityId: batch.id,
        after: {
          cohort: body.cohort,
          caseCount: rows.length,
          byCounty: counts.map((c) => ({ countyCode: c.countyCode, orgId: c.orgId, count: c.count })),
          caseIds: ids,
        },
      },
      now,
    );
    await notifyBureaus(tx, {
      batchId: batch.id,
      cohort: body.cohort,
      universityName: user.org.name,
      counts,
      now,
    });
    const saved = await repo.findBatch(tx, batch.id, universityId);
    return toBatch(saved!, counts);
  });
}

/**
 * One notification per county HRSS user of each receiving bureau (dedupe key: batch and user). Title and body
 * are Chinese only, as the bell shows them; `data` carries the facts the web app renders in the reader's
 * language (notification-text.ts), so an English reader is not shown Chinese and a Chinese one no English.
 */
async function notifyBureaus(
  tx: TDbOrTx,
  a: { batchId: string; cohort: number; universityName: string; counts: THandoverCountyCount[]; now: Date },
) {
  const users = await repo.listBureauUsers(
    tx,
    a.counts.map((c) => c.orgId),
  );
  const byOrg = new Map(a.counts.map((c) => [c.orgId, c]));
  await repo.insertNotifications(
    tx,
    users.map((u) => {
      const c = byOrg.get(u.orgId)!;
      return {
        userId: u.id,
        kind: 'handover',
        title: `【移交】${a.universityName}移交 ${c.count} 名离校未就业毕业生`,
        body: `${a.cohort} 届离校未就业毕业生 ${c.count} 名，请在台账中接续服务。`,
        data: {
          batchId: a.batchId,
          universityName: a.universityName,
          cohort: a.cohort,
          count: c.count,
          countyCode: c.countyCode,
        },
        dedupeKey: `handover:${a.batchId}:${u.id}`,
        createdAt: a.now,
      };
    }),
  );
}

function toBatch(row: repo.TBatchRow, counts: THandoverCountyCount[]): THandoverBatch {
  return {
    id: row.id,
    cohort: row.cohort,
    caseCount: row.caseCount,
    universityName: row.universityName,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    byCounty: counts,
  };
}

/** The university's batches, newest first, each with its counts per county. */
export async function listHandovers(deps: TDeps, ctx: TCtx, q: THandoverListQuery) {
  const { universityId } = ownUniversity(ctx);
  const { db } = deps.database;
  const { rows, total } = await repo.listBatches(db, universityId, q);
  const counts = await repo.countByCounty(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      toBatch(
        r,
        counts.filter((c) => c.batchId === r.id).map(({ batchId: _b, ...c }) => c),
      ),
    ),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One batch of the university with its cases as they are now; another university's batch is not found. */
export async function getHandover(deps: TDeps, ctx: TCtx, batchId: string): Promise<THandoverBatchDetail> {
  const { universityId } = ownUniversity(ctx);
  const { db } = deps.database;
  const row = await repo.findBatch(db, batchId, universityId);
  if (!row) throw notFound('Handover batch');
  const [counts, cases] = await Promise.all([
    repo.countByCounty(db, [batchId]),
    repo.listBatchCases(db, batchId, caseScopeWhere(ctx)),
  ]);
  return {
    ...toBatch(
      row,
      counts.map(({ batchId: _b, ...c }) => c),
    ),
    cases: cases.map((c) => ({ ...c, status: c.status as TCaseStatus, stage: c.stage as TCaseStage })),
  };
}
