export interface LimiterOptions {
  /** Failures allowed per window before the address is locked (default 5). */
  maxFailures?: number;
  windowMs?: number;
  /** First lock; each further lock of the same address doubles it, up to maxLockMs. */
  baseLockMs?: number;
  maxLockMs?: number;
  /** An address quiet this long starts again from the first lock. */
  forgetMs?: number;
  /** Bound on tracked addresses, so a flood of sources cannot grow memory without limit. */
  maxTracked?: number;
  now?: () => number;
}

interface Entry {
  failures: number[];
  /** Attempts being checked right now: counted, so parallel guesses cannot slip past the limit. */
  pending: number;
  lockedUntil: number;
  locks: number;
  lastSeen: number;
}

/** An allowed attempt must be settled once: fail() counts it, succeed() clears the address, cancel() neither. */
export type Attempt =
  { allowed: false; retryAfterMs: number } | { allowed: true; fail(): void; succeed(): void; cancel(): void };

/**
 * Per-address limit on password (and /metrics token) guesses: 5 failures within a minute lock the address
 * for 1 minute, then 2, 4, 8, up to 15 minutes while failures continue. During a lock every attempt is
 * refused before the password is even checked, so the right password does not help an attacker either.
 * Defaults: 5 per minute; 60 s first lock, doubling, at most 15 min; forgotten after an hour of calm.
 */
export class LoginLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly o: Required<Omit<LimiterOptions, 'now'>> & { now: () => number };

  constructor(options: LimiterOptions = {}) {
    this.o = {
      maxFailures: options.maxFailures ?? 5,
      windowMs: options.windowMs ?? 60_000,
      baseLockMs: options.baseLockMs ?? 60_000,
      maxLockMs: options.maxLockMs ?? 15 * 60_000,
      forgetMs: options.forgetMs ?? 3600_000,
      maxTracked: options.maxTracked ?? 10_000,
      now: options.now ?? Date.now,
    };
  }

  attempt(key: string): Attempt {
    const now = this.o.now();
    const e = this.entry(key, now);
    if (e.lockedUntil > now) return { allowed: false, retryAfterMs: e.lockedUntil - now };
    e.failures = e.failures.filter((t) => now - t < this.o.windowMs);
    if (e.failures.length + e.pending >= this.o.maxFailures) {
      // Enough guesses are already in flight to reach the limit: wait for their outcome.
      const oldest = e.failures[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(1000, oldest + this.o.windowMs - now) };
    }
    e.pending += 1;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      e.pending -= 1;
      return true;
    };
    return {
      allowed: true,
      fail: () => {
        if (!settle()) return;
        const t = this.o.now();
        e.lastSeen = t;
        e.failures = e.failures.filter((f) => t - f < this.o.windowMs);
        e.failures.push(t);
        if (e.failures.length >= this.o.maxFailures) {
          const lock = Math.min(this.o.baseLockMs * 2 ** e.locks, this.o.maxLockMs);
          e.locks += 1;
          e.lockedUntil = t + lock;
          e.failures = [];
        }
      },
      succeed: () => {
        if (settle()) this.entries.delete(key);
      },
      cancel: () => {
        settle();
      },
    };
  }

  /** Seconds to wait, for the Retry-After header. */
  static retryAfterSeconds(ms: number): number {
    return Math.max(1, Math.ceil(ms / 1000));
  }

  private entry(key: string, now: number): Entry {
    let e = this.entries.get(key);
    if (e && e.pending === 0 && e.lockedUntil <= now && now - e.lastSeen > this.o.forgetMs) {
      this.entries.delete(key);
      e = undefined;
    }
    if (!e) {
      if (this.entries.size >= this.o.maxTracked) this.prune(now);
      e = { failures: [], pending: 0, lockedUntil: 0, locks: 0, lastSeen: now };
      this.entries.set(key, e);
    }
    return e;
  }

  private prune(now: number): void {
    for (const [k, e] of this.entries) {
      if (
        e.pending === 0 &&
        e.lockedUntil <= now &&
        (e.failures.length === 0 || now - e.lastSeen > this.o.windowMs)
      ) {
        this.entries.delete(k);
      }
    }
    // Still full of active attackers: drop the oldest entries rather than grow.
    for (const k of this.entries.keys()) {
      if (this.entries.size < this.o.maxTracked) break;
      this.entries.delete(k);
    }
  }
}
