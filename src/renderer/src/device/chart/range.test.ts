import { describe, expect, it } from 'vitest';
import { MetricsQuerySchema } from '../../../../shared/contract/metrics';
import { isLiveRange, pointBudget, rangeQuery, RANGES, windowQuery } from './range';

describe('rangeQuery', () => {
  const now = 1_700_000_000_000;
  it('ends now and spans the range', () => {
    expect(rangeQuery('1h', ['d|cpu|'], now, 800)).toEqual({
      series: ['d|cpu|'],
      from: now - 3_600_000,
      to: now,
      maxPoints: 800,
    });
    expect(rangeQuery('7d', ['d|cpu|'], now, 800).from).toBe(now - 7 * 86_400_000);
    expect(rangeQuery('1y', ['d|cpu|'], now, 800).from).toBe(now - 365 * 86_400_000);
  });
  it('asks about one point per pixel within the contract bounds', () => {
    expect(rangeQuery('24h', ['d|cpu|'], now, 3).maxPoints).toBe(10);
    expect(rangeQuery('24h', ['d|cpu|'], now, 1e6).maxPoints).toBe(20_000);
    expect(rangeQuery('24h', ['d|cpu|'], now, 1234.4).maxPoints).toBe(1234);
  });
  it('produces queries the contract accepts for every range', () => {
    for (const r of RANGES)
      expect(MetricsQuerySchema.safeParse(rangeQuery(r, ['dev|cpu.total|'], now, 900)).success).toBe(true);
  });
  it('marks only the short ranges as live', () => {
    expect(RANGES.filter(isLiveRange)).toEqual(['1h', '24h']);
  });
});

describe('windowQuery (a zoomed span, issue 17 item 8)', () => {
  it('asks for the span itself with the same point budget, so a shorter span gets finer points', () => {
    const from = 1_700_000_000_000;
    const to = from + 86_400_000;
    const q = windowQuery(['d|cpu|'], from, to, 1200);
    expect(q).toEqual({ series: ['d|cpu|'], from, to, maxPoints: 1200 });
    expect(MetricsQuerySchema.safeParse(q).success).toBe(true);
    // A day at 1200 points is a point every 72 s; the week it was zoomed from had one every 504 s.
    expect((q.to - q.from) / (q.maxPoints ?? 1)).toBeLessThan((7 * 86_400_000) / 1200);
  });
});

describe('pointBudget (issue 18 item 2: no more points than pixels)', () => {
  it('is the plot width in device pixels, stepped down', () => {
    // A 1,280 px card holds a plot of about 1,200 px: 1,200 points, 2,400 on a HiDPI screen.
    expect(pointBudget(1280, 1)).toBe(1200);
    expect(pointBudget(1280, 2)).toBe(2400);
    expect(pointBudget(1279, 1)).toBe(1100);
    expect(pointBudget(1280, 1.25)).toBe(1500);
  });
  it('changes only past a step, so a small resize does not query again', () => {
    expect(new Set([1281, 1300, 1350, 1379].map((w) => pointBudget(w, 1)))).toEqual(new Set([1200]));
  });
  it('is 0 before layout and never below a small floor', () => {
    expect(pointBudget(0, 2)).toBe(0);
    expect(pointBudget(90, 1)).toBe(100);
    expect(pointBudget(1280, Number.NaN)).toBe(1200);
  });
});
