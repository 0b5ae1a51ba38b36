import type { TZsbPlanBody, TZsbReport, TZsbReportRowApi } from '../../../domain/api/opportunities.ts';
import { buildZsbReportRow, totalZsbReport } from '../../../domain/opportunities/zsb-quota.ts';
import { toProvinceCode } from '../../../domain/orgs.ts';
import type { TCtx, TDeps, TSessionUser } from '../../context.ts';
import { AppError, forbidden } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import * as repo from './zsb.repo.ts';

/*
 * 专升本专项计划: a province's education department sets the ratio for its own province and cohort (the
 * ministry for any province); the report counts the base from the registry and applicants and admissions from
 * applications to the province's 专升本 posts, and computes the quota with the domain's exact arithmetic.
 */

/** The provinces whose plan the user manages: null = every province (ministry). */
export function zsbProvincesOf(user: TSessionUser): string[] | null {
  if (user.roles.includes('ministry')) return null;
  const region = user.org.regionCode;
  return user.roles.includes('province_education') && region ? [toProvinceCode(region)] : [];
}

export async function listPlans(deps: TDeps, ctx: TCtx, cohort?: number) {
  const rows = await repo.listPlans(deps.database.db, zsbProvincesOf(requireUser(ctx)), cohort);
  return rows.map((r) => ({ ...r, setAt: r.setAt.toISOString() }));
}

/** Set (or change) a province's ratio for a cohort. Audited with the ratio before and after. */
export async function setPlan(deps: TDeps, ctx: TCtx, body: TZsbPlanBody) {
  const user = requireUser(ctx);
  const provinces = zsbProvincesOf(user);
  if (provinces && !provinces.includes(body.provinceCode)) {
    throw forbidden('只能设置本省的专升本计划 / You can set the plan of your own province only');
  }
  const { db } = deps.database;
  if (!(await repo.findProvinceNames(db, [body.provinceCode])).has(body.provinceCode)) {
    throw new AppError('validation_error', `省份代码不存在 / Unknown province ${body.provinceCode}`, {
      field: 'provinceCode',
    });
  }
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const before = await repo.upsertPlan(tx, { ...body, setBy: user.id, setAt: now });
    await recordAudit(
      tx,
      ctx,
      {
        action: 'zsb.plan',
        entityType: 'zsb_plan',
        entityId: `${body.provinceCode}:${body.cohort}`,
        before,
        after: { ratioBp: body.ratioBp },
      },
      now,
    );
  });
  const [plan] = (await listPlans(deps, ctx, body.cohort)).filter(
    (p) => p.provinceCode === body.provinceCode,
  );
  return plan!;
}

/**
 * The report of a cohort: one row per province in the user's reach that has a plan, target 高职 graduates or
 * 专升本 applications (a province department always sees its own row), and the total of the planned rows.
 */
export async function reportZsb(deps: TDeps, ctx: TCtx, cohort: number): Promise<TZsbReport> {
  const { db } = deps.database;
  const scope = zsbProvincesOf(requireUser(ctx));
  const [plans, base, apps] = await Promise.all([
    repo.listPlans(db, scope, cohort),
    repo.countBaseByProvince(db, cohort),
    repo.countApplicationsByProvince(db, cohort),
  ]);
  const ratioOf = new Map(plans.map((p) => [p.provinceCode, p.ratioBp]));
  const codes = new Set([...ratioOf.keys(), ...base.keys(), ...apps.keys(), ...(scope ?? [])]);
  const inScope = [...codes].filter((c) => !scope || scope.includes(c)).sort();
  const names = await repo.findProvinceNames(db, inScope);
  const planned = [];
  const rows: TZsbReportRowApi[] = [];
  for (const code of inScope.filter((c) => names.has(c))) {
    const counts = apps.get(code) ?? { applicants: 0, admitted: 0 };
    const ratioBp = ratioOf.get(code) ?? null;
    const common = { provinceCode: code, provinceName: names.get(code)!, cohort, ratioBp, ...counts };
    if (ratioBp === null) {
      rows.push({
        ...common,
        base: base.get(code) ?? 0,
        ratio: null,
        quota: null,
        fillRate: null,
        remaining: null,
      });
      continue;
    }
    const row = buildZsbReportRow({
      provinceCode: code,
      cohort,
      base: base.get(code) ?? 0,
      ratio: { basisPoints: ratioBp },
      ...counts,
    });
    planned.push(row);
    rows.push({ ...common, ...row, ratioBp });
  }
  const { ratio: _r, ...total } = totalZsbReport(planned, cohort);
  return { cohort, rows, total };
}
