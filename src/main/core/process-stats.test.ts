import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcessStats } from './process-stats';

const blockFor = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* a blocked event loop, on purpose */
  }
};

describe('ProcessStats', () => {
  it('reads this process: resident memory, descriptors from /proc, CPU', () => {
    const stats = new ProcessStats();
    const r = stats.read();
    expect(r.residentBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(r.heapUsedBytes).toBeGreaterThan(0);
    expect(r.cpuSeconds).toBeGreaterThan(0);
    expect(r.startTimeSeconds).toBeLessThanOrEqual(Date.now() / 1000);
    // Another thread may open or close a descriptor between the two listings: close, not equal.
    expect(Math.abs((r.openFds ?? 0) - (readdirSync('/proc/self/fd').length - 1))).toBeLessThanOrEqual(3);
    expect(r.lag).toBeNull();
  });

  it('sees the event loop blocked and starts a new window at each reading', async () => {
    const stats = new ProcessStats();
    stats.start();
    try {
      await new Promise((r) => setTimeout(r, 50));
      blockFor(150);
      // Let the histogram's timer fire after the block so the late tick is recorded.
      const deadline = Date.now() + 10_000;
      let lag = stats.read().lag;
      while ((lag === null || lag.max < 0.1) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        const next = stats.read().lag;
        if (next && (lag === null || next.max > lag.max)) lag = next;
      }
      expect(lag?.max).toBeGreaterThanOrEqual(0.1);
      expect(lag?.max).toBeLessThan(5);
      const after = stats.read().lag;
      expect(after === null || after.max < lag!.max).toBe(true);
    } finally {
      stats.stop();
    }
  });
});
