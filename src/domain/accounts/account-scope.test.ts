import { describe, expect, it } from 'vitest';
import type { TOrgKind } from '../orgs.ts';
import type { TRole } from '../roles.ts';
import { accountDenial, accountGrantsOf, manageableRoles, type TAccountOrg } from './account-scope.ts';
import { parseRole, splitClasses, type TStaffOrg, validateStaffRows } from './staff-import.ts';

const actor = (
  roles: TRole[],
  kind: TOrgKind,
  regionCode: string | null,
  id = 'me',
  universityId: string | null = null,
) => ({
  roles,
  org: { id, kind, regionCode, universityId },
});
const org = (
  id: string,
  kind: string,
  regionCode: string | null,
  universityId: string | null = null,
): TAccountOrg => ({
  id,
  kind,
  regionCode,
  universityId,
});

const uniA = org('A', 'university', '520100', 'A');
const collegeA = org('A1', 'college', '520100', 'A');
const collegeB = org('B1', 'college', '520100', 'B');
const gzHrss = org('H', 'province_hrss', '520000');
const weiningHrss = org('W', 'county_hrss', '520526');
const gdCountyHrss = org('G', 'county_hrss', '440103');
const gzPoverty = org('P', 'poverty_office', '520000');
const weiningPoverty = org('WP', 'poverty_office', '520526');

describe('account scope', () => {
  it('lets the system admin manage every org, with the roles that fit it', () => {
    const g = accountGrantsOf(actor(['system_admin'], 'system', null));
    expect(manageableRoles(g, collegeB)).toEqual(['counselor', 'helper', 'graduate']);
    expect(accountDenial(g, gdCountyHrss, ['county_hrss'])).toBeNull();
  });

  it('lets a university admin manage counselors, helpers and admins of its own university and colleges only', () => {
    const g = accountGrantsOf(actor(['university_admin'], 'university', '520100', 'A', 'A'));
    expect(accountDenial(g, collegeA, ['counselor', 'helper'])).toBeNull();
    expect(accountDenial(g, uniA, ['university_admin'])).toBeNull();
    expect(accountDenial(g, collegeB, ['counselor'])).toBe('org_out_of_scope');
    // a graduate's account is not staff: out of the admin's reach even in its own college
    expect(accountDenial(g, collegeA, ['graduate'])).toBe('role_out_of_scope');
    expect(accountDenial(g, gzHrss, ['province_hrss'])).toBe('org_out_of_scope');
  });

  it('lets a provincial HRSS department manage its own org and the county bureaus of its province', () => {
    const g = accountGrantsOf(actor(['province_hrss'], 'province_hrss', '520000', 'H'));
    expect(accountDenial(g, gzHrss, ['province_hrss'])).toBeNull();
    expect(accountDenial(g, weiningHrss, ['county_hrss'])).toBeNull();
    expect(accountDenial(g, gdCountyHrss, ['county_hrss'])).toBe('org_out_of_scope');
    expect(accountDenial(g, weiningPoverty, ['poverty_office'])).toBe('org_out_of_scope');
    expect(accountDenial(g, collegeA, ['counselor'])).toBe('org_out_of_scope');
  });

  it('lets a provincial poverty office manage the lower poverty offices of its province, not a county one', () => {
    const g = accountGrantsOf(actor(['poverty_office'], 'poverty_office', '520000', 'P'));
    expect(accountDenial(g, gzPoverty, ['poverty_office'])).toBeNull();
    expect(accountDenial(g, weiningPoverty, ['poverty_office'])).toBeNull();
    expect(accountDenial(g, weiningHrss, ['county_hrss'])).toBe('org_out_of_scope');
    // a county office holds the same role but manages nobody (only provincial departments do)
    expect(accountGrantsOf(actor(['poverty_office'], 'poverty_office', '520526', 'WP'))).toEqual([]);
  });

  it('gives counselors, helpers and a provincial education department outside their org nothing', () => {
    expect(accountGrantsOf(actor(['counselor'], 'college', '520100', 'A1', 'A'))).toEqual([]);
    const edu = accountGrantsOf(actor(['province_education'], 'province_education', '520000', 'E'));
    expect(accountDenial(edu, org('E', 'province_education', '520000'), ['province_education'])).toBeNull();
    expect(accountDenial(edu, weiningHrss, ['county_hrss'])).toBe('org_out_of_scope');
  });
});

describe('staff rows', () => {
  const college: TStaffOrg = {
    id: 'A1',
    code: 'A-C1',
    kind: 'college',
    manageableRoles: ['counselor', 'helper'],
    collegeId: 'A1',
    colleges: new Map([['计算机学院', 'A1']]),
  };
  const lookups = { orgs: new Map([['A-C1', college]]), takenUsernames: new Set(['taken']) };

  it('reads roles by Chinese name or code and classes separated by 、', () => {
    expect(parseRole('辅导员')).toBe('counselor');
    expect(parseRole('HELPER')).toBe('helper');
    expect(splitClasses('计科2001班、计科 2002班')).toEqual(['计科2001班', '计科 2002班']);
  });

  it('accepts a good file and names row, column and expectation for every bad cell', () => {
    const good = {
      rowNo: 2,
      values: {
        username: 'Yang',
        displayName: '杨老师',
        orgCode: 'A-C1',
        roles: '辅导员',
        classes: '计科2001班',
      },
    };
    expect(validateStaffRows([good], lookups).rows).toMatchObject([
      { username: 'yang', collegeId: 'A1', classes: ['计科2001班'], roles: ['counselor'] },
    ]);
    const bad = [
      good,
      { rowNo: 3, values: { username: 'yang', displayName: '', orgCode: 'X', roles: '校长' } },
      {
        rowNo: 4,
        values: {
          username: 'taken',
          displayName: '周',
          orgCode: 'A-C1',
          roles: '帮扶责任人',
          classes: '1班',
        },
      },
      {
        rowNo: 5,
        values: { username: 'lisi', displayName: '李', orgCode: 'A-C1', roles: '辅导员', phone: '123' },
      },
    ];
    const { rows, errors } = validateStaffRows(bad, lookups);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.rowNo, e.field])).toEqual([
      [3, 'username'],
      [3, 'displayName'],
      [3, 'orgCode'],
      [3, 'roles'],
      [4, 'username'],
      [4, 'classes'],
      [5, 'phone'],
      [5, 'classes'],
    ]);
    expect(errors[0]!.message.zh).toContain('第 2 行');
  });
});
