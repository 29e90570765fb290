import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriesStats, withLatest } from './series-stats';

describe('seriesStats', () => {
  it('takes extremes from the MIN/MAX columns of a consolidated tier', () => {
    expect(seriesStats([10, 20, null, 30], [5, 18, null, 29], [12, 45, null, 31])).toEqual({
      min: 5,
      avg: 20,
      max: 45,
      last: 30,
    });
  });
  it('falls back to the averages on raw data', () => {
    expect(seriesStats([3, null, 1, 2])).toEqual({ min: 1, avg: 2, max: 3, last: 2 });
  });
  it('is all null without samples', () => {
    expect(seriesStats([null, null])).toEqual({ min: null, avg: null, max: null, last: null });
  });
  it('matches a naive computation on random raw series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null })),
        (values) => {
          const present = values.filter((v): v is number => v !== null);
          const s = seriesStats(values);
          if (present.length === 0) return s.avg === null;
          const mean = present.reduce((a, b) => a + b, 0) / present.length;
          return (
            s.min === Math.min(...present) &&
            s.max === Math.max(...present) &&
            Math.abs((s.avg ?? 0) - mean) <= 1e-6 * Math.max(1, Math.abs(mean)) &&
            s.last === present.at(-1)
          );
        },
      ),
    );
  });
});

describe('withLatest (issue 17 item 8)', () => {
  it('gives "Last" the last poll value whatever the range, and keeps the computed one without it', () => {
    // A year's chart on the 1-day tier: its last bucket averages the day, not the current figure.
    const yearly = [seriesStats([30, 35, 37], [20, 25, 10], [40, 45, 80])];
    expect(yearly[0]?.last).toBe(37);
    expect(withLatest(yearly, ['d|cpu.total|'], new Map([['d|cpu.total|', 41]]))[0]).toMatchObject({ last: 41, avg: 34 });
    expect(withLatest(yearly, ['d|cpu.total|'], new Map())[0]?.last).toBe(37);
  });
});
