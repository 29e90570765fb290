import { describe, expect, it } from 'vitest';
import { formatTick } from '../../../../shared/format/format-time';
import { xTickSpace, yRange } from './axis-scale';

describe('chart axes (issue 17 item 8, partly)', () => {
  it('starts rate and size axes at zero, keeps percentages whole, leaves temperatures around their values', () => {
    expect(yRange('bitsPerSecond')?.(850e6, 900e6)).toEqual([0, 945e6]);
    expect(yRange('bytesPerSecond')?.(0, 0)).toEqual([0, 1]);
    expect(yRange('percent')?.(40, 60)).toEqual([0, 100]);
    expect(yRange('celsius')).toBeNull();
  });

  it('leaves room for the widest week label between two ticks', () => {
    const week = 7 * 86_400_000;
    // "Thu 12:00 AM" at about 7 px a character in the axis font, plus a gap.
    const widest = Math.max(...[0, 1, 2, 3, 4, 5, 6].map((d) => formatTick(Date.UTC(2026, 0, 1 + d, 12), week, 'en-US').length));
    expect(xTickSpace(week)).toBeGreaterThanOrEqual(widest * 7 + 20);
    expect(xTickSpace(3600_000)).toBeLessThan(xTickSpace(week));
  });
});
