import { describe, expect, it } from 'vitest';
import { leafForPath, NAV_LEAVES, navFor } from './nav.ts';

const keys = (roles: Parameters<typeof navFor>[0]) =>
  navFor(roles).flatMap((item) => (item.kind === 'page' ? [item.key] : item.children.map((c) => c.key)));

describe('navFor', () => {
  it('gives a graduate only home and password', () => {
    expect(keys(['graduate'])).toEqual(['home', 'password']);
  });

  it('gives an employer reference data but no orgs or audit', () => {
    expect(keys(['employer'])).toEqual([
      'home',
      'regions',
      'focusCounties',
      'codeTables',
      'supportPairs',
      'password',
    ]);
  });

  it('gives a system admin everything', () => {
    expect(keys(['system_admin'])).toEqual(NAV_LEAVES.map((l) => l.key));
  });

  it('shows account administration only to roles that manage users', () => {
    expect(keys(['system_admin'])).toContain('users');
    expect(keys(['university_admin', 'ministry', 'province_education'])).not.toContain('users');
  });

  it('drops a group when none of its pages is allowed', () => {
    expect(navFor(['graduate']).some((i) => i.kind === 'group' && i.key === 'reference')).toBe(false);
  });
});

describe('leafForPath', () => {
  it('matches the home page only exactly', () => {
    expect(leafForPath('/')?.key).toBe('home');
    expect(leafForPath('/nowhere')).toBeUndefined();
  });

  it('matches nested paths to their page', () => {
    expect(leafForPath('/reference/regions')?.key).toBe('regions');
    expect(leafForPath('/audit')?.key).toBe('audit');
    expect(leafForPath('/admin/users')?.key).toBe('users');
  });
});
