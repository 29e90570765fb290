import type { MetricsResult, SeriesData } from '../../../shared/contract/metrics';
import { mergeBuckets, type Buckets } from './buckets';
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
  /** > 1 when even the coarsest tier has more buckets than the budget: that many buckets are merged. */
  merge: number;
}

/**
 * The finest tier whose retention still covers `from` (relative to the store's now) and whose number of
 * points over [from, to] fits maxPoints; failing all, the coarsest tier with merged buckets.
 */
export function chooseTier(
  tiers: readonly TierSpec[],
  range: { from: number; to: number; now: number; maxPoints: number; rawIntervalMs: number },
): TierChoice {
  const { from, to, now, maxPoints, rawIntervalMs } = range;
  for (let i = 0; i < tiers.length; i++) {
    const spec = tiers[i]!;
    if (from < now - spec.retentionMs) continue;
    const points = spec.stepMs === 0 ? Math.floor((to - from) / rawIntervalMs) + 1 : bucketCount(spec.stepMs, from, to);
    if (points <= maxPoints) return { tier: i, merge: 1 };
  }
  const coarsest = tiers.length - 1;
  return { tier: coarsest, merge: Math.ceil(bucketCount(tiers[coarsest]!.stepMs, from, to) / maxPoints) };
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
  if (from > to) return { tier: coarsest.name, stepMs: coarsest.stepMs, series: keys.map((key) => ({ key, t: [], avg: [], min: [], max: [] })) };
  const found = keys.map((k) => ctx.registry.key(k));
  const intervals = found.flatMap((s) => (s && s.intervalMs > 0 ? [s.intervalMs] : []));
  const rawIntervalMs = intervals.length ? Math.max(1, Math.min(...intervals)) : FINEST_INTERVAL_MS;
  const choice = chooseTier(ctx.tiers, { from, to, now: ctx.clock, maxPoints, rawIntervalMs });
  const spec = ctx.tiers[choice.tier]!;
  const series = keys.map((key, i): SeriesData => {
    const s = found[i];
    if (!s) return { key, t: [], avg: [], min: [], max: [] };
    if (choice.tier === 0) return rawColumns(ctx, s, from, to);
    const start = floorTo(from, spec.stepMs);
    let b = readBuckets(ctx, choice.tier, s, start, floorTo(to, spec.stepMs) + spec.stepMs);
    if (choice.merge > 1) b = mergeBuckets(b, choice.merge);
    return bucketColumns(key, b);
  });
  const stepMs = choice.tier === 0 ? Math.round(rawIntervalMs) : spec.stepMs * choice.merge;
  return { tier: spec.name, stepMs, series };
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
