import { describe, expect, it } from 'vitest';
import type { TMe } from '../../domain/api/auth.ts';
import { PASSWORD_PAGE, pageRedirect } from './auth-redirect.ts';

const me = (mustChangePassword: boolean): TMe => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'new_counselor',
  displayName: '新辅导员',
  roles: ['counselor'],
  permissions: ['cases.read'],
  org: {
    id: '00000000-0000-4000-8000-000000000002',
    name: '贵州大学',
    kind: 'university',
    regionCode: '520100',
  },
  mustChangePassword,
});

describe('pageRedirect', () => {
  it('sends a user on a temporary password to the password page from every other page', () => {
    for (const path of ['/', '/cases', '/me', '/notifications']) {
      expect(pageRedirect(me(true), path), path).toBe(PASSWORD_PAGE);
    }
    expect(pageRedirect(me(true), PASSWORD_PAGE)).toBeNull();
  });

  it('lets a user with their own password through', () => {
    expect(pageRedirect(me(false), '/cases')).toBeNull();
  });
});
