import { describe, expect, it } from 'vitest';
import { alignSeries } from './align-series';

describe('alignSeries', () => {
  it('puts series on one time axis with nulls where a series has no sample, in the asked order', () => {
    const a = { key: 'a', t: [10, 20, 30], avg: [1, 2, 3], min: [0.5, 1.5, 2.5], max: [1.5, 2.5, 3.5] };
    const b = { key: 'b', t: [20, 40], avg: [7, null], min: [6, null], max: [8, null] };
    const out = alignSeries(['b', 'a', 'missing'], [a, b]);
    expect(out.t).toEqual([10, 20, 30, 40]);
    expect(out.avg).toEqual([
      [null, 7, null, null],
      [1, 2, 3, null],
      [null, null, null, null],
    ]);
    expect(out.min[1]).toEqual([0.5, 1.5, 2.5, null]);
    expect(out.max[0]).toEqual([null, 8, null, null]);
  });
  it('handles no data at all', () => {
    expect(alignSeries(['a'], [])).toEqual({ t: [], avg: [[]], min: [[]], max: [[]] });
  });
});
