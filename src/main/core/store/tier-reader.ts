import { addSamples, createBuckets, foldBuckets, type Buckets } from './buckets';
import { decodeBucketsInto, decodeRaw, type RawSamples } from './chunk-codec';
import { decodeOpen, openLength } from './open-samples';
import type { Series } from './series-registry';
import { sealedUntil, type StoreContext } from './store-context';
import { chunkId, floorTo } from './tiers';

/** The open samples are decoded here and copied out before readRaw returns: one set of arrays serves every call. */
let scratch: RawSamples = { t: new Float64Array(512), v: new Float64Array(512), length: 0 };

function openScratch(n: number): RawSamples {
  if (scratch.t.length < n) scratch = { t: new Float64Array(2 * n), v: new Float64Array(2 * n), length: 0 };
  return scratch;
}

/** Raw samples of `s` with from ≤ t < to: sealed raw chunks, then the open samples. */
export function readRaw(ctx: StoreContext, s: Series, from: number, to: number): RawSamples {
  const span = ctx.tiers[0]!.chunkMs;
  const sealed = sealedUntil(ctx, 0, s);
  const parts: RawSamples[] = [];
  const first = firstWindow(ctx, 0, from);
  const last = Math.min(Math.ceil(to / span), Math.ceil(sealed / span));
  for (let w = first; w < last; w++) {
    const blob = ctx.stmts.chunks[0]!.get.get(chunkId(0, w, s.sid));
    if (blob) parts.push(decodeRaw(w * span, blob));
  }
  // lastAt is the last open sample's time whenever there is one: an older range skips the decode.
  if (openLength(s.open) > 0 && s.lastAt >= from) parts.push(decodeOpen(s.open, openScratch(openLength(s.open))));
  let total = 0;
  const ranges = parts.map((p) => {
    const a = lowerBound(p.t, p.length, from);
    const b = lowerBound(p.t, p.length, to);
    total += b - a;
    return [a, b] as const;
  });
  const t = new Float64Array(total);
  const v = new Float64Array(total);
  let at = 0;
  parts.forEach((p, i) => {
    const [a, b] = ranges[i]!;
    t.set(p.t.subarray(a, b), at);
    v.set(p.v.subarray(a, b), at);
    at += b - a;
  });
  return { t, v, length: total };
}

/** The segments (exact 5m buckets of sealed raw windows) of an open day that overlap [from, to). */
function readSegments(ctx: StoreContext, s: Series, out: Buckets, from: number, to: number): void {
  const raw = ctx.tiers[0]!.chunkMs;
  const day = ctx.tiers[1]!;
  for (let w = Math.floor(from / raw); w * raw < to; w++) {
    const blob = ctx.stmts.segments.get.get(chunkId(0, w, s.sid));
    if (blob) decodeBucketsInto(blob, day.chunkMs / day.stepMs, out, floorTo(w * raw, day.chunkMs), day.stepMs, false);
  }
}

/**
 * First window worth a lookup: none before `from`, none retention dropped or is about to drop (this also
 * keeps a query from the epoch on a store never maintained from walking every window since 1970).
 */
function firstWindow(ctx: StoreContext, tier: number, from: number): number {
  const spec = ctx.tiers[tier]!;
  const retained = Math.floor((ctx.clock - spec.retentionMs) / spec.chunkMs) - 1;
  return Math.max(Math.floor(from / spec.chunkMs), ctx.passes[tier]!.dropped, retained);
}

function lowerBound(t: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Buckets of consolidated tier `tier` for `s` over [from, to) (both multiples of the tier's step). Sealed
 * windows come from their chunks; what is not sealed yet (the open hour for 5m, the last week of 1h, the last
 * 56 days of 1d at the default layout) is computed from the finer tier, recursively down to the open raw
 * samples in memory, so a query always sees data up to the last sample.
 */
export function readBuckets(ctx: StoreContext, tier: number, s: Series, from: number, to: number): Buckets {
  const spec = ctx.tiers[tier]!;
  const out = createBuckets(from, spec.stepMs, Math.max(0, (to - from) / spec.stepMs));
  // Open days of the 5m tier have a segment per sealed raw window (see consolidation.ts).
  const sealed = tier === 1 ? sealedUntil(ctx, 0, s) : sealedUntil(ctx, tier, s);
  const slots = spec.chunkMs / spec.stepMs;
  const first = firstWindow(ctx, tier, from);
  const last = Math.min(Math.ceil(to / spec.chunkMs), Math.ceil(sealed / spec.chunkMs));
  const finalUntil = sealedUntil(ctx, tier, s);
  for (let w = first; w < last; w++) {
    const start = w * spec.chunkMs;
    if (start < finalUntil) {
      const blob = ctx.stmts.chunks[tier]!.get.get(chunkId(tier, w, s.sid));
      if (blob) decodeBucketsInto(blob, slots, out, start, spec.stepMs, false);
    } else if (tier === 1) {
      readSegments(ctx, s, out, Math.max(start, from), Math.min(start + spec.chunkMs, to, sealed));
    }
  }
  if (to > sealed) {
    const lo = Math.max(from, sealed);
    if (tier === 1) {
      const raw = readRaw(ctx, s, lo, to);
      addSamples(out, raw.t, raw.v, 0, raw.length);
    } else {
      foldBuckets(out, readBuckets(ctx, tier - 1, s, lo, to));
    }
  }
  return out;
}
