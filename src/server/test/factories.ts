import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../../domain/id-number.ts';
import type { TOrgKind } from '../../domain/orgs.ts';
import type { TRole } from '../../domain/roles.ts';
import type { TCtx, TDeps } from '../context.ts';
import { appUser, graduate, opportunity, orgUnit } from '../db/schema/index.ts';
import { actingCtx, findActingUser } from '../modules/auth/acting-user.ts';
import { hashPassword } from '../modules/auth/password.ts';

const uniq = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'Test-pass-2020';

export type TOrgRow = typeof orgUnit.$inferSelect;

/** An org unit of its own for the test; codes are unique so tests never share rows. */
export async function buildOrg(
  deps: TDeps,
  overrides: Partial<typeof orgUnit.$inferInsert> & { kind: TOrgKind },
): Promise<TOrgRow> {
  const [row] = await deps.database.db
    .insert(orgUnit)
    .values({ code: `T-${uniq()}`, name: `测试机构 ${uniq()}`, regionCode: null, ...overrides })
    .returning();
  return row!;
}

let cachedHash: Promise<string> | null = null;

export async function buildUser(
  deps: TDeps,
  org: TOrgRow,
  roles: TRole[],
  overrides: Partial<typeof appUser.$inferInsert> = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await deps.database.db
    .insert(appUser)
    .values({
      username: `u_${uniq()}`,
      displayName: '测试用户',
      passwordHash: await cachedHash,
      orgId: org.id,
      roles,
      ...overrides,
    })
    .returning();
  return row!;
}

let seq = 1;
/** A graduate with a valid encrypted ID number; overrides set the scope-relevant columns. */
export async function buildGraduate(
  deps: TDeps,
  overrides: Partial<typeof graduate.$inferInsert> & { universityId: string; universityProvinceCode: string },
) {
  const county = overrides.domicileCountyCode ?? '520526';
  const id = makeIdNumber(county, '20000101', seq++ % 1000);
  const [row] = await deps.database.db
    .insert(graduate)
    .values({
      cohort: 2020,
      name: `毕业生${seq}`,
      idHash: deps.crypto.keyedHash(id),
      idEncrypted: deps.crypto.encrypt(id),
      domicileCountyCode: county,
      provinceCode: `${county.slice(0, 2)}0000`,
      ...overrides,
    })
    .returning();
  return { ...row!, idNumber: id };
}

/** An open post of the org (a market job in 贵阳 until the end of 2020 unless overridden). */
export async function buildOpportunity(
  deps: TDeps,
  overrides: Partial<typeof opportunity.$inferInsert> & { ownerOrgId: string },
) {
  const now = deps.clock.now();
  const [row] = await deps.database.db
    .insert(opportunity)
    .values({
      kind: 'market_job',
      title: `测试岗位 ${uniq()}`,
      regionCodes: ['520100'],
      deadline: '2020-12-31',
      status: 'open',
      provinceCode: '520000',
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning();
  return row!;
}

/** Sign in through the real route; returns the Cookie header value. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'bangfu_sid');
  return `bangfu_sid=${cookie!.value}`;
}

/**
 * Signs in with a temporary password (a new, reset or re-issued account) and replaces it by `newPassword`, as
 * the web app makes such a user do before anything else answers (plugins/auth.ts). Returns the session cookie.
 */
export async function loginChangingPassword(
  app: FastifyInstance,
  username: string,
  temporary: string,
  newPassword = TEST_PASSWORD,
): Promise<string> {
  const cookie = await loginAs(app, username, temporary);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: { cookie },
    payload: { currentPassword: temporary, newPassword },
  });
  if (res.statusCode !== 204)
    throw new Error(`password change of ${username}: ${res.statusCode} ${res.body}`);
  return cookie;
}

/** A service ctx for the user, as the session plugin would build it, without going through HTTP. */
export async function ctxOf(deps: TDeps, user: { username: string }): Promise<TCtx> {
  const acting = await findActingUser(deps.database.db, user.username);
  return actingCtx(acting!.user, 'test');
}
