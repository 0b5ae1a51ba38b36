import { eq } from 'drizzle-orm';
import type { TRole } from '../../../domain/roles.ts';
import { appUser, ledgerCase } from '../../db/schema/index.ts';
import { buildGraduate, buildOrg, buildUser, ctxOf, type TOrgRow } from '../../test/factories.ts';
import type { TTestDeps } from '../../test/test-deps.ts';
import { openCasesForTargets } from './open-cases.repo.ts';

/**
 * A university of its own for one pairing test: two colleges, an admin (with a service ctx), and helpers and
 * target graduates with open case files added on demand.
 */
export async function buildPairingUniversity(deps: TTestDeps, regionCode = '520100') {
  const { db } = deps.database;
  const uni = await buildOrg(deps, { kind: 'university', regionCode, name: `测试大学${regionCode}` });
  const c1 = await buildOrg(deps, { kind: 'college', regionCode, parentId: uni.id, name: '计算机学院' });
  const c2 = await buildOrg(deps, { kind: 'college', regionCode, parentId: uni.id, name: '农学院' });
  const admin = await buildUser(deps, uni, ['university_admin'], { displayName: '就业中心' });
  const ctx = await ctxOf(deps, admin);
  let n = 0;
  return {
    uni,
    c1,
    c2,
    admin,
    ctx,
    async user(org: TOrgRow, roles: TRole[], displayName: string, active = true) {
      return buildUser(deps, org, roles, { displayName, active });
    },
    /** a helper: in the university's own org a leader (校领导), in a college a 处级 cadre */
    async helper(org: TOrgRow, displayName: string) {
      return buildUser(deps, org, ['helper'], { displayName });
    },
    /** a target graduate of the college with an open case (opened now on the test clock) */
    async addCase(college: TOrgRow | null, overrides: Partial<Parameters<typeof buildGraduate>[1]> = {}) {
      n++;
      const g = await buildGraduate(deps, {
        universityId: uni.id,
        universityProvinceCode: `${regionCode.slice(0, 2)}0000`,
        collegeId: college?.id ?? null,
        collegeName: college?.name ?? null,
        className: '2001班',
        studentNo: `S${regionCode}${String(n).padStart(4, '0')}`,
        isTarget: true,
        ...overrides,
      });
      await openCasesForTargets(db, deps.clock.now());
      const [row] = await db.select().from(ledgerCase).where(eq(ledgerCase.graduateId, g.id));
      return { graduate: g, caseId: row!.id };
    },
    async setCase(caseId: string, set: Partial<typeof ledgerCase.$inferInsert>) {
      await db.update(ledgerCase).set(set).where(eq(ledgerCase.id, caseId));
    },
    async deactivate(userId: string) {
      await db.update(appUser).set({ active: false }).where(eq(appUser.id, userId));
    },
  };
}
