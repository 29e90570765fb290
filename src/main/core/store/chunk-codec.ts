import { BitReader, BitWriter } from './bit-stream';
import { createBuckets, type Buckets } from './buckets';
import { roundMantissa } from './round-mantissa';
import { readDoubleColumn, writeDoubleColumn } from './double-stream';
import { readCounts, readDoubles, readTimes, writeCounts, writeDoubles, writeTimes } from './gorilla';

/**
 * Sealed chunks are written once, so they are compressed (./gorilla.ts). Every blob starts with an 8-byte
 * header whose first byte is the format, so that a later version can change the encoding without migrating
 * old rows; the bit stream follows.
 */
const RAW_FORMAT = 3;
const BUCKET_FORMAT = 4;
const SEGMENTED_FORMAT = 5;
const HEADER = 8;
const SEGMENT_HEADER = 8;

export interface RawSamples {
  t: Float64Array;
  v: Float64Array;
  length: number;
}

/** The 8-byte chunk header, optionally followed by `extra` bytes (a segment header). */
function header(format: number, a: number, b: number, extra = 0): Uint8Array {
  const h = new Uint8Array(HEADER + extra);
  const view = new DataView(h.buffer);
  view.setUint8(0, format);
  view.setUint16(2, a, true);
  view.setUint32(4, b, true);
  return h;
}

function readHeader(blob: Uint8Array, format: number): { a: number; b: number } {
  if (blob.byteLength < HEADER) throw new Error('metric store: truncated chunk');
  const view = new DataView(blob.buffer, blob.byteOffset, HEADER);
  if (view.getUint8(0) !== format) throw new Error(`metric store: chunk format ${view.getUint8(0)}, expected ${format}`);
  return { a: view.getUint16(2, true), b: view.getUint32(4, true) };
}

/** Samples t[from..to) of one series within one raw window (sorted, offsets from windowStart < 2^32 ms). */
export function encodeRaw(windowStart: number, t: Float64Array, v: Float64Array, from: number, to: number): Buffer {
  const w = new BitWriter((to - from) * 24);
  writeTimes(w, t, from, to, windowStart);
  writeDoubles(w, v, from, to);
  return w.toBuffer(header(RAW_FORMAT, 0, to - from));
}

export function decodeRaw(windowStart: number, blob: Uint8Array): RawSamples {
  const n = readHeader(blob, RAW_FORMAT).b;
  const r = reader.reset(blob, HEADER);
  const t = readTimes(r, n, windowStart);
  return { t, v: readDoubles(r, n), length: n };
}

/**
 * One chunk of a consolidated tier: per bucket the sample count, and for the non-empty buckets the sum, min
 * and max (each its own stream, so that XOR runs over like values). The sum, not the mean, is kept because
 * sums of integer samples stay integers (compact) and add up exactly into coarser tiers. `mantissaBits` < 52
 * rounds sum/min/max (see roundMantissa); 52 keeps them exact.
 */
export function encodeBuckets(b: Buckets, mantissaBits: number): Buffer {
  const { writer, filled } = encodeBucketRange(b, 0, b.length, mantissaBits);
  return writer.toBuffer(header(BUCKET_FORMAT, b.length, filled));
}

function encodeBucketRange(b: Buckets, from: number, to: number, mantissaBits: number): { writer: BitWriter; filled: number } {
  let filled = 0;
  for (let i = from; i < to; i++) if (b.count[i]! > 0) filled++;
  const sum = new Float64Array(filled);
  const min = new Float64Array(filled);
  const max = new Float64Array(filled);
  const exact = mantissaBits >= 52;
  for (let i = from, j = 0; i < to; i++) {
    if (b.count[i] === 0) continue;
    sum[j] = exact ? b.sum[i]! : roundMantissa(b.sum[i]!, mantissaBits);
    min[j] = exact ? b.min[i]! : roundMantissa(b.min[i]!, mantissaBits);
    max[j] = exact ? b.max[i]! : roundMantissa(b.max[i]!, mantissaBits);
    j++;
  }
  const w = new BitWriter((to - from) * 2 + filled * 64);
  writeCounts(w, b.count.subarray(from, to), to - from);
  writeDoubleColumn(w, sum);
  writeDoubleColumn(w, min);
  writeDoubleColumn(w, max);
  return { writer: w, filled };
}

/**
 * A segment of a chunk still being filled (the current day of the 5m tier): the exact buckets of one sealed
 * raw window, which start at bucket `firstSlot` of a chunk of `slots` buckets. It decodes (decodeBuckets) as
 * a chunk holding only those buckets; segments are concatenable (decodeBuckets reads them to the end of the
 * blob), and encodeBuckets() compacts a complete day into one chunk.
 */
