import type { MetricsResult, SeriesData } from '../../../shared/contract/metrics';
import { addSamples, createBuckets, mergeBuckets, type Buckets } from './buckets';
import { finestTier } from './series-history';
import type { Series } from './series-registry';
import type { StoreContext } from './store-context';
import { readBuckets, readRaw } from './tier-reader';
import { floorTo, type TierSpec } from './tiers';

/** Assumed raw interval when no asked series has shown one yet: the finest the pollers produce. */
const FINEST_INTERVAL_MS = 10_000;
/** A raw gap longer than this many intervals is shown as a gap (a null point), not a straight line. */
const GAP_INTERVALS = 2.5;

export interface TierChoice {
  tier: number;
  /** Stored buckets merged into one point (1 = the tier as stored; raw samples as stored also have 1). */
  merge: number;
  /** Width of one point: 0 for raw samples as stored, else the bucket width (raw samples bucketed per point). */
  stepMs: number;
}

/** Raw samples bucketed per point: buckets of whole seconds, so times stay readable. */
const RAW_BUCKET_GRAIN_MS = 1000;

/**
 * The finest resolution that gives at most maxPoints points over [from, to] (one per pixel of the chart),
 * among the tiers whose retention still covers `from` (relative to the store's now):
 * - raw samples as stored when they fit, else bucketed by a whole number of sampling intervals (every bucket
 *   holds as many samples, so the band does not flicker), while that stays finer than the 5-minute tier;
 * - a consolidated tier as stored when it fits, else its buckets merged by a divisor of the next tier's step
 *   (10, 15, 20, 30 minutes; 2 to 12 hours), so merged buckets nest in hours and days;
 * - the coarsest tier, merged as much as it takes.
 * Merging keeps MIN and MAX exact: a one-minute spike still shows in the band of a week drawn from 10-minute
 * buckets, where the hourly tier would have given 6 times fewer points than the chart has pixels.
 */
export function chooseTier(
  tiers: readonly TierSpec[],
  range: { from: number; to: number; now: number; maxPoints: number; rawIntervalMs: number },
): TierChoice {
  const { from, to, now, maxPoints, rawIntervalMs } = range;
  const covering = tiers.flatMap((spec, i) => (from < now - spec.retentionMs ? [] : [i]));
  if (covering.length === 0) covering.push(tiers.length - 1);
  for (let c = 0; c < covering.length; c++) {
    const i = covering[c]!;
    const spec = tiers[i]!;
    const next = c + 1 < covering.length ? tiers[covering[c + 1]!]!.stepMs : undefined;
    if (spec.stepMs === 0) {
      if (Math.floor((to - from) / rawIntervalMs) + 1 <= maxPoints) return { tier: i, merge: 1, stepMs: 0 };
      const grain = Math.max(RAW_BUCKET_GRAIN_MS, Math.round(rawIntervalMs / RAW_BUCKET_GRAIN_MS) * RAW_BUCKET_GRAIN_MS);
      const step = fittingStep(from, to, maxPoints, grain, next, false);
      if (step !== null) return { tier: i, merge: 1, stepMs: step };
      continue;
    }
    const step = fittingStep(from, to, maxPoints, spec.stepMs, next, true);
    if (step !== null) return { tier: i, merge: step / spec.stepMs, stepMs: step };
  }
  // Unreachable: the last covering tier has no next one and always fits.
  const last = tiers.length - 1;
  return { tier: last, merge: 1, stepMs: tiers[last]!.stepMs };
}

/**
 * The smallest multiple of `grain` whose epoch-aligned buckets over [from, to] are at most maxPoints, finer
 * than `next` (and dividing it when `nest`); null when none is.
 */
function fittingStep(from: number, to: number, maxPoints: number, grain: number, next: number | undefined, nest: boolean): number | null {
  const span = to - from;
  // n buckets cover at least (n - 1) steps, so no step below span / maxPoints fits: start there.
  const k0 = Math.max(1, Math.ceil(span / maxPoints / grain));
  if (next !== undefined) {
    for (let k = k0; grain * k < next; k++) {
      if (nest && next % (grain * k) !== 0) continue;
      if (bucketCount(grain * k, from, to) <= maxPoints) return grain * k;
    }
    return null;
  }
  // A range not aligned on the step straddles one bucket more than its length suggests: a few steps up fit.
  for (let k = k0; k < k0 + 64; k++) if (bucketCount(grain * k, from, to) <= maxPoints) return grain * k;
  // Above span / (maxPoints - 1), at most maxPoints buckets whatever the alignment (one bucket: past `to`).
  return grain * (maxPoints >= 2 ? Math.floor(span / (maxPoints - 1) / grain) + 1 : Math.floor(to / grain) + 1);
}

function bucketCount(stepMs: number, from: number, to: number): number {
  return Math.floor(to / stepMs) - Math.floor(from / stepMs) + 1;
}

