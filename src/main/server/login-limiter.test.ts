import { describe, expect, it } from 'vitest';
import { LoginLimiter, type Attempt } from './login-limiter';

function clock(): { now: () => number; advance(ms: number): void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const failOnce = (l: LoginLimiter, key: string): Attempt => {
  const a = l.attempt(key);
  if (a.allowed) a.fail();
  return a;
};

describe('LoginLimiter', () => {
  it('locks an address after 5 failures in a minute, for 60 s, and refuses even a right password meanwhile', () => {
    const c = clock();
    const l = new LoginLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) expect(failOnce(l, 'a').allowed).toBe(true);
    const locked = l.attempt('a');
    expect(locked).toEqual({ allowed: false, retryAfterMs: 60_000 });
    c.advance(59_000);
    expect(l.attempt('a')).toEqual({ allowed: false, retryAfterMs: 1_000 });
    // Another address is not affected.
    expect(l.attempt('b').allowed).toBe(true);
    c.advance(1_000);
    const ok = l.attempt('a');
    expect(ok.allowed).toBe(true);
  });

  it('doubles the lock while failures continue, up to the maximum, and forgets after an hour of calm', () => {
    const c = clock();
    const l = new LoginLimiter({ now: c.now });
    const locks: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 5; i++) failOnce(l, 'a');
      const r = l.attempt('a');
      if (r.allowed) throw new Error('expected a lock');
      locks.push(r.retryAfterMs);
      c.advance(r.retryAfterMs);
    }
    expect(locks).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    c.advance(3600_001);
    for (let i = 0; i < 5; i++) failOnce(l, 'a');
    expect(l.attempt('a')).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it('failures older than the window do not count', () => {
    const c = clock();
    const l = new LoginLimiter({ now: c.now });
    for (let i = 0; i < 4; i++) failOnce(l, 'a');
    c.advance(60_001);
    for (let i = 0; i < 4; i++) expect(failOnce(l, 'a').allowed).toBe(true);
    expect(l.attempt('a').allowed).toBe(true);
  });

  it('a success clears the failures of the address', () => {
    const c = clock();
    const l = new LoginLimiter({ now: c.now });
    for (let i = 0; i < 4; i++) failOnce(l, 'a');
    const a = l.attempt('a');
    if (!a.allowed) throw new Error('expected allowed');
    a.succeed();
    for (let i = 0; i < 4; i++) failOnce(l, 'a');
    expect(l.attempt('a').allowed).toBe(true);
  });

  it('counts attempts in flight, so parallel guesses cannot exceed the limit', () => {
    const l = new LoginLimiter({ now: clock().now });
    const inFlight = Array.from({ length: 20 }, () => l.attempt('a'));
    expect(inFlight.filter((a) => a.allowed)).toHaveLength(5);
    for (const a of inFlight) if (a.allowed) a.fail();
    expect(l.attempt('a')).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it('keeps its memory bounded under a flood of addresses', () => {
    const l = new LoginLimiter({ now: clock().now, maxTracked: 100 });
    for (let i = 0; i < 1000; i++) failOnce(l, `10.0.${i >> 8}.${i & 255}`);
    expect((l as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(100);
  });
});
