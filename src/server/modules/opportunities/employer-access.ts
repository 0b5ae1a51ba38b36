import { or, type SQL, sql } from 'drizzle-orm';
import { regionPrefix } from '../../../domain/opportunities/post-rules.ts';
import type { TCtx, TSessionUser } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { employerProfile } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../auth/auth.service.ts';
import { findEmployer } from './employers.repo.ts';
import { regionWithin } from './opportunity-filters.ts';

/*
 * Who reviews which employers: a provincial HRSS department those in its province, a county bureau those in
 * its county, a university's employment centre those in the university's province (campus recruitment is
 * provincial). A region-bound role without a region reviews nothing (fail closed).
 */

/** Region prefixes of the employers the user may list and review. */
export function reviewAreaOf(user: TSessionUser): string[] {
  const region = user.org.regionCode;
  if (!region) return [];
  const prefixes = new Set<string>();
  for (const role of user.roles) {
    if (role === 'province_hrss' || role === 'university_admin') prefixes.add(region.slice(0, 2));
    if (role === 'county_hrss') prefixes.add(regionPrefix(region));
  }
  return [...prefixes];
}

/** The review area as a condition on employer_profile. */
export function reviewAreaWhere(ctx: TCtx): SQL {
  const prefixes = reviewAreaOf(requireUser(ctx));
  if (prefixes.length === 0) return sql`false`;
  const parts = prefixes.map((p) => regionWithin(employerProfile.regionCode, p.padEnd(6, '0')));
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

/**
 * The signed-in employer's own profile; its posts and applicants need an approved one. Pending and rejected
 * employers are told where their registration stands.
 */
export async function requireApprovedEmployer(db: TDbOrTx, ctx: TCtx) {
  const user = requireUser(ctx);
  const profile = await findEmployer(db, user.org.id);
  if (!profile) {
    throw new AppError(
      'forbidden',
      '本单位尚未登记用人单位信息 / Your organisation has no employer registration',
      {
        reason: 'no_profile',
      },
    );
  }
  if (profile.status !== 'approved') {
    throw new AppError(
      'forbidden',
      profile.status === 'pending'
        ? '单位注册正在审核中，审核通过后才能发布岗位 / Your registration is awaiting review; you can post once it is approved'
        : '单位注册未通过审核 / Your registration was not approved',
      { reason: `employer_${profile.status}` },
    );
  }
  return profile;
}

/** Whether the user acts as an employer (posts as their own org, sees only their own posts). */
export const isEmployer = (ctx: TCtx) => !!ctx.user?.roles.includes('employer');
