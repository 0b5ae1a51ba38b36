import type { TDbOrTx } from '../../db/client.ts';
import * as repo from './escalation.repo.ts';

/*
 * Who is told at each escalation level:
 *            at school (stage 'school')                          handed over to HRSS
 *   level 0  the class's counselors and the current helper       the county HRSS bureau holding the case
 *   level 1  the university's admins                             the HRSS department of the county's province
 *   level 2  the education department of the university's        the ministry
 *            province
 * Only active accounts holding the matching role are told.
 */

export type TRecipientCase = Pick<
  repo.TClockCase,
  | 'id'
  | 'stage'
  | 'holderOrgId'
  | 'universityId'
  | 'universityProvinceCode'
  | 'collegeId'
  | 'className'
  | 'helperUserId'
>;
export type TNeed = { c: TRecipientCase; level: 0 | 1 | 2 };

const prefix = (code: string | null | undefined) => (code ? code.slice(0, 2) : null);
const handedOver = (c: TRecipientCase) => c.stage === 'handed_over';

function groupBy<T>(rows: T[], key: (r: T) => string | null, value: (r: T) => string) {
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = map.get(k) ?? [];
    list.push(value(r));
    map.set(k, list);
  }
  return map;
}

/**
 * Look up, with a handful of queries for the whole batch, the recipients of every (case, level). `db` is the
 * batch's transaction: on PGlite's single connection a query outside it would wait for it forever.
 */
export async function resolveRecipients(db: TDbOrTx, needs: TNeed[]): Promise<(need: TNeed) => string[]> {
  const at = (level: number, over: boolean) =>
    needs.filter((n) => n.level === level && handedOver(n.c) === over).map((n) => n.c);
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];

  const school0 = at(0, false);
  const counselors = await repo.findClassCounselors(db, uniq(school0.map((c) => c.collegeId)));
  const byClass = groupBy(
    counselors,
    (r) => `${r.collegeId}|${r.className}`,
    (r) => r.userId,
  );
  const helpers = await repo.findActiveHelpers(db, uniq(school0.map((c) => c.helperUserId)));

  const county0 = await repo.findUsersInOrgs(db, uniq(at(0, true).map((c) => c.holderOrgId)), 'county_hrss');
  const byHolder = groupBy(
    county0,
    (r) => r.orgId,
    (r) => r.userId,
  );

  const uniAdmins = await repo.findUsersInOrgs(
    db,
    uniq(at(1, false).map((c) => c.universityId)),
    'university_admin',
  );
  const byUniversity = groupBy(
    uniAdmins,
    (r) => r.orgId,
    (r) => r.userId,
  );

  const countyRegions = await repo.findOrgRegions(db, uniq(at(1, true).map((c) => c.holderOrgId)));
  const hrssProvince = await repo.findProvinceUsers(
    db,
    'province_hrss',
    'province_hrss',
    uniq([...countyRegions.values()].map(prefix)),
  );
  const hrssByPrefix = groupBy(
    hrssProvince,
    (r) => r.prefix,
    (r) => r.userId,
  );

  const eduProvince = await repo.findProvinceUsers(
    db,
    'province_education',
    'province_education',
    uniq(at(2, false).map((c) => prefix(c.universityProvinceCode))),
  );
  const eduByPrefix = groupBy(
    eduProvince,
    (r) => r.prefix,
    (r) => r.userId,
  );

  const ministryUsers = at(2, true).length > 0 ? await repo.findMinistryUsers(db) : [];

  return ({ c, level }) => {
    let users: string[];
    if (level === 0) {
      users = handedOver(c)
        ? (byHolder.get(c.holderOrgId) ?? [])
        : [
            ...(byClass.get(`${c.collegeId}|${c.className}`) ?? []),
            ...(c.helperUserId && helpers.has(c.helperUserId) ? [c.helperUserId] : []),
          ];
    } else if (level === 1) {
      users = handedOver(c)
        ? (hrssByPrefix.get(prefix(countyRegions.get(c.holderOrgId)) ?? '') ?? [])
        : (byUniversity.get(c.universityId) ?? []);
    } else {
      users = handedOver(c) ? ministryUsers : (eduByPrefix.get(prefix(c.universityProvinceCode) ?? '') ?? []);
    }
    return [...new Set(users)];
  };
}
