import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { TMe } from '../../domain/api/auth.ts';
import type { TPermission } from '../../domain/roles.ts';
import { hasPermission } from '../../domain/roles.ts';
import { useMe } from '../api/auth.ts';
import { pageRedirect } from './auth-redirect.ts';
import { ErrorState, LoadingState } from './states.tsx';
import { ForbiddenPage } from './status-pages.tsx';

const CurrentUserContext = createContext<TMe | null>(null);

/** The signed-in user; only valid below RequireAuth, which is where every page lives. */
export function useCurrentUser(): TMe {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside RequireAuth');
  return me;
}

/**
 * Renders children for a signed-in user; otherwise sends them to /login, remembering where they were. A user on
 * a temporary password only gets the password page (pageRedirect).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  const redirect = pageRedirect(me.data, location.pathname);
  if (redirect) return <Navigate to={redirect} replace />;
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}

/** The page when the user's roles grant `permission` (or none is needed), else the 403 page. */
export function RequirePermission({
  permission,
  children,
}: {
  permission?: TPermission;
  children: ReactNode;
}) {
  const me = useCurrentUser();
  if (permission && !hasPermission(me.roles, permission)) return <ForbiddenPage />;
  return children;
}
