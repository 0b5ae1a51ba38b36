import { and } from 'drizzle-orm';
import type {
  TGraduateFilters,
  TGraduateListItem,
  TGraduateListQuery,
} from '../../../domain/api/registry.ts';
import {
  fieldsFor,
  latestLeftCohort,
  registryCountVisible,
  registryFiltersAllowed,
} from '../../../domain/field-rule.ts';
import { maskIdNumber } from '../../../domain/id-number.ts';
import { scopeFor, type TScope } from '../../../domain/scope.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { graduateScopeWhere } from '../../plugins/scope-sql.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { rulesFor } from '../ledger/ledger-rules.ts';
import { targetFieldsFor, toFieldContext } from './field-context.ts';
import { graduateFilterWhere } from './graduate-filters.ts';
import * as repo from './graduates.repo.ts';
import { guardReveal } from './reveal-limit.ts';

type TSelected = Awaited<ReturnType<typeof repo.listGraduates>>['rows'][number];

/**
 * A row as the API shows it, field by field as the field rule (domain/field-rule.ts) allows: the ID masked
 * (older rows without a stored mask are masked on the fly), registry-derived fields and flags only where
 * allowed, and the minimal view (name, university, level, major, cohort, status) for the rest.
 */
export function toListItem(deps: TDeps, user: TSessionUser, r: TSelected): TGraduateListItem {
  const access = fieldsFor(user, toFieldContext(r));
  const full = access.view === 'full';
  return {
    id: r.id,
    view: access.view,
    canReveal: access.reveal,
    name: r.name,
    gender: full ? r.gender : null,
    cohort: r.cohort,
    universityId: r.universityId,
    universityName: r.universityName,
    collegeName: full ? r.collegeName : null,
    className: full ? r.className : null,
    majorName: r.majorName,
    level: r.level,
    domicileCountyCode: full ? r.domicileCountyCode : null,
    domicileName: full ? r.domicileName : null,
    idNumberMasked: full ? (r.idMasked ?? maskIdNumber(deps.crypto.decrypt(r.idEncrypted))) : null,
    caseStatus: r.caseStatus,
    ...targetFieldsFor(access, r),
  };
}

/**
 * The graduate scope of the request: the scope function with the latest cohort that has left school, so the
 * HRSS bureaus get their pre-handover list (ctx.scope, built without the ledger rules, leaves it out).
 */
export async function graduateScope(deps: TDeps, ctx: TCtx): Promise<TScope> {
  const user = ctx.user;
  if (!user) return { clauses: [] };
  if (!user.roles.includes('county_hrss') && !user.roles.includes('province_hrss')) return ctx.scope;
  const leftCohort = latestLeftCohort(deps.clock.now(), await rulesFor(deps));
  return scopeFor(user, 'graduate', { leftCohort });
}

/**
 * Scope first, then the user's filters: the one place list, counts and export build their WHERE. Filters on
 * registry-derived fields only for roles that see those fields on every record (field-rule.ts).
 */
export async function scopedWhere(deps: TDeps, ctx: TCtx, f: TGraduateFilters) {
  const byRegistry = f.registeredPoor !== undefined ? 'registeredPoor' : f.difficulty ? 'difficulty' : null;
  if (byRegistry && !registryFiltersAllowed(ctx.user?.roles ?? [])) {
    throw new AppError(
      'validation_error',
      '无权按登记信息筛选 / You may not filter by registry-derived fields',
      { field: byRegistry, reason: 'field_rule' },
    );
  }
  return and(graduateScopeWhere(await graduateScope(deps, ctx)), graduateFilterWhere(f))!;
}

/** The graduates the user may see, filtered, sorted and paged, ID numbers masked. */
export async function listGraduates(deps: TDeps, ctx: TCtx, q: TGraduateListQuery) {
  const user = requireUser(ctx);
  const { rows, total } = await repo.listGraduates(deps.database.db, await scopedWhere(deps, ctx, q), q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => toListItem(deps, user, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Totals and counts by province, county and university over the same scoped, filtered set. */
export async function countGraduates(deps: TDeps, ctx: TCtx, f: TGraduateFilters) {
  const user = requireUser(ctx);
  const stats = await repo.countGraduates(deps.database.db, await scopedWhere(deps, ctx, f));
  return registryCountVisible(user.roles, stats.total) ? stats : { ...stats, registeredPoor: null };
}

/**
 * Reveal a full ID number: needs the permission, a graduate inside the user's scope whose ID the field rule
 * lets the user reveal, and a reason; the reveal is audited before the number is returned.
 */
export async function revealIdNumber(
  deps: TDeps,
  ctx: TCtx,
  graduateId: string,
  reason: string,
): Promise<string> {
  const user = requireUser(ctx);
  const { db } = deps.database;
  const where = graduateScopeWhere(await graduateScope(deps, ctx));
  const row = await repo.findGraduateInScope(db, where, graduateId);
  if (!row) throw notFound('Graduate');
  if (!fieldsFor(user, toFieldContext(row)).reveal) {
    throw new AppError('forbidden', '无权查看该毕业生的完整身份证号 / You may not reveal this ID number', {
      reason: 'field_rule',
    });
  }
  await guardReveal(deps, ctx, { graduateId: row.id, field: 'idNumber' }, reason);
  await db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      { action: 'graduate.reveal_id', entityType: 'graduate', entityId: row.id, reason },
      deps.clock.now(),
    ),
  );
  return deps.crypto.decrypt(row.idEncrypted);
}
