import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { ROLE_ORG_KINDS, ROLES } from '../../../domain/roles.ts';
import { findOrg, formatLockedUntil, orgMatches, rolesForOrgKind, userStatuses } from './user-model.ts';

const node = (code: string, name: string, kind: TOrgNode['kind'], children: TOrgNode[] = []): TOrgNode => ({
  id: code,
  code,
  name,
  kind,
  regionCode: null,
  moeCode: null,
  children,
});

const TREE = [
  node('MOE', '教育部', 'ministry', [
    node('U-10657', '贵州大学', 'university', [node('U-10657-C01', '计算机科学与技术学院', 'college')]),
  ]),
  node('SYSTEM', '系统', 'system'),
];

describe('rolesForOrgKind', () => {
  it('offers the campus roles in a college', () => {
    expect(rolesForOrgKind('college')).toEqual(['counselor', 'helper', 'graduate']);
  });

  it('adds the university admin at university level', () => {
    expect(rolesForOrgKind('university')).toEqual(['counselor', 'helper', 'university_admin', 'graduate']);
  });

  it('offers only the system admin in the system org, and nothing without an org', () => {
    expect(rolesForOrgKind('system')).toEqual(['system_admin']);
    expect(rolesForOrgKind(undefined)).toEqual([]);
    expect(rolesForOrgKind('nowhere')).toEqual([]);
  });

  it('agrees with ROLE_ORG_KINDS for every role', () => {
    for (const role of ROLES) {
      for (const kind of ROLE_ORG_KINDS[role]) expect(rolesForOrgKind(kind)).toContain(role);
    }
  });
});

describe('findOrg and orgMatches', () => {
  it('finds nested orgs by code', () => {
    expect(findOrg(TREE, 'U-10657-C01')?.kind).toBe('college');
    expect(findOrg(TREE, 'SYSTEM')?.name).toBe('系统');
    expect(findOrg(TREE, 'NOPE')).toBeUndefined();
    expect(findOrg(TREE, undefined)).toBeUndefined();
  });

  it('matches by name or code, ignoring case', () => {
    expect(orgMatches({ name: '贵州大学', code: 'U-10657' }, '贵州')).toBe(true);
    expect(orgMatches({ name: '贵州大学', code: 'U-10657' }, ' u-106 ')).toBe(true);
    expect(orgMatches({ name: '贵州大学', code: 'U-10657' }, '教育')).toBe(false);
  });
});

describe('userStatuses', () => {
  it('is active only when neither inactive nor locked', () => {
    expect(userStatuses({ active: true, lockedUntil: null })).toEqual(['active']);
    expect(userStatuses({ active: false, lockedUntil: null })).toEqual(['inactive']);
    expect(userStatuses({ active: true, lockedUntil: '2020-07-01T08:30:00Z' })).toEqual(['locked']);
    expect(userStatuses({ active: false, lockedUntil: '2020-07-01T08:30:00Z' })).toEqual([
      'inactive',
      'locked',
    ]);
  });
});

describe('formatLockedUntil', () => {
  it('shows the time alone for today and the date otherwise', () => {
    const now = dayjs('2020-07-01T10:00:00');
    expect(formatLockedUntil(now.add(15, 'minute').toISOString(), now.toDate())).toBe('10:15');
    expect(formatLockedUntil(now.add(1, 'day').toISOString(), now.toDate())).toBe('2020-07-02 10:00');
  });
});
