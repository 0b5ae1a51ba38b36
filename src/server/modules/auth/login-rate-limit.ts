/**
 * Per-IP limit on login attempts (fixed window, in memory). Complements the per-account lockout: the lockout
 * stops guessing one password, this stops spraying many accounts from one address.
 */
export class LoginRateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly max = 20,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Count one attempt; false when the address is over its limit for the current window. */
  take(key: string, now: number): boolean {
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      this.hits.set(key, { windowStart: now, count: 1 });
      if (this.hits.size > 10_000) this.prune(now);
      return true;
    }
    entry.count++;
    return entry.count <= this.max;
  }

  private prune(now: number) {
    for (const [k, v] of this.hits) if (now - v.windowStart >= this.windowMs) this.hits.delete(k);
  }
}
