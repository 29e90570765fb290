import { describe, expect, it } from 'vitest';
import type { RulePreview } from '../../../shared/contract/alerting';
import { timelineRows, totalFirings } from './preview-timeline';

const H = 3_600_000;

describe('timelineRows', () => {
  it('cuts the range into stretches of one state per instance', () => {
    const p: RulePreview = {
      from: 0,
      to: 24 * H,
      stepSeconds: 300,
      instances: [
        {
          instance: '/var',
          transitions: [
            { at: 18 * H, state: 'ok', value: 40 },
            { at: 6 * H, state: 'warning', value: 86 },
            { at: 12 * H, state: 'critical', value: 97 },
          ],
          firings: 1,
          worst: 'critical',
        },
        { instance: '/', transitions: [], firings: 0, worst: 'ok' },
      ],
    };
    const rows = timelineRows(p);
    expect(rows[0]?.segments.map((s) => [s.state, s.start, s.end])).toEqual([
      ['ok', 0, 0.25],
      ['warning', 0.25, 0.5],
      ['critical', 0.5, 0.75],
      ['ok', 0.75, 1],
    ]);
    expect(rows[1]?.segments).toEqual([{ start: 0, end: 1, state: 'ok', from: 0, to: 24 * H }]);
    expect(totalFirings(p)).toBe(1);
  });

  it('clamps transitions outside the range and drops empty stretches', () => {
    const rows = timelineRows({
      from: 10 * H,
      to: 20 * H,
      stepSeconds: 300,
      instances: [
        {
          instance: '',
          transitions: [
            { at: 5 * H, state: 'critical', value: 99 },
            { at: 15 * H, state: 'critical', value: 99 },
            { at: 20 * H, state: 'ok', value: 1 },
          ],
          firings: 1,
          worst: 'critical',
        },
      ],
    });
    expect(rows[0]?.segments.map((s) => [s.state, s.start, s.end])).toEqual([['critical', 0, 1]]);
  });
});
