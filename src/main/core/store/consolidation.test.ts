import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../../shared/contract/metrics';
import { seriesKey } from '../../../shared/series-key';
import { openMetricStore, type MetricStoreOptions, type SqliteMetricStore } from './sqlite-metric-store';
import { DAY, HOUR, MINUTE } from './tiers';

const STEPS: Partial<Record<Tier, number>> = { '5m': 5 * MINUTE, '1h': HOUR, '1d': DAY };
const RETENTION: Partial<Record<Tier, number>> = { '5m': 30 * DAY, '1h': 365 * DAY, '1d': 1826 * DAY };
/** Small chunks, so that a few simulated days seal every tier many times over. */
const SMALL: MetricStoreOptions['tiers'] = { raw: { chunkMs: 10 * MINUTE }, '5m': { chunkMs: 2 * HOUR }, '1h': { chunkMs: DAY }, '1d': { chunkMs: 2 * DAY } };

interface Sample {
  series: number;
  t: number;
  v: number;
}

/** Irregular intervals (10 s .. 2 min mostly, sometimes a gap up to a day), integer or float values. */
const seriesArb = fc.array(
  fc.record({
    dt: fc.oneof({ arbitrary: fc.integer({ min: 10_000, max: 120_000 }), weight: 30 }, { arbitrary: fc.integer({ min: 120_000, max: DAY }), weight: 1 }),
    v: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })),
  }),
  { minLength: 1, maxLength: 800 },
);

const scenarioArb = fc.record({
  start: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 0, 1) }),
  series: fc.array(seriesArb, { minLength: 1, maxLength: 3 }),
  maintainEvery: fc.integer({ min: 1, max: 60 }),
  budgetMs: fc.constantFrom(0, Number.POSITIVE_INFINITY),
  graceMs: fc.constantFrom(0, 5 * MINUTE),
  small: fc.boolean(),
  lossless: fc.boolean(),
});

function samplesOf(start: number, series: { dt: number; v: number }[][]): Sample[] {
  const all: Sample[] = [];
  series.forEach((points, i) => {
    let t = start;
    for (const p of points) {
      t += p.dt;
      all.push({ series: i, t, v: p.v });
    }
  });
  return all.sort((a, b) => a.t - b.t || a.series - b.series);
}

const key = (i: number): string => seriesKey('dev', 'metric', `s${i}`);

function ingestAll(store: SqliteMetricStore, samples: Sample[], maintainEvery: number): void {
  let n = 0;
  for (let i = 0; i < samples.length; ) {
    const t = samples[i]!.t;
    const batch = [];
    for (; i < samples.length && samples[i]!.t === t; i++) {
      batch.push({ deviceId: 'dev', metric: 'metric', instance: `s${samples[i]!.series}`, unit: '' as const, value: samples[i]!.v });
    }
    store.ingest(t, batch);
    if (++n % maintainEvery === 0) store.maintain(t);
  }
}

interface Expected {
  count: number;
  sum: number;
  abs: number;
  min: number;
  max: number;
}

function naive(samples: Sample[], series: number, step: number): Map<number, Expected> {
  const out = new Map<number, Expected>();
  for (const s of samples) {
    if (s.series !== series) continue;
    const b = Math.floor(s.t / step) * step;
    const e = out.get(b) ?? { count: 0, sum: 0, abs: 0, min: Infinity, max: -Infinity };
    e.count++;
    e.sum += s.v;
    e.abs += Math.abs(s.v);
    e.min = Math.min(e.min, s.v);
    e.max = Math.max(e.max, s.v);
    out.set(b, e);
  }
  return out;
}

/**
 * AVG is the sample mean: a tier's bucket must hold the count, mean, min and max of exactly the raw samples
 * that fell in it. Tolerances: float summation order (lossless), plus two roundings to 20 mantissa bits
 * (5m, then the coarser tier) when lossy; 1e-300 absorbs subnormals, whose precision is absolute.
 */
function expectTier(store: SqliteMetricStore, samples: Sample[], seriesCount: number, tier: Tier, range: { from: number; to: number; now: number }, lossless: boolean): void {
  const step = STEPS[tier]!;
  // Buckets within retention are kept; older ones go with their chunk.
  const from = Math.max(range.from, Math.ceil((range.now - RETENTION[tier]!) / step) * step);
  const to = range.to;
  const rel = lossless ? 1e-12 : 2 ** -19;
  for (let i = 0; i < seriesCount; i++) {
    const want = [...naive(samples, i, step)].filter(([b]) => b >= Math.floor(from / step) * step && b < to);
    const got = store.queryTier(key(i), tier, from, to);
    expect(got.t).toEqual(want.map(([b]) => b));
    want.forEach(([, e], j) => {
      expect(got.count[j]).toBe(e.count);
      expect(Math.abs(got.avg[j]! - e.sum / e.count)).toBeLessThanOrEqual((e.abs / e.count) * rel * 4 + 1e-300);
      expect(Math.abs(got.min[j]! - e.min)).toBeLessThanOrEqual(Math.abs(e.min) * rel + 1e-300);
      expect(Math.abs(got.max[j]! - e.max)).toBeLessThanOrEqual(Math.abs(e.max) * rel + 1e-300);
    });
  }
}

describe('consolidation (property-based)', () => {
  it('5m/1h/1d AVG/MIN/MAX equal the naive computation over random irregular series, whatever the maintenance schedule', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const samples = samplesOf(sc.start, sc.series);
        const store = openMetricStore(':memory:', {
          tiers: sc.small ? SMALL : undefined,
          maintainBudgetMs: sc.budgetMs,
          sealGraceMs: sc.graceMs,
          mantissaBits: sc.lossless ? 52 : 20,
        });
        try {
          ingestAll(store, samples, sc.maintainEvery);
          const last = samples[samples.length - 1]!.t;
          expect(store.stats().rejectedSamples).toBe(0);
          // Right after ingest: a mix of sealed chunks, open segments and samples still in memory.
          for (const tier of ['5m', '1h', '1d'] as const) expectTier(store, samples, sc.series.length, tier, { from: sc.start, to: last + 1, now: last }, sc.lossless);
          // Raw still holds the last hours exactly.
          const recent = samples.filter((s) => s.series === 0 && s.t > last - 20 * HOUR);
          expect(store.queryTier(key(0), 'raw', last - 20 * HOUR + 1, last + 1).avg).toEqual(recent.map((s) => s.v));
          // Later: every tier sealed as far as it goes (budget-limited calls resume where they stopped).
          const later = last + 5 * DAY;
          for (let k = 0; k < 400; k++) store.maintain(later);
          for (const tier of ['5m', '1h', '1d'] as const) expectTier(store, samples, sc.series.length, tier, { from: sc.start, to: last + 1, now: later }, sc.lossless);
        } finally {
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