export function query(ctx: StoreContext, keys: readonly string[], from: number, to: number, maxPoints: number): MetricsResult {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) {
    throw new Error(`metric store: invalid query range ${String(from)}..${String(to)}`);
  }
  if (!Number.isInteger(maxPoints) || maxPoints < 1) throw new Error(`metric store: invalid maxPoints ${String(maxPoints)}`);
  // Nothing exists before the coarsest tier's retention or after the last sample: clamping the range keeps an
  // absurd request (from 0 to the year 3000) from allocating a grid of millions of empty buckets.
  const coarsest = ctx.tiers[ctx.tiers.length - 1]!;
  const horizon = Math.max(ctx.clock, ctx.wallClock());
  from = Math.max(from, ctx.clock - coarsest.retentionMs - coarsest.chunkMs);
  to = Math.min(to, horizon + coarsest.stepMs);
  if (from > to) return { tier: coarsest.name, stepMs: coarsest.stepMs, bucketed: true, series: keys.map((key) => ({ key, t: [], avg: [], min: [], max: [] })) };
  const found = keys.map((k) => ctx.registry.key(k));
  const intervals = found.flatMap((s) => (s && s.intervalMs > 0 ? [s.intervalMs] : []));
  const rawIntervalMs = intervals.length ? Math.max(1, Math.min(...intervals)) : FINEST_INTERVAL_MS;
  // A reduced series has no raw tier (series-history.ts): a query of one starts at the 5-minute tier.
  const finest = found.reduce((m, s) => Math.max(m, s ? finestTier(s.history) : 0), 0);
  const picked = chooseTier(ctx.tiers.slice(finest), { from, to, now: ctx.clock, maxPoints, rawIntervalMs });
  const choice = { ...picked, tier: picked.tier + finest };
  const spec = ctx.tiers[choice.tier]!;
  const series = keys.map((key, i): SeriesData => {
    const s = found[i];
    if (!s) return { key, t: [], avg: [], min: [], max: [] };
    if (choice.tier === 0) return choice.stepMs === 0 ? rawColumns(ctx, s, from, to) : rawBuckets(ctx, s, from, to, choice.stepMs);
    // Whole merged buckets: the first one starts before `from` when the range is not aligned on it.
    const start = floorTo(from, choice.stepMs);
    let b = readBuckets(ctx, choice.tier, s, start, floorTo(to, choice.stepMs) + choice.stepMs);
    if (choice.merge > 1) b = mergeBuckets(b, choice.merge);
    return bucketColumns(key, b);
  });
  const stepMs = choice.stepMs === 0 ? Math.round(rawIntervalMs) : choice.stepMs;
  return { tier: spec.name, stepMs, bucketed: choice.stepMs > 0, series };
}

/** Raw samples in epoch-aligned buckets of `stepMs` covering [from, to]: AVG/MIN/MAX per point, none left out. */
function rawBuckets(ctx: StoreContext, s: Series, from: number, to: number, stepMs: number): SeriesData {
  const start = floorTo(from, stepMs);
  const end = floorTo(to, stepMs) + stepMs;
  const b = createBuckets(start, stepMs, (end - start) / stepMs);
  // Whole buckets, as the consolidated tiers give them: the first point is not an average of a sliver.
  const raw = readRaw(ctx, s, start, end);
  addSamples(b, raw.t, raw.v, 0, raw.length);
  return bucketColumns(s.key, b);
}

function rawColumns(ctx: StoreContext, s: Series, from: number, to: number): SeriesData {
  const raw = readRaw(ctx, s, from, to + 1);
  const t: number[] = [];
  const avg: (number | null)[] = [];
  const gap = s.intervalMs * GAP_INTERVALS;
  for (let i = 0; i < raw.length; i++) {
    const ti = raw.t[i]!;
    if (i > 0 && gap > 0 && ti - raw.t[i - 1]! > gap) {
      t.push(raw.t[i - 1]! + Math.round(s.intervalMs));
      avg.push(null);
    }
    t.push(ti);
    avg.push(raw.v[i]!);
  }
  return { key: s.key, t, avg, min: avg.slice(), max: avg.slice() };
}

function bucketColumns(key: string, b: Buckets): SeriesData {
  const n = b.length;
  const t = new Array<number>(n);
  const avg = new Array<number | null>(n);
  const min = new Array<number | null>(n);
  const max = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    t[i] = b.startMs + i * b.stepMs;
    const c = b.count[i]!;
    if (c === 0) {
      avg[i] = null;
      min[i] = null;
      max[i] = null;
    } else {
      avg[i] = b.sum[i]! / c;
      min[i] = b.min[i]!;
      max[i] = b.max[i]!;
    }
  }
  return { key, t, avg, min, max };
}
