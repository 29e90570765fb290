import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricsResultSchema } from '../../../shared/contract/metrics';
import { seriesKey } from '../../../shared/series-key';
import { openMetricStore, type SqliteMetricStore } from './sqlite-metric-store';
import { DAY, HOUR, MINUTE } from './tiers';

interface Sample {
  series: number;
  t: number;
  v: number;
}

const key = (i: number): string => seriesKey('dev', 'metric', `s${i}`);

/**
 * Samples about once a minute (jittered, sometimes a gap of an hour), a baseline that moves slowly and rare
 * one-sample spikes: what a band must keep visible at 7 days.
 */
const seriesArb = fc.record({
  seed: fc.array(
    fc.record({
      dt: fc.oneof({ arbitrary: fc.integer({ min: 55_000, max: 65_000 }), weight: 200 }, { arbitrary: fc.integer({ min: 10 * MINUTE, max: HOUR }), weight: 1 }),
      spike: fc.oneof({ arbitrary: fc.constant(0), weight: 300 }, { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 1 }),
    }),
    { minLength: 50, maxLength: 200 },
  ),
  days: fc.integer({ min: 1, max: 8 }),
});

function samplesOf(start: number, series: { seed: { dt: number; spike: number }[]; days: number }[]): Sample[] {
  const all: Sample[] = [];
  series.forEach(({ seed, days }, i) => {
    let t = start;
    for (let n = 0; t < start + days * DAY; n++) {
      const p = seed[n % seed.length]!;
      t += p.dt;
      all.push({ series: i, t, v: Math.round(50 + 40 * Math.sin(n / 300)) + p.spike });
    }
  });
  return all.sort((a, b) => a.t - b.t || a.series - b.series);
}

function ingestAll(store: SqliteMetricStore, samples: Sample[]): void {
  let nextMaintain = samples[0]!.t + HOUR;
  for (let i = 0; i < samples.length; ) {
    const t = samples[i]!.t;
    const batch = [];
    for (; i < samples.length && samples[i]!.t === t; i++) {
      batch.push({ deviceId: 'dev', metric: 'metric', instance: `s${samples[i]!.series}`, unit: '' as const, value: samples[i]!.v });
    }
    store.ingest(t, batch);
    if (t >= nextMaintain) {
      store.maintain(t);
      nextMaintain = t + HOUR;
    }
  }
}

/** Index of the first sample at or after `t` (samples sorted by time). */
function lowerBound(samples: Sample[], t: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (samples[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe('query resolution (property-based)', () => {
  it('gives at most maxPoints points, each the exact AVG/MIN/MAX of the samples in its bucket', () => {
    fc.assert(
      fc.property(
        fc.record({
          start: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 0, 1) }),
          series: fc.array(seriesArb, { minLength: 1, maxLength: 2 }),
          span: fc.integer({ min: HOUR, max: 8 * DAY }),
          back: fc.integer({ min: 0, max: 6 * HOUR }),
          maxPoints: fc.integer({ min: 10, max: 3000 }),
        }),
        (sc) => {
          const samples = samplesOf(sc.start, sc.series);
          const store = openMetricStore(':memory:', { mantissaBits: 52 });
          try {
            ingestAll(store, samples);
            const last = samples[samples.length - 1]!.t;
            const to = last - sc.back;
            const from = to - sc.span;
            const res = store.query(sc.series.map((_, i) => key(i)), from, to, sc.maxPoints);
            expect(MetricsResultSchema.parse(res)).toEqual(res);
            res.series.forEach((got, i) => {
              const mine = samples.filter((s) => s.series === i);
              const filled = got.avg.filter((v) => v !== null).length;
              expect(filled).toBeLessThanOrEqual(sc.maxPoints);
              if (!res.bucketed) {
                // Raw samples as recorded, with a null where a gap breaks the line.
                expect(got.avg.filter((v) => v !== null)).toEqual(mine.filter((s) => s.t >= from && s.t <= to).map((s) => s.v));
                return;
              }
              expect(got.t.length).toBeLessThanOrEqual(sc.maxPoints);
              got.t.forEach((t, j) => {
                const inside = mine.slice(lowerBound(mine, t), lowerBound(mine, t + res.stepMs));
                if (inside.length === 0) {
                  expect(got.avg[j]).toBeNull();
                  return;
                }
                const values = inside.map((s) => s.v);
                const mean = values.reduce((a, b) => a + b, 0) / values.length;
                const scale = values.reduce((a, b) => a + Math.abs(b), 0) / values.length;
                expect(got.min[j]).toBe(Math.min(...values));
                expect(got.max[j]).toBe(Math.max(...values));
                expect(Math.abs(got.avg[j]! - mean)).toBeLessThanOrEqual(scale * 1e-12 + 1e-300);
              });
              // Every sample of the range is in some point: the band keeps each spike.
              const covered = mine.filter((s) => s.t >= from && s.t <= to);
              if (covered.length > 0) {
                expect(got.t[0]!).toBeLessThanOrEqual(covered[0]!.t);
                expect(got.t[got.t.length - 1]! + res.stepMs).toBeGreaterThan(covered[covered.length - 1]!.t);
              }
            });
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);

  it('shows a one-minute spike in the band of a 7-day chart of 1,200 px, from 10-minute buckets', () => {
    const store = openMetricStore(':memory:');
    try {
      const start = Date.UTC(2024, 2, 1);
      const spikeAt = start + 3 * DAY + 17 * MINUTE;
      for (let t = start; t <= start + 7 * DAY; t += MINUTE) {
        store.ingest(t, [{ deviceId: 'd', metric: 'cpu', instance: '', unit: 'percent', value: t === spikeAt ? 99 : 10 }]);
        if (t % HOUR === 0) store.maintain(t);
      }
      const res = store.query(['d|cpu|'], start, start + 7 * DAY, 1200);
      expect(res).toMatchObject({ tier: '5m', stepMs: 10 * MINUTE, bucketed: true });
      const s = res.series[0]!;
      expect(s.t.length).toBeLessThanOrEqual(1200);
      const at = s.t.indexOf(start + 3 * DAY + 10 * MINUTE);
      expect(s.max[at]).toBe(99);
      expect(s.min[at]).toBe(10);
      expect(s.avg[at]).toBeCloseTo((9 * 10 + 99) / 10, 4);
      expect(s.max.filter((v) => v === 99)).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it('buckets 24 h of 10-second samples per pixel from the raw tier, every sample counted', () => {
    const store = openMetricStore(':memory:');
    try {
      const start = Date.UTC(2024, 2, 1);
      const end = start + DAY;
      for (let t = start; t <= end; t += 10_000) {
        store.ingest(t, [{ deviceId: 'd', metric: 'm', instance: '', unit: '', value: (t / 10_000) % 7 }]);
        if (t % HOUR === 0) store.maintain(t);
      }
      const res = store.query(['d|m|'], start, end, 1200);
      expect(res).toMatchObject({ tier: 'raw', stepMs: 80_000, bucketed: true });
      const s = res.series[0]!;
      expect(s.t.length).toBeLessThanOrEqual(1200);
      // Each 80 s bucket holds 8 samples of a sequence of period 7: its min and max are 0 and 6.
      expect(s.min.slice(0, -1).every((v) => v === 0)).toBe(true);
      expect(s.max.slice(0, -1).every((v) => v === 6)).toBe(true);
      // 1,200 px still get raw samples as recorded over an hour.
      expect(store.query(['d|m|'], end - HOUR, end, 1200)).toMatchObject({ tier: 'raw', bucketed: false });
    } finally {
      store.close();
    }
  });
});
