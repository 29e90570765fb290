/**
 * A run of consecutive buckets of one series: the unit every consolidated tier is computed, stored and read
 * in. AVG is the sample mean (sum / count of the raw samples that fell in the bucket), so a coarse bucket is
 * exactly the sum of its finer buckets' counts and sums, whatever the sampling interval.
 */
export interface Buckets {
  startMs: number;
  stepMs: number;
  length: number;
  count: Uint32Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

export function createBuckets(startMs: number, stepMs: number, length: number): Buckets {
  return {
    startMs,
    stepMs,
    length,
    count: new Uint32Array(length),
    sum: new Float64Array(length),
    min: new Float64Array(length).fill(Number.POSITIVE_INFINITY),
    max: new Float64Array(length).fill(Number.NEGATIVE_INFINITY),
  };
}

/** Adds raw samples (sorted or not) whose time falls inside `b`; others are ignored. */
export function addSamples(b: Buckets, t: Float64Array, v: Float64Array, from: number, to: number): void {
  const end = b.startMs + b.length * b.stepMs;
  for (let i = from; i < to; i++) {
    const ti = t[i]!;
    if (ti < b.startMs || ti >= end) continue;
    const k = Math.floor((ti - b.startMs) / b.stepMs);
    const vi = v[i]!;
    b.count[k]!++;
    b.sum[k]! += vi;
    if (vi < b.min[k]!) b.min[k] = vi;
    if (vi > b.max[k]!) b.max[k] = vi;
  }
}

/** Folds finer buckets into `into` (whose step is a multiple of the finer step). */
export function foldBuckets(into: Buckets, finer: Buckets): void {
  const end = into.startMs + into.length * into.stepMs;
  for (let i = 0; i < finer.length; i++) {
    const c = finer.count[i]!;
    if (c === 0) continue;
    const ti = finer.startMs + i * finer.stepMs;
    if (ti < into.startMs || ti >= end) continue;
    const k = Math.floor((ti - into.startMs) / into.stepMs);
    into.count[k]! += c;
    into.sum[k]! += finer.sum[i]!;
    if (finer.min[i]! < into.min[k]!) into.min[k] = finer.min[i]!;
    if (finer.max[i]! > into.max[k]!) into.max[k] = finer.max[i]!;
  }
}

/** Merges every `factor` consecutive buckets: used when even the coarsest tier exceeds the point budget. */
export function mergeBuckets(b: Buckets, factor: number): Buckets {
  const startMs = Math.floor(b.startMs / (b.stepMs * factor)) * b.stepMs * factor;
  const end = b.startMs + b.length * b.stepMs;
  const out = createBuckets(startMs, b.stepMs * factor, Math.ceil((end - startMs) / (b.stepMs * factor)));
  foldBuckets(out, b);
  return out;
}

export function hasData(b: Buckets): boolean {
  return b.count.some((c) => c > 0);
}
