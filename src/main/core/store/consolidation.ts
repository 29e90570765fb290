import { performance } from 'node:perf_hooks';
import { addSamples, createBuckets, hasData } from './buckets';
import { decodeBucketsInto, encodeBuckets, encodeRaw, encodeSegment, type RawSamples } from './chunk-codec';
import { decodeOpen, dropOpen, openFirstTime } from './open-samples';
import type { Series } from './series-registry';
import { savePass, type PassState, type StoreContext } from './store-context';
import { chunkId, chunkWindow, floorTo } from './tiers';

/** Series sealed per transaction: bounds a transaction's size without paying a commit per series. */
const SERIES_PER_TRANSACTION = 256;

/**
 * The maintenance job (RRDtool consolidates at update time; this store does it here, off the ingest path):
 * 1. raw pass: open samples of hours that ended more than the grace ago are sealed into compressed raw chunks,
 *    each with an exact segment of its day's 5m buckets; their staging rows are deleted;
 * 2. 5m pass: a complete day's segments are compacted into one 5m chunk at the configured precision;
 *    1h, 1d passes: once every finer chunk of a window is sealed, the window's buckets are computed from them;
 * 3. retention: whole chunks past a tier's retention are deleted, never before the next tier holds them.
 * Each pass walks the series in id order and records its cursor in the same transaction as the chunks it
 * wrote, so it is idempotent, survives a kill at any point, and stops when the time budget is spent to resume
 * on the next call. When nothing is due it costs a few comparisons.
 */
export function maintain(ctx: StoreContext, now: number, budgetMs: number): void {
  if (!Number.isFinite(now)) throw new Error(`metric store: invalid maintenance time ${String(now)}`);
  if (now > ctx.clock) ctx.clock = now;
  const deadline = performance.now() + budgetMs;
  for (let tier = 0; tier < ctx.tiers.length; tier++) {
    if (!runPass(ctx, tier, deadline)) return;
  }
  applyRetention(ctx);
}

function passTarget(ctx: StoreContext, tier: number): number {
  const spec = ctx.tiers[tier]!;
  if (tier === 0) return floorTo(ctx.clock - ctx.sealGraceMs, spec.chunkMs);
  return floorTo(ctx.passes[tier - 1]!.sealed, spec.chunkMs);
}

/** Returns false when the budget ran out before the pass finished. */
function runPass(ctx: StoreContext, tier: number, deadline: number): boolean {
  const p = ctx.passes[tier]!;
  if (p.target === null) {
    const target = passTarget(ctx, tier);
    if (target <= p.sealed) return true;
    p.target = target;
    p.cursor = 0;
  }
  const target = p.target;
  const from = tier === 0 ? p.sealed : firstSourceWindowStart(ctx, tier, p);
  const sids = ctx.registry.sids();
  let i = firstAfter(sids, p.cursor);
  if (from !== null && from < target) {
    while (i < sids.length) {
      const sealedRaw: SealedRaw[] = [];
      const snapshot = { ...p };
      try {
        ctx.inTransaction(() => {
          const end = Math.min(i + SERIES_PER_TRANSACTION, sids.length);
          for (; i < end; i++) {
            const s = ctx.registry.sid(sids[i]!);
            if (s) sealSeries(ctx, tier, s, from, target, sealedRaw);
            p.cursor = sids[i]!;
            if (performance.now() >= deadline) {
              i++;
              break;
            }
          }
          savePass(ctx, tier);
        });
      } catch (error) {
        Object.assign(p, snapshot);
        throw new Error(`metric store: maintenance failed: ${(error as Error).message}`, { cause: error });
      }
      for (const { s, count, open } of sealedRaw) dropOpen(s, count, open);
      if (i < sids.length && performance.now() >= deadline) return false;
    }
  }
  const snapshot = { ...p };
  try {
    ctx.inTransaction(() => {
      p.sealed = target;
      p.target = null;
      p.cursor = 0;
      savePass(ctx, tier);
      if (tier === 0) ctx.stmts.deleteStagingBefore.run(target);
      // Compacted days: their segments (keyed by raw window) are no longer read.
      if (tier === 1) ctx.stmts.segments.deleteRange.run(0, chunkId(0, target / ctx.tiers[0]!.chunkMs, 0));
    });
  } catch (error) {
    Object.assign(p, snapshot);
    throw new Error(`metric store: maintenance failed: ${(error as Error).message}`, { cause: error });
  }
  return true;
}

