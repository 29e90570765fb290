import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestLimiter } from './limiter';

describe('RequestLimiter', () => {
  afterEach(() => vi.useRealTimers());

  it('never lets more than max hold a slot, and serves waiters in order', async () => {
    const limiter = new RequestLimiter(2, 10_000);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = [1, 2, 3, 4].map((n) =>
      limiter.acquire().then((release) => {
        order.push(n);
        releases.push(release);
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual([1, 2]);
    expect(limiter.active).toBe(2);
    expect(limiter.queued).toBe(2);
    releases[0]?.();
    releases[0]?.(); // idempotent
    await vi.waitFor(() => expect(order).toEqual([1, 2, 3]));
    expect(limiter.active).toBe(2);
    releases[1]?.();
    await vi.waitFor(() => expect(order).toEqual([1, 2, 3, 4]));
    releases[2]?.();
    releases[3]?.();
    await Promise.all(tasks);
    expect(limiter.active).toBe(0);
    expect(limiter.sent).toBe(4);
  });

  it('frees a slot held past holdMs (a request to a dead device stops counting)', async () => {
    vi.useFakeTimers();
    const limiter = new RequestLimiter(1, 250);
    await limiter.acquire(); // never released by its owner
    let second = false;
    void limiter.acquire().then(() => (second = true));
    await vi.advanceTimersByTimeAsync(249);
    expect(second).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(second).toBe(true);
  });
});
