import type { TOrgKind } from '../domain/orgs.ts';
import type { TRole } from '../domain/roles.ts';
import type { TScope } from '../domain/scope.ts';
import type { TConfig } from './config.ts';
import type { TCrypto } from './crypto.ts';
import type { TDatabase } from './db/client.ts';
import type { TSmsProvider } from './sms/sms-provider.ts';
import type { TWechatProvider } from './wechat/wechat-provider.ts';

/** The signed-in user as the server sees it (from the session row, joined to user and org). */
export type TSessionUser = {
  id: string;
  username: string;
  displayName: string;
  roles: TRole[];
  mustChangePassword: boolean;
  org: { id: string; name: string; kind: TOrgKind; regionCode: string | null; universityId: string | null };
  sessionTokenHash: string;
};

/** A controllable clock, so tests can move time (session expiry, lockout). */
export type TClock = { now(): Date };
export const systemClock: TClock = { now: () => new Date() };

/** What every service function takes first. */
export type TCtx = {
  user: TSessionUser | null;
  scope: TScope;
  ip: string | null;
  userAgent: string | null;
};

/** Process-wide dependencies handed to buildApp and to services. */
export type TDeps = {
  config: TConfig;
  database: TDatabase;
  crypto: TCrypto;
  clock: TClock;
  /** text messages (SMS sign-in codes); console in development, a capturing provider in tests */
  sms: TSmsProvider;
  /** WeChat template messages (matching pushes); absent: written to the log (ConsoleWechatProvider) */
  wechat?: TWechatProvider;
};

export function systemCtx(): TCtx {
  return { user: null, scope: { clauses: [] }, ip: null, userAgent: null };
}