function firstAfter(sids: readonly number[], cursor: number): number {
  let lo = 0;
  let hi = sids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sids[mid]! <= cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where a consolidated pass really starts: at `sealed`, or at the first finer chunk after it (a new store, or
 * one that was closed for months, would otherwise walk empty windows from the epoch). Null: nothing to seal.
 */
function firstSourceWindowStart(ctx: StoreContext, tier: number, p: PassState): number | null {
  const finer = ctx.tiers[tier - 1]!;
  const fromWindow = Math.floor(p.sealed / finer.chunkMs);
  // The 5m tier is sealed from segments, which every series has (a reduced series has no raw chunk).
  const source = tier === 1 ? ctx.stmts.segments : ctx.stmts.chunks[tier - 1]!;
  const id = source.first.get(chunkId(tier - 1, fromWindow, 0), chunkId(tier, 0, 0));
  if (id === undefined) return null;
  return Math.max(p.sealed, floorTo(chunkWindow(id) * finer.chunkMs, ctx.tiers[tier]!.chunkMs));
}

function sealSeries(ctx: StoreContext, tier: number, s: Series, from: number, target: number, sealedRaw: SealedRaw[]): void {
  if (tier === 0) sealRaw(ctx, s, target, sealedRaw);
  else if (tier === 1) finalizeBuckets(ctx, s, from, target);
  else sealBuckets(ctx, tier, s, from, target);
}

/**
 * Seals the open samples before `target` into raw chunks and, beside each, the exact 5m buckets of that window
 * (a segment of its day): a query of the current day reads these small segments and the open hour in memory
 * instead of decoding every raw chunk of the day. Both are appends: nothing is rewritten.
 */
function sealRaw(ctx: StoreContext, s: Series, target: number, sealedRaw: SealedRaw[]): void {
  if (!(openFirstTime(s.open) < target)) return;
  // One decode serves the chunks, the segments and, after the commit, the drop of what was sealed.
  const open = decodeOpen(s.open);
  let count = 0;
  while (count < open.length && open.t[count]! < target) count++;
  const day = ctx.tiers[1]!;
  const slots = day.chunkMs / day.stepMs;
  split(open.t, 0, count, ctx.tiers[0]!.chunkMs, (window, span, start, end) => {
    const id = chunkId(0, window, s.sid);
    // A reduced series keeps no raw tier: only the window's 5m buckets below are written.
    if (s.history === 'full') ctx.stmts.chunks[0]!.put.run(id, encodeRaw(window * span, open.t, open.v, start, end));
    const dayStart = floorTo(window * span, day.chunkMs);
    const first = Math.floor((window * span - dayStart) / day.stepMs);
    const b = createBuckets(window * span, day.stepMs, span / day.stepMs);
    addSamples(b, open.t, open.v, start, end);
    ctx.stmts.segments.put.run(id, encodeSegment(b, first, slots));
  });
  ctx.stmts.updateLast.run(open.t[count - 1]!, open.v[count - 1]!, s.sid);
  sealedRaw.push({ s, count, open });
}

interface SealedRaw {
  s: Series;
  count: number;
  open: RawSamples;
}

/** Calls `each` for every run of sorted times t[from..to) that falls in one window of `span`. */
function split(t: Float64Array, from: number, to: number, span: number, each: (window: number, span: number, start: number, end: number) => void): void {
  let start = from;
  while (start < to) {
    const window = Math.floor(t[start]! / span);
    let end = start + 1;
    while (end < to && Math.floor(t[end]! / span) === window) end++;
    each(window, span, start, end);
    start = end;
  }
}

/** A day of the 5m tier is complete: its segments become one chunk_5m row at the configured precision. */
function finalizeBuckets(ctx: StoreContext, s: Series, from: number, target: number): void {
  const spec = ctx.tiers[1]!;
  const raw = ctx.tiers[0]!.chunkMs;
  for (let start = from; start < target; start += spec.chunkMs) {
    const b = createBuckets(start, spec.stepMs, spec.chunkMs / spec.stepMs);
    let found = false;
    for (let w = start / raw; w < (start + spec.chunkMs) / raw; w++) {
      const segment = ctx.stmts.segments.get.get(chunkId(0, w, s.sid));
      if (!segment) continue;
      decodeBucketsInto(segment, b.length, b, start, spec.stepMs, false);
      found = true;
    }
    if (found) ctx.stmts.chunks[1]!.put.run(chunkId(1, start / spec.chunkMs, s.sid), encodeBuckets(b, ctx.mantissaBits));
  }
}

function sealBuckets(ctx: StoreContext, tier: number, s: Series, from: number, target: number): void {
  const spec = ctx.tiers[tier]!;
  const finer = ctx.tiers[tier - 1]!;
  const perWindow = spec.chunkMs / finer.chunkMs;
  for (let start = from; start < target; start += spec.chunkMs) {
    const b = createBuckets(start, spec.stepMs, spec.chunkMs / spec.stepMs);
    const first = start / finer.chunkMs;
    for (let w = first; w < first + perWindow; w++) {
      const blob = ctx.stmts.chunks[tier - 1]!.get.get(chunkId(tier - 1, w, s.sid));
      if (blob) decodeBucketsInto(blob, finer.chunkMs / finer.stepMs, b, w * finer.chunkMs, finer.stepMs, true);
    }
    if (hasData(b)) ctx.stmts.chunks[tier]!.put.run(chunkId(tier, start / spec.chunkMs, s.sid), encodeBuckets(b, ctx.mantissaBits));
  }
}

/** Drops whole windows past retention; a finer tier keeps what the next tier has not sealed yet. */
function applyRetention(ctx: StoreContext): void {
  ctx.tiers.forEach((spec, tier) => {
    const p = ctx.passes[tier]!;
    let cutoff = Math.floor((ctx.clock - spec.retentionMs) / spec.chunkMs);
    const next = ctx.passes[tier + 1];
    if (next) cutoff = Math.min(cutoff, Math.floor(next.sealed / spec.chunkMs));
    if (cutoff <= p.dropped) return;
    ctx.inTransaction(() => {
      ctx.stmts.chunks[tier]!.deleteRange.run(chunkId(tier, 0, 0), chunkId(tier, cutoff, 0));
      ctx.stmts.savePass.run(tier, p.sealed, p.target, p.cursor, cutoff);
    });
    p.dropped = cutoff;
  });
}
