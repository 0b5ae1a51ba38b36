import type { TMe } from '../../domain/api/auth.ts';

export const PASSWORD_PAGE = '/account/password';

/**
 * The page a signed-in user must see instead of `pathname`, or null to show it. A user still on a temporary
 * password goes to the password page: the server answers nothing else for them (403 password_change_required)
 * until they have chosen their own.
 */
export function pageRedirect(me: TMe, pathname: string): string | null {
  if (me.mustChangePassword && pathname !== PASSWORD_PAGE) return PASSWORD_PAGE;
  return null;
}
