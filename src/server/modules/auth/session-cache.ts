import type { TSessionUser } from '../../context.ts';

/**
 * Signed-in sessions remembered for a few seconds, so a burst of requests from one browser does not look the
 * session up in the database each time: that lookup was a third of the caseload list's round trips
 * (docs/benchmarks.md, caseload). Expiry (idle and absolute) is still checked on every request from the cached
 * dates. Every write that could end or change a session in this process (sign-out, password change, user
 * update, deactivation, lockout) forgets the entries first (auth.repo.ts), so the only staleness left is a
 * change made by another process, for at most SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 20_000;

export type TCachedSession = {
  session: { userId: string; lastSeenAt: Date; expiresAt: Date };
  active: boolean;
  user: TSessionUser;
};

const entries = new Map<string, { found: TCachedSession; at: number }>();

export function recallSession(tokenHash: string): TCachedSession | undefined {
  const hit = entries.get(tokenHash);
  if (!hit) return undefined;
  if (performance.now() - hit.at > SESSION_CACHE_MS) {
    entries.delete(tokenHash);
    return undefined;
  }
  return hit.found;
}

export function rememberSession(tokenHash: string, found: TCachedSession): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { found, at: performance.now() });
}

/** Forget one session, or every session of a user. */
export function forgetSessions(key: { tokenHash: string } | { userId: string }): void {
  if ('tokenHash' in key) {
    entries.delete(key.tokenHash);
    return;
  }
  for (const [hash, e] of entries) if (e.found.session.userId === key.userId) entries.delete(hash);
}
