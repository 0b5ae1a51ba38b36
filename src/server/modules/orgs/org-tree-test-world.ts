import { and, eq } from 'drizzle-orm';
import type { TRole } from '../../../domain/roles.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { auditEvent, ledgerCase } from '../../db/schema/index.ts';
import { buildGraduate, buildOrg, buildUser, ctxOf, type TOrgRow } from '../../test/factories.ts';

/**
 * The org tree of the tests: the platform, 贵州 (520000) with its three departments, a university with a college,
 * a second 贵州 university, 四川 (510000) with its education department and a university; one account per
 * role that may or may not manage orgs, each in the org it would really sit in.
 */
export async function buildOrgTreeWorld(deps: TDeps) {
  const system = await buildOrg(deps, { kind: 'system' });
  const ministry = await buildOrg(deps, { kind: 'ministry' });
  const gzEdu = await buildOrg(deps, { kind: 'province_education', regionCode: '520000' });
  const gzHrss = await buildOrg(deps, { kind: 'province_hrss', regionCode: '520000' });
  const gzPoverty = await buildOrg(deps, { kind: 'poverty_office', regionCode: '520000' });
  const gzCounty = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526', parentId: gzHrss.id });
  const gzu = await buildOrg(deps, { kind: 'university', regionCode: '520100', parentId: gzEdu.id });
  const gzuCollege = await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: gzu.id });
  const gzu2 = await buildOrg(deps, { kind: 'university', regionCode: '520300', parentId: gzEdu.id });
  const scEdu = await buildOrg(deps, { kind: 'province_education', regionCode: '510000' });
  const scu = await buildOrg(deps, { kind: 'university', regionCode: '510100', parentId: scEdu.id });
  const scuCollege = await buildOrg(deps, { kind: 'college', regionCode: '510100', parentId: scu.id });

  const ctxFor = async (org: TOrgRow, role: TRole): Promise<TCtx> =>
    ctxOf(deps, await buildUser(deps, org, [role]));
  const actors = {
    systemAdmin: await ctxFor(system, 'system_admin'),
    gzEdu: await ctxFor(gzEdu, 'province_education'),
    gzHrss: await ctxFor(gzHrss, 'province_hrss'),
    gzPoverty: await ctxFor(gzPoverty, 'poverty_office'),
    scEdu: await ctxFor(scEdu, 'province_education'),
    gzuAdmin: await ctxFor(gzu, 'university_admin'),
    scuAdmin: await ctxFor(scu, 'university_admin'),
    counselor: await ctxFor(gzuCollege, 'counselor'),
    helper: await ctxFor(gzu, 'helper'),
    countyHrss: await ctxFor(gzCounty, 'county_hrss'),
    ministry: await ctxFor(ministry, 'ministry'),
  };

  return {
    orgs: {
      system,
      ministry,
      gzEdu,
      gzHrss,
      gzPoverty,
      gzCounty,
      gzu,
      gzuCollege,
      gzu2,
      scEdu,
      scu,
      scuCollege,
    },
    actors,
    /** an open case of a graduate of the college (the case belongs to its university too) */
    async openCaseIn(college: TOrgRow, university: TOrgRow) {
      const g = await buildGraduate(deps, {
        universityId: university.id,
        universityProvinceCode: `${university.regionCode!.slice(0, 2)}0000`,
        collegeId: college.id,
      });
      const [row] = await deps.database.db
        .insert(ledgerCase)
        .values({
          graduateId: g.id,
          cohort: g.cohort,
          universityId: university.id,
          holderOrgId: university.id,
          openedAt: deps.clock.now(),
        })
        .returning({ id: ledgerCase.id });
      return row!.id;
    },
    async auditOf(entityId: string, action: string) {
      return deps.database.db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.entityId, entityId), eq(auditEvent.action, action)));
    },
  };
}
export type TOrgTreeWorld = Awaited<ReturnType<typeof buildOrgTreeWorld>>;
