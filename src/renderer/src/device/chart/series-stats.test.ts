import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriesStats } from './series-stats';

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
