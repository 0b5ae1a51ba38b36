import { describe, expect, it } from 'vitest';
import { leafForPath, NAV_LEAVES, navFor } from './nav.ts';

const keys = (roles: Parameters<typeof navFor>[0]) =>
  navFor(roles).flatMap((item) => (item.kind === 'page' ? [item.key] : item.children.map((c) => c.key)));

describe('navFor', () => {
  it('gives a graduate only home, their self-service pages, notifications and password', () => {
    expect(keys(['graduate'])).toEqual([
      'home',
      'me',
      'mePosts',
      'mePushed',
      'meApplications',
      'notifications',
      'password',
    ]);
  });

  it('gives an employer its portal only: no programme reference lists, orgs, audit or staff post pages', () => {
    expect(keys(['employer'])).toEqual(['home', 'employerPortal', 'notifications', 'password']);
  });

  it('gives a system admin everything but personal data', () => {
    expect(keys(['system_admin'])).toEqual(
      NAV_LEAVES.map((l) => l.key).filter(
        (k) =>
          ![
            'graduates',
            'cases',
            'pairing',
            'classes',
            'handover',
            'siqing',
            'ledgerRules',
            'imports',
            'me',
            'mePosts',
            'mePushed',
            'meApplications',
            'employerPortal',
            'opportunities',
            'zone',
            'funnel',
            'zsb',
            'employers',
          ].includes(k),
      ),
    );
  });

  it('offers the HRSS handover to university admins and the rules to the ministry only', () => {
    expect(keys(['university_admin'])).toEqual(expect.arrayContaining(['handover', 'siqing']));
    expect(keys(['university_admin'])).not.toContain('ledgerRules');
    expect(keys(['ministry'])).toEqual(expect.arrayContaining(['siqing', 'ledgerRules']));
    for (const role of ['counselor', 'county_hrss', 'ministry'] as const)
      expect(keys([role])).not.toContain('handover');
    expect(keys(['graduate'])).not.toContain('siqing');
  });

  it('offers 一帮一 pairing to university admins only', () => {
    expect(keys(['university_admin'])).toContain('pairing');
    for (const role of ['counselor', 'helper', 'ministry', 'county_hrss'] as const)
      expect(keys([role])).not.toContain('pairing');
  });

  it('shows graduates to staff and imports to the roles that import', () => {
    expect(keys(['counselor'])).toContain('graduates');
    expect(keys(['counselor'])).not.toContain('imports');
    for (const role of ['university_admin', 'province_education', 'poverty_office'] as const) {
      expect(keys([role])).toEqual(expect.arrayContaining(['graduates', 'imports']));
    }
    expect(keys(['employer'])).not.toContain('graduates');
  });

  it('shows account administration only to roles that manage users', () => {
    expect(keys(['system_admin'])).toContain('users');
    // issue 22: universities and provincial departments manage their own staff (account-scope.ts)
    for (const role of ['university_admin', 'province_education', 'province_hrss', 'poverty_office'] as const)
      expect(keys([role])).toContain('users');
    expect(keys(['ministry', 'counselor', 'helper', 'county_hrss'])).not.toContain('users');
  });

  it('shows the class assignment page to university admins only', () => {
    expect(keys(['university_admin'])).toContain('classes');
    for (const role of ['counselor', 'helper', 'system_admin', 'province_education'] as const)
      expect(keys([role])).not.toContain('classes');
  });

  it('shows posts and the 52-county zone to every staff role that reads opportunities', () => {
    for (const role of [
      'counselor',
      'helper',
      'university_admin',
      'county_hrss',
      'ministry',
      'poverty_office',
    ] as const) {
      expect(keys([role])).toEqual(expect.arrayContaining(['opportunities', 'zone']));
    }
    for (const role of ['graduate', 'employer', 'partner', 'system_admin'] as const) {
      expect(keys([role])).not.toContain('opportunities');
      expect(keys([role])).not.toContain('zone');
    }
  });

  it('offers the 专升本 plan to provincial education and the ministry, employer review to reviewers', () => {
    expect(keys(['province_education'])).toContain('zsb');
    expect(keys(['ministry'])).toContain('zsb');
    for (const role of ['counselor', 'university_admin', 'province_hrss'] as const) {
      expect(keys([role])).not.toContain('zsb');
    }
    for (const role of ['university_admin', 'province_hrss', 'county_hrss'] as const) {
      expect(keys([role])).toContain('employers');
    }
    for (const role of ['counselor', 'province_education', 'ministry', 'employer'] as const) {
      expect(keys([role])).not.toContain('employers');
    }
  });

  it('shows the push funnel to case readers only', () => {
    for (const role of ['counselor', 'helper', 'university_admin', 'ministry'] as const) {
      expect(keys([role])).toContain('funnel');
    }
    for (const role of ['graduate', 'employer', 'partner', 'system_admin'] as const) {
      expect(keys([role])).not.toContain('funnel');
    }
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
    expect(leafForPath('/imports/6fa66003-00f3-494b-91da-154d6171d477')?.key).toBe('imports');
    expect(leafForPath('/opportunities/6fa66003-00f3-494b-91da-154d6171d477/edit')?.key).toBe(
      'opportunities',
    );
    expect(leafForPath('/employers')?.key).toBe('employers');
    expect(leafForPath('/employer/posts/6fa66003-00f3-494b-91da-154d6171d477')?.key).toBe('employerPortal');
    expect(leafForPath('/me/posts/6fa66003-00f3-494b-91da-154d6171d477')?.key).toBe('mePosts');
    expect(leafForPath('/me')?.key).toBe('me');
  });
});
