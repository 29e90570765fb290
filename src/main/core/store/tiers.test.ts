import { describe, expect, it } from 'vitest';
import { chooseTier } from './query';
import { chunkId, chunkWindow, DAY, DEFAULT_TIERS, HOUR, MAX_SERIES_ID, MINUTE, resolveTiers } from './tiers';

const NOW = Date.UTC(2024, 5, 1, 12);
const tierOf = (from: number, to: number, maxPoints: number, rawIntervalMs = 60_000): { name: string; merge: number; stepMs?: number } => {
  const c = chooseTier(DEFAULT_TIERS, { from, to, now: NOW, maxPoints, rawIntervalMs });
  return { name: DEFAULT_TIERS[c.tier]!.name, merge: c.merge, ...(c.tier === 0 && c.stepMs > 0 && { stepMs: c.stepMs }) };
};
/** Points a choice gives over [from, to]: never more than the budget. */
const pointsOf = (from: number, to: number, stepMs: number): number => Math.floor(to / stepMs) - Math.floor(from / stepMs) + 1;

describe('tier choice', () => {
  it('takes raw samples as stored while they fit the point budget and the last 24 h hold them', () => {
    expect(tierOf(NOW - HOUR, NOW, 1500, 10_000)).toEqual({ name: 'raw', merge: 1 });
    expect(tierOf(NOW - DAY, NOW, 1500)).toEqual({ name: 'raw', merge: 1 }); // 1,441 samples at 60 s
  });

  it('buckets raw samples by whole sampling intervals when they exceed the budget, while finer than 5 minutes', () => {
    // 24 h of 10 s samples (8,641) on a 1,200 px chart: 80 s buckets (8 samples each), not 5-minute ones.
    expect(tierOf(NOW - DAY, NOW, 1200, 10_000)).toEqual({ name: 'raw', merge: 1, stepMs: 80_000 });
    expect(pointsOf(NOW - DAY, NOW, 80_000)).toBeLessThanOrEqual(1200);
    expect(tierOf(NOW - DAY, NOW, 1000)).toEqual({ name: 'raw', merge: 1, stepMs: 2 * MINUTE }); // 721 points
    // A jittery interval is rounded to whole seconds before it is multiplied.
    expect(tierOf(NOW - DAY, NOW, 1200, 9_960)).toEqual({ name: 'raw', merge: 1, stepMs: 80_000 });
    // When the buckets would be 5 minutes or wider, the 5m tier already holds them.
    expect(tierOf(NOW - DAY, NOW, 300)).toEqual({ name: '5m', merge: 1 });
    expect(tierOf(NOW - 40 * MINUTE, NOW, 9)).toEqual({ name: '5m', merge: 1 });
  });

  it('leaves a tier whose retention no longer covers `from`, whatever the budget', () => {
    expect(tierOf(NOW - 2 * DAY, NOW - 2 * DAY + HOUR, 20_000)).toEqual({ name: '5m', merge: 1 });
    expect(tierOf(NOW - 40 * DAY, NOW, 20_000)).toEqual({ name: '1h', merge: 1 });
    expect(tierOf(NOW - 2 * 365 * DAY, NOW, 20_000)).toEqual({ name: '1d', merge: 1 });
  });

  it('takes the finest tier that fits the budget as stored', () => {
    expect(tierOf(NOW - 30 * DAY, NOW, 10_000)).toEqual({ name: '5m', merge: 1 }); // 8,641 buckets
    expect(tierOf(NOW - 30 * DAY, NOW, 800)).toEqual({ name: '1h', merge: 1 }); // 721 buckets
    expect(tierOf(NOW - 300 * DAY, NOW, 310)).toEqual({ name: '1d', merge: 1 }); // 301 days; 12-hour buckets would not fit
  });

  it('merges buckets of a fine tier by a divisor of the next step rather than jumping to the next tier', () => {
    // 7 days on 1,200 px: 10-minute buckets (1,009 points) from the 5m tier, not 169 hourly ones.
    expect(tierOf(NOW - 7 * DAY, NOW, 1200)).toEqual({ name: '5m', merge: 2 });
    expect(pointsOf(NOW - 7 * DAY, NOW, 10 * MINUTE)).toBeLessThanOrEqual(1200);
    // 30 days on 1,500 px: 28.8 min would fit; 30 min divides the hour (1,441 points).
    expect(tierOf(NOW - 30 * DAY, NOW, 1500)).toEqual({ name: '5m', merge: 6 });
    // 300 days on 1,500 px: 5-hour buckets would fit but do not divide a day: 6 hours.
    expect(tierOf(NOW - 300 * DAY, NOW, 1500)).toEqual({ name: '1h', merge: 6 });
    expect(pointsOf(NOW - 300 * DAY, NOW, 6 * HOUR)).toBeLessThanOrEqual(1500);
  });

  it('merges buckets of the coarsest tier when even it exceeds the budget', () => {
    expect(tierOf(NOW - 3650 * DAY, NOW, 1000)).toEqual({ name: '1d', merge: 4 }); // 3,651 days
    expect(tierOf(NOW - 3650 * DAY, NOW, 20_000)).toEqual({ name: '1d', merge: 1 });
  });

  it('never gives more points than the budget, whatever the range and its alignment', () => {
    for (const maxPoints of [10, 11, 97, 1200, 1201, 2400]) {
      for (const span of [13 * MINUTE, 5 * HOUR + 7_123, DAY - 1, 3 * DAY + 17, 7 * DAY, 29 * DAY, 200 * DAY, 3000 * DAY]) {
        for (const shift of [0, 1, 59_999, 7 * MINUTE + 3]) {
          const from = NOW - span - shift;
          const to = NOW - shift;
          for (const interval of [10_000, 60_000]) {
            const c = chooseTier(DEFAULT_TIERS, { from, to, now: NOW, maxPoints, rawIntervalMs: interval });
            const n = c.stepMs === 0 ? Math.floor((to - from) / interval) + 1 : pointsOf(from, to, c.stepMs);
            expect(n, `${maxPoints} points over ${span} ms`).toBeLessThanOrEqual(maxPoints);
          }
        }
      }
    }
  });
});

describe('tier layout', () => {
  it('packs tier, window and series into one safe integer and back', () => {
    const id = chunkId(3, 2 ** 26 - 1, MAX_SERIES_ID);
    expect(Number.isSafeInteger(id)).toBe(true);
    expect(chunkWindow(id)).toBe(2 ** 26 - 1);
    expect(chunkId(1, 5, 7)).toBeLessThan(chunkId(1, 6, 0));
    expect(chunkId(1, 2 ** 26 - 1, MAX_SERIES_ID)).toBeLessThan(chunkId(2, 0, 0));
  });

  it('refuses layouts whose chunks do not nest or whose retention shrinks', () => {
    expect(() => resolveTiers({ '5m': { chunkMs: 90 * MINUTE } })).toThrow(/multiple of raw's chunkMs/);
    expect(() => resolveTiers({ raw: { chunkMs: 7 * MINUTE } })).toThrow(/≥ 10 minutes/);
    expect(() => resolveTiers({ '1h': { retentionMs: 10 * DAY } })).toThrow(/at least 5m's/);
    expect(() => resolveTiers({ raw: { chunkMs: 12 * MINUTE, retentionMs: DAY } })).toThrow(/raw's chunkMs|multiple/);
    expect(resolveTiers({ raw: { chunkMs: 10 * MINUTE }, '5m': { chunkMs: 2 * HOUR, retentionMs: DAY } })[1]).toMatchObject({ chunkMs: 2 * HOUR });
  });
});
