/**
 * Per-IP limit on FAILED login attempts (fixed window, in memory). Complements the per-account lockout: the
 * lockout stops guessing one password, this stops spraying many accounts from one address. Successful logins
 * do not count, so an office of counselors behind one NAT address can all sign in at 8 am.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly maxFailures = 20,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** True when the address has used up its failures for the current window. */
  isBlocked(key: string, now: number): boolean {
    const entry = this.failures.get(key);
    return !!entry && now - entry.windowStart < this.windowMs && entry.count >= this.maxFailures;
  }

  recordFailure(key: string, now: number): void {
    const entry = this.failures.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      this.failures.set(key, { windowStart: now, count: 1 });
      if (this.failures.size > 10_000) this.prune(now);
      return;
    }
    entry.count++;
  }

  private prune(now: number) {
    for (const [k, v] of this.failures) if (now - v.windowStart >= this.windowMs) this.failures.delete(k);
  }
}
