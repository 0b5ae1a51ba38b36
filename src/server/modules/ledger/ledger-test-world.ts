import type { TRole } from '../../../domain/roles.ts';
import { counselorClass, helperPairing } from '../../db/schema/index.ts';
import { buildGraduate, buildOrg, buildUser, type TOrgRow } from '../../test/factories.ts';
import type { TTestDeps } from '../../test/test-deps.ts';
import { openCasesForTargets } from './open-cases.repo.ts';

/**
 * A small ledger world for tests: a university with a college, a counselor keeping one class, a helper, a
 * university admin, and target graduates with their case files opened the way an import commit opens them.
 */
export async function buildLedgerWorld(deps: TTestDeps, opts: { className?: string } = {}) {
  const uni = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  const college = await buildOrg(deps, { kind: 'college', regionCode: '520100', parentId: uni.id });
  const className = opts.className ?? '计科2001班';
  const user = async (org: TOrgRow, roles: TRole[], displayName = '测试用户') =>
    buildUser(deps, org, roles, { displayName });
  const counselor = await user(college, ['counselor'], '杨老师');
  await deps.database.db
    .insert(counselorClass)
    .values({ userId: counselor.id, collegeId: college.id, className });
  const admin = await user(uni, ['university_admin'], '赵老师');
  const helper = await user(uni, ['helper'], '周副校长');
  const inUni = { universityId: uni.id, universityProvinceCode: '520000', collegeId: college.id, className };
  return {
    uni,
    college,
    className,
    counselor,
    admin,
    helper,
    /** a target graduate of the counselor's class with an open case */
    async addCase(overrides: Parameters<typeof buildGraduate>[1] | object = {}) {
      const g = await buildGraduate(deps, {
        ...inUni,
        isTarget: true,
        isFocusCounty: true,
        phoneEncrypted: deps.crypto.encrypt('13812345678'),
        ...overrides,
      });
      await openCasesForTargets(deps.database.db, deps.clock.now());
      const row = await deps.database.db.query.ledgerCase.findFirst({
        where: (t, { eq }) => eq(t.graduateId, g.id),
      });
      return { graduate: g, caseId: row!.id };
    },
    async pair(graduateId: string, helperUserId = helper.id) {
      await deps.database.db
        .insert(helperPairing)
        .values({ graduateId, helperUserId, startedAt: deps.clock.now() });
    },
  };
}
