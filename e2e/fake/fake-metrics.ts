import type { MetricsQuery, MetricsResult, SeriesData, Tier } from '../../src/shared/contract/metrics';
import { parseSeriesKey } from '../../src/shared/series-key';
import type { Unit } from '../../src/shared/units';
import { valueForUnit } from './fake-values';
import { hash } from './random';

const TIERS: { tier: Tier; stepMs: number; keepMs: number }[] = [
  { tier: 'raw', stepMs: 10_000, keepMs: 86_400_000 },
  { tier: '5m', stepMs: 300_000, keepMs: 30 * 86_400_000 },
  { tier: '1h', stepMs: 3_600_000, keepMs: 365 * 86_400_000 },
  { tier: '1d', stepMs: 86_400_000, keepMs: 5 * 365 * 86_400_000 },
];

/**
 * What the store would answer: the finest tier that covers the range within maxPoints, smooth daily waves
 * with noise per series, MIN/MAX spread on consolidated tiers, and a gap (nulls) to show breaks.
 */
export function fakeQuery(
  q: Required<MetricsQuery>,
  unitOf: (key: string) => Unit,
  now: number,
): MetricsResult {
  const span = q.to - q.from;
  const chosen =
    TIERS.find((t) => span / t.stepMs <= q.maxPoints && now - q.from <= t.keepMs) ?? TIERS[TIERS.length - 1]!;
  const start = Math.ceil(q.from / chosen.stepMs) * chosen.stepMs;
  const series: SeriesData[] = q.series.map((key) => {
    const unit = unitOf(key);
    const seed = hash(key);
    const base = valueForUnit(unit, ((seed % 1000) / 1000) * 0.6 + 0.2, parseSeriesKey(key).metric);
    const t: number[] = [];
    const avg: (number | null)[] = [];
    const min: (number | null)[] = [];
    const max: (number | null)[] = [];
    for (let at = start; at <= q.to; at += chosen.stepMs) {
      t.push(at);
      const phase = (at / 86_400_000) * 2 * Math.PI + (seed % 17);
      const noise = Math.sin(at / 7_777_777 + seed) * 0.15 + Math.sin(at / 333_333 + seed * 3) * 0.08;
      let v = base * (1 + 0.35 * Math.sin(phase) + noise);
      if (unit === 'percent') v = Math.min(100, Math.max(0, v));
      v = Math.max(0, v);
      // A short outage two-thirds of the way through the range: charts must show a break, not a line.
      const gap = Math.abs(at - (q.from + span * 0.66)) < chosen.stepMs * 3;
      avg.push(gap ? null : v);
      min.push(gap || chosen.tier === 'raw' ? (gap ? null : v) : v * 0.8);
      max.push(
        gap || chosen.tier === 'raw'
          ? gap
            ? null
            : v
          : unit === 'percent'
            ? Math.min(100, v * 1.2)
            : v * 1.2,
      );
    }
    return { key, t, avg, min, max };
  });
  return { tier: chosen.tier, stepMs: chosen.stepMs, series };
}
