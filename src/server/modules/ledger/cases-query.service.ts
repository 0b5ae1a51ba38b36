import type { TCaseDetail, TCaseListQuery } from '../../../domain/api/ledger.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { requireUser } from '../auth/auth.service.ts';
import { displayNames } from '../orgs/display-names.ts';
import { canSeePrivate, caseScope, getCaseFields } from './case-access.ts';
import { countCaseEvents, listCaseEvents } from './case-events.repo.ts';
import { toCaseDetail, toCaseListItem, toEventDto } from './case-present.ts';
import * as repo from './cases.repo.ts';
import { rulesFor } from './ledger-rules.ts';

/** The caseload in scope ("my caseload" for counselors and helpers), most urgent first by default. */
export async function listCases(deps: TDeps, ctx: TCtx, q: TCaseListQuery) {
  requireUser(ctx);
  const { db } = deps.database;
  const [rules, now] = [await rulesFor(deps), deps.clock.now()];
  const scope = caseScope(ctx);
  const { rows, total } = await repo.listCases(db, scope, q, rules, now);
  const [names, kept] = await Promise.all([
    displayNames(db, {
      org: rows.flatMap((r) => [r.universityId, r.holderOrgId]),
      region: rows.map((r) => r.domicileCountyCode),
      user: rows.map((r) => r.helperUserId),
    }),
    // which rows' classes nobody keeps: one lookup for the page, outside the cached list statement; a
    // counselor's own caseload is kept by definition and skips it
    repo.onlyCounselorScope(scope) ? null : repo.findKeptClasses(db, rows),
  ]);
  return {
    items: rows.map((r) => {
      const item = toCaseListItem(r, names, rules, now);
      if (!kept) return item;
      // a handed-over case is kept by its county bureau, not by a counselor
      return {
        ...item,
        noCounselor: r.stage === 'school' && !kept.has(`${r.collegeId}\u0000${r.className}`),
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Summary cards of the worklist, over the same filters. */
export async function summarizeCaseload(deps: TDeps, ctx: TCtx, q: Partial<TCaseListQuery>) {
  requireUser(ctx);
  const { db } = deps.database;
  const [rules, now] = [await rulesFor(deps), deps.clock.now()];
  return repo.summarizeCases(db, caseScope(ctx), q, rules, now);
}

/** The case page: profile (masked), sections, clock, files and the latest timeline entries. */
export async function getCase(deps: TDeps, ctx: TCtx, caseId: string, db: TDbOrTx = deps.database.db) {
  const user = requireUser(ctx);
  // the timeline is read alongside; it is only returned once the detail (with the scope) found the case
  const [row, events, rules] = await Promise.all([
    repo.findCaseDetail(db, caseId, caseScope(ctx)),
    listCaseEvents(db, caseId, { withPrivate: canSeePrivate(ctx), limit: 100 }),
    rulesFor(deps),
  ]);
  if (!row) throw notFound('Case');
  return toCaseDetail(row, {
    user,
    crypto: deps.crypto,
    rules,
    now: deps.clock.now(),
    counselors: row.counselorNames,
    files: row.filesJson.map((f) => ({ ...f, createdAt: new Date(f.createdAt) })),
    events: events.map(toEventDto),
  }) satisfies TCaseDetail;
}

/** The full timeline, newest first, paged; private notes only for those who may see them. */
export async function listEvents(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  q: { page: number; pageSize: number; kind?: string | undefined },
) {
  const { db } = deps.database;
  // without case notes (field rule) the timeline is empty, as on the case page: the page's sections still load
  if (!(await getCaseFields(db, ctx, caseId)).caseNotes)
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const filter = { withPrivate: canSeePrivate(ctx), ...(q.kind ? { kind: q.kind } : {}) };
  const [rows, total] = await Promise.all([
    listCaseEvents(db, caseId, { ...filter, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countCaseEvents(db, caseId, filter),
  ]);
  return { items: rows.map(toEventDto), total, page: q.page, pageSize: q.pageSize };
}

/** 四清 counts per unit over the scoped cases. */
export async function siqingByUnit(
  deps: TDeps,
  ctx: TCtx,
  q: { groupBy: 'university' | 'college' | 'province' | 'county'; cohort?: number | undefined },
) {
  requireUser(ctx);
  const { db } = deps.database;
  const [rules, now] = [await rulesFor(deps), deps.clock.now()];
  const where = repo.scopedFilterWhere(caseScope(ctx), q.cohort ? { cohort: q.cohort } : {}, rules, now);
  return repo.siqingByUnit(db, where, q.groupBy, rules, now);
}