export function encodeSegment(b: Buckets, firstSlot: number, slots: number): Buffer {
  const { writer } = encodeBucketRange(b, 0, b.length, 52);
  const head = header(SEGMENTED_FORMAT, slots, 0, SEGMENT_HEADER);
  const view = new DataView(head.buffer);
  view.setUint16(HEADER, firstSlot, true);
  view.setUint16(HEADER + 2, b.length, true);
  view.setUint32(HEADER + 4, Math.ceil(writer.bitLength / 32) * 4, true);
  return writer.toBuffer(head);
}

export interface DecodedBuckets {
  count: Uint32Array;
  /** Indexed by non-empty bucket (in bucket order), not by slot. */
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** Decoding is synchronous and not re-entrant: one reader and one set of scratch columns serve every call. */
const reader = new BitReader();
let scratch = { count: new Uint32Array(512), sum: new Float64Array(512), min: new Float64Array(512), max: new Float64Array(512) };

function ensureScratch(n: number): typeof scratch {
  if (scratch.count.length < n) {
    scratch = { count: new Uint32Array(2 * n), sum: new Float64Array(2 * n), min: new Float64Array(2 * n), max: new Float64Array(2 * n) };
  }
  return scratch;
}

/**
 * Decodes a bucket chunk (compact or segmented) of `slots` buckets starting at `chunkStart` with `stepMs`,
 * straight into the overlapping buckets of `into`: copied when `into` has the same step, folded (counts and
 * sums added, min/max combined) when `fold` is set and `into` is coarser.
 */
export function decodeBucketsInto(blob: Uint8Array, slots: number, into: Buckets, chunkStart: number, stepMs: number, fold: boolean): void {
  if (blob[0] === SEGMENTED_FORMAT) {
    const { a } = readHeader(blob, SEGMENTED_FORMAT);
    if (a !== slots) throw new Error('metric store: segmented chunk does not match its tier');
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    for (let at = HEADER; at < blob.byteLength; ) {
      if (at + SEGMENT_HEADER > blob.byteLength) throw new Error('metric store: truncated segmented chunk');
      const first = view.getUint16(at, true);
      const n = view.getUint16(at + 2, true);
      const length = view.getUint32(at + 4, true);
      if (first + n > slots || at + SEGMENT_HEADER + length > blob.byteLength) throw new Error('metric store: malformed segmented chunk');
      reader.reset(blob.subarray(at + SEGMENT_HEADER, at + SEGMENT_HEADER + length), 0);
      apply(into, chunkStart + first * stepMs, stepMs, n, fold);
      at += SEGMENT_HEADER + length;
    }
    return;
  }
  const { a, b: filled } = readHeader(blob, BUCKET_FORMAT);
  if (a !== slots || filled > slots) throw new Error('metric store: bucket chunk does not match its tier');
  reader.reset(blob, HEADER);
  apply(into, chunkStart, stepMs, slots, fold);
}

/** Reads n counts and the non-empty buckets' columns from `reader`, then writes them into `into`. */
function apply(into: Buckets, start: number, stepMs: number, n: number, fold: boolean): void {
  const sc = ensureScratch(n);
  const count = readCounts(reader, n, sc.count);
  let filled = 0;
  for (let i = 0; i < n; i++) if (count[i]! > 0) filled++;
  const sum = readDoubleColumn(reader, filled, sc.sum);
  const min = readDoubleColumn(reader, filled, sc.min);
  const max = readDoubleColumn(reader, filled, sc.max);
  const end = into.startMs + into.length * into.stepMs;
  for (let i = 0, j = 0; i < n; i++) {
    const c = count[i]!;
    if (c === 0) continue;
    const t = start + i * stepMs;
    if (t >= into.startMs && t < end) {
      const k = Math.floor((t - into.startMs) / into.stepMs);
      if (fold) {
        into.count[k]! += c;
        into.sum[k]! += sum[j]!;
        if (min[j]! < into.min[k]!) into.min[k] = min[j]!;
        if (max[j]! > into.max[k]!) into.max[k] = max[j]!;
      } else {
        into.count[k] = c;
        into.sum[k] = sum[j]!;
        into.min[k] = min[j]!;
        into.max[k] = max[j]!;
      }
    }
    j++;
  }
}

/** The buckets of one chunk on their own (tests, tools): counts by slot, values by non-empty bucket. */
export function decodeBuckets(blob: Uint8Array, expectedSlots: number): DecodedBuckets {
  const b = createBuckets(0, 1, expectedSlots);
  decodeBucketsInto(blob, expectedSlots, b, 0, 1, false);
  const filled = [...b.count.keys()].filter((i) => b.count[i]! > 0);
  return {
    count: b.count,
    sum: Float64Array.from(filled, (i) => b.sum[i]!),
    min: Float64Array.from(filled, (i) => b.min[i]!),
    max: Float64Array.from(filled, (i) => b.max[i]!),
  };
}
