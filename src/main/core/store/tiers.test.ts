import { describe, expect, it } from 'vitest';
import { chooseTier } from './query';
import { chunkId, chunkWindow, DAY, DEFAULT_TIERS, HOUR, MAX_SERIES_ID, MINUTE, resolveTiers } from './tiers';

const NOW = Date.UTC(2024, 5, 1, 12);
const tierOf = (from: number, to: number, maxPoints: number, rawIntervalMs = 60_000): { name: string; merge: number } => {
  const c = chooseTier(DEFAULT_TIERS, { from, to, now: NOW, maxPoints, rawIntervalMs });
  return { name: DEFAULT_TIERS[c.tier]!.name, merge: c.merge };
};

describe('tier choice', () => {
  it('takes raw while the samples fit the point budget and the last 24 h hold them', () => {
    expect(tierOf(NOW - HOUR, NOW, 1500, 10_000)).toEqual({ name: 'raw', merge: 1 });
    expect(tierOf(NOW - DAY, NOW, 1500)).toEqual({ name: 'raw', merge: 1 }); // 1,441 samples at 60 s
    expect(tierOf(NOW - DAY, NOW, 1500, 10_000)).toEqual({ name: '5m', merge: 1 }); // 8,641 samples at 10 s
    expect(tierOf(NOW - DAY, NOW, 1000)).toEqual({ name: '5m', merge: 1 });
  });

  it('leaves a tier whose retention no longer covers `from`, whatever the budget', () => {
    expect(tierOf(NOW - 2 * DAY, NOW - 2 * DAY + HOUR, 20_000)).toEqual({ name: '5m', merge: 1 });
    expect(tierOf(NOW - 40 * DAY, NOW, 20_000)).toEqual({ name: '1h', merge: 1 });
    expect(tierOf(NOW - 2 * 365 * DAY, NOW, 20_000)).toEqual({ name: '1d', merge: 1 });
  });

  it('takes the finest tier that fits the budget', () => {
    expect(tierOf(NOW - 30 * DAY, NOW, 10_000)).toEqual({ name: '5m', merge: 1 }); // 8,641 buckets
    expect(tierOf(NOW - 30 * DAY, NOW, 1500)).toEqual({ name: '1h', merge: 1 }); // 721 buckets
    expect(tierOf(NOW - 300 * DAY, NOW, 1500)).toEqual({ name: '1d', merge: 1 });
  });

  it('merges buckets of the coarsest tier when even it exceeds the budget', () => {
    expect(tierOf(NOW - 3650 * DAY, NOW, 1000)).toEqual({ name: '1d', merge: 4 }); // 3,651 days
    expect(tierOf(NOW - 3650 * DAY, NOW, 20_000)).toEqual({ name: '1d', merge: 1 });
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
