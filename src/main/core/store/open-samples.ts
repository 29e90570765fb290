import type { RawSamples } from './chunk-codec';

/**
 * The samples of one series not yet sealed into an hourly raw chunk, and the state of its last sample, kept in
 * memory in one compact ArrayBuffer per series. Why: a heap snapshot of `serve` with 1,000 SNMP devices
 * (~88,000 series) first showed two Float64Arrays a series (~32 MB of heap objects, ~90 MB of backing stores);
 * then, with byte-encoded samples in an object, ~24 MB of small heap objects for ~10 MB of samples: the object,
 * its Uint8Array and ArrayBuffer, and the epoch-ms times, uint32 words and averages that V8 boxes as heap
 * numbers (a field that ever held a double points to its own heap number in every instance). So the encoder's
 * state and the series' last time, last value and interval live in a 48-byte header at the start of the
 * buffer, read and written through one module-level Float64Array scratch; the last time and value double as
 * the encoder's previous sample (they are the same thing). The series holds the bare ArrayBuffer (about half
 * the heap of a Uint8Array, which adds its own object): each call makes a short-lived view, two per ingested
 * sample (ingest's order check and the append), which costs under 100 ns a sample.
 * Measured with 88,000 series holding 60 samples each (integer gauges, counters, noisy floats) at 60 s,
 * through the real ingest path, after gc, old and new code in the same run: live JS heap of the store 45.7 MB
 * → 17.6 MB (a held Uint8Array instead of the ArrayBuffer: 26.0 MB), ArrayBuffers 38.3 → 42.6 MB (the
 * headers), process RSS 394–405 → 340–350 MB. Ingest of 1,000 series × 1,000 polls with maintain(), as the
 * store benchmark does: no slower (415–600 k/s before, 517–744 k/s after, on a busy machine).
 * One arena for every series' bytes would spare the ArrayBuffer objects and their native bookkeeping too
 * (~100 B of heap and ~100–200 B native a series), at the price of an allocator: not done.
 *
 * A sample costs about 3 bytes (integer gauges, counters, temperatures) to 9 (noisy floats such as rates); the
 * buffer grows by 1.5× and is fitted to the hour it held when sealed. Byte-aligned (not gorilla.ts's bit
 * stream): appends are O(1) and simple, and sealing (once an hour) re-compresses with the chunk codec anyway.
 *
 * Header (little-endian words): count u32 @0, bytes written after the header u32 @4, first time f64 @8, last
 * time f64 @16 (-∞ until the series has one), previous delta f64 @24, last value f64 @32 (words low @32, high
 * @36; NaN until one), smoothed interval f64 @40. The buffer is replaced when it grows or is fitted, so the
 * functions that may grow it take its holder (the Series) and reassign `open`; the others take the buffer.
 *
 * Per sample, after the first (whose time is the first time):
 * - time: a varint `code`. Even: zigzag(delta-of-delta ms) << 1 (a regular poll with a few ms of jitter costs
 *   1 byte). Exactly 1 (an even code's first byte never is): the time is not an integer step from the
 *   previous one (the store only ingests whole ms, but the codec stays exact for any double); 8 bytes follow.
 * - value: the XOR of its IEEE-754 bits with the previous value's; one header byte (leading zero bytes << 4 |
 *   trailing zero bytes) then the bytes between them, most significant first. Unchanged: the header alone.
 */

/** Beyond this a delta-of-delta (and its zigzag code) would leave the integers a double holds exactly. */
const MAX_DOD = 2 ** 50;
/** A backlog can make a buffer large; once sealed, it shrinks when it is this big and mostly empty. */
const SHRINK_ABOVE = 4096;
const INITIAL_BYTES = 16;
/** Room left over what the last hour took, for an hour that takes a little more (a value changing more). */
const FIT_MARGIN = 1.0625;
/** Room one append may need: an escaped time (1 + 8 bytes) and a value (header + 8 bytes). */
const MAX_SAMPLE_BYTES = 1 + 8 + 1 + 8;

const COUNT = 0;
const USED = 4;
const FIRST_T = 8;
const LAST_T = 16;
const PREV_DELTA = 24;
const LAST_V = 32;
const INTERVAL = 40;
const HEADER_BYTES = 48;

const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);

/** Whatever holds a series' buffer (the Series): growing and fitting replace the buffer. */
export interface OpenHolder {
  open: ArrayBuffer;
}

/** An empty buffer: no samples, no last time (-∞) or value (NaN), no interval (0). */
export function newOpen(): ArrayBuffer {
  const b = new Uint8Array(HEADER_BYTES + INITIAL_BYTES);
  setF64(b, LAST_T, Number.NEGATIVE_INFINITY);
  setF64(b, LAST_V, Number.NaN);
  return b.buffer;
}

export function openLength(b: ArrayBuffer): number {
  return u32(new Uint8Array(b), COUNT);
}

/** The first sample's time; +∞ when there is none. */
export function openFirstTime(buffer: ArrayBuffer): number {
  const b = new Uint8Array(buffer);
  return u32(b, COUNT) === 0 ? Number.POSITIVE_INFINITY : f64At(b, FIRST_T);
}

/** Bytes of sample room (the buffer less its header) and bytes of samples written: tests and measurements. */
export function openCapacity(b: ArrayBuffer): number {
  return b.byteLength - HEADER_BYTES;
}

export function openBytesUsed(b: ArrayBuffer): number {
  return u32(new Uint8Array(b), USED);
}

/** The last sample's time and value: the last appended, kept when the samples are sealed and dropped. */
export function openLastTime(b: ArrayBuffer): number {
  return f64At(new Uint8Array(b), LAST_T);
}

export function openLastValue(b: ArrayBuffer): number {
  return f64At(new Uint8Array(b), LAST_V);
}

/** The last sample as the database remembers it (at start, before any sample is appended). */
export function setOpenLast(buffer: ArrayBuffer, t: number, v: number): void {
  const b = new Uint8Array(buffer);
  setF64(b, LAST_T, t);
  setF64(b, LAST_V, v);
}

/**
 * The series' smoothed sampling interval (ms), 0 until two samples were seen: it sizes raw queries and marks
 * gaps (query.ts). Smoothed here, in the append that has the previous time at hand.
 */
export function openInterval(b: ArrayBuffer): number {
  return f64At(new Uint8Array(b), INTERVAL);
}

/**
 * Appends a sample; the caller guarantees it is later than every sample held (ingest does). One view of the
 * buffer serves the whole append: making one is the cost of holding an ArrayBuffer rather than a Uint8Array.
 */
export function appendSample(h: OpenHolder, t: number, v: number): void {
  const b = new Uint8Array(h.open);
  const prevT = f64At(b, LAST_T);
  if (Number.isFinite(prevT)) {
    const delta = t - prevT;
    const interval = f64At(b, INTERVAL);
    setF64(b, INTERVAL, interval === 0 ? delta : interval + (Math.min(delta, 4 * interval) - interval) / 4);
  }
  encode(h, b, t, v);
}

/** Appends to the samples only (dropOpen re-encodes with it: the interval is not the samples' to change). */
function encode(h: OpenHolder, view: Uint8Array<ArrayBuffer>, t: number, v: number): void {
  let b = view;
  const count = u32(b, COUNT);
  let at = HEADER_BYTES + u32(b, USED);
  if (at + MAX_SAMPLE_BYTES > b.length) {
    b = grown(b, at);
    h.open = b.buffer;
  }
  if (count === 0) {
    setF64(b, FIRST_T, t);
    setF64(b, PREV_DELTA, 0);
    at = writeValue(b, at, v, 0, 0);
  } else {
    at = writeTime(b, at, t);
    at = writeValue(b, at, v, u32(b, LAST_V + 4), u32(b, LAST_V));
  }
  setF64(b, LAST_T, t);
  setU32(b, USED, at - HEADER_BYTES);
  setU32(b, COUNT, count + 1);
}

/** Number of samples before `limit` (they are sorted): decodes up to the first sample not before it. */
export function countBefore(buffer: ArrayBuffer, limit: number): number {
  const b = new Uint8Array(buffer);
  const count = u32(b, COUNT);
  if (count === 0) return 0;
  const firstT = f64At(b, FIRST_T);
  if (firstT >= limit) return 0;
  return scan(b, count, firstT, limit, null, null);
}

/**
 * Every sample (the shape of a decoded raw chunk), into fresh arrays, or into `scratch`'s arrays when they
 * are large enough (a reader that copies the range it needs out at once spares an allocation per query).
 */
export function decodeOpen(buffer: ArrayBuffer, scratch?: RawSamples): RawSamples {
  const b = new Uint8Array(buffer);
  const n = u32(b, COUNT);
  const fits = scratch !== undefined && scratch.t.length >= n && scratch.v.length >= n;
  const t = fits ? scratch.t : new Float64Array(n);
  const v = fits ? scratch.v : new Float64Array(n);
  if (n > 0) scan(b, n, f64At(b, FIRST_T), Number.POSITIVE_INFINITY, t, new Uint32Array(v.buffer, v.byteOffset, 2 * n));
  return { t, v, length: n };
}

/**
 * Forgets the first `count` samples once they are sealed: the rest (a few: the grace after the hour) are
 * re-encoded; the last time, value and interval stay. `decoded`, what decodeOpen() returned if nothing was
 * appended since, spares decoding again.
 */
export function dropOpen(h: OpenHolder, count: number, decoded?: RawSamples): void {
  if (count <= 0) return;
  const header = new Uint8Array(h.open);
  const held = u32(header, COUNT);
  const peak = u32(header, USED);
  const rest = count >= held ? null : decoded?.length === held ? decoded : decodeOpen(h.open);
  setU32(header, USED, 0);
  setU32(header, COUNT, 0);
  if (rest) for (let i = count; i < rest.length; i++) encode(h, new Uint8Array(h.open), rest.t[i]!, rest.v[i]!);
  // Sealing runs once an hour, when the buffer holds an hour and the grace: the next hour needs about as
  // much, so the buffer is fitted to that (not to the last power of growth), or to what is left after a backlog.
  const used = openBytesUsed(h.open);
  const capacity = openCapacity(h.open);
  const fit = Math.ceil(peak * FIT_MARGIN) + MAX_SAMPLE_BYTES;
  const backlog = capacity > SHRINK_ABOVE && used * 4 < capacity;
  const size = backlog ? Math.max(INITIAL_BYTES, used * 2) : fit;
  if (capacity > size * FIT_MARGIN * FIT_MARGIN) h.open = h.open.slice(0, HEADER_BYTES + size);
}

/** 1.5×: the last growth of an hour wastes less than doubling would, and appends stay O(1) amortised. */
function grown(b: Uint8Array, end: number): Uint8Array<ArrayBuffer> {
  const room = Math.max(Math.ceil((b.length - HEADER_BYTES) * 1.5), end - HEADER_BYTES + MAX_SAMPLE_BYTES);
  const next = new Uint8Array(HEADER_BYTES + room);
  next.set(b.subarray(0, end));
  return next;
}

/** The writers take the buffer and the write position (the hot path of ingest) and return the new position. */
function writeTime(b: Uint8Array, from: number, t: number): number {
  let at = from;
  const prevT = f64At(b, LAST_T);
  const prevDelta = f64At(b, PREV_DELTA);
  const dod = t - prevT - prevDelta;
  const delta = prevDelta + dod;
  // The decoder computes prevT + (prevDelta + dod): take the short form only when that gives t back exactly.
  if (Number.isSafeInteger(dod) && Math.abs(dod) < MAX_DOD && prevT + delta === t) {
    let code = (dod >= 0 ? 2 * dod : -2 * dod - 1) * 2;
    while (code >= 0x80) {
      b[at++] = (code % 0x80) | 0x80;
      code = Math.floor(code / 0x80);
    }
    b[at++] = code;
    setF64(b, PREV_DELTA, delta);
  } else {
    b[at++] = 1;
    f64[0] = t;
    at = writeWord(b, at, words[1]!);
    at = writeWord(b, at, words[0]!);
    setF64(b, PREV_DELTA, t - prevT);
  }
  return at;
}

/** Writes `v` against the previous value's words and makes it the last value. */
function writeValue(b: Uint8Array, from: number, v: number, prevHi: number, prevLo: number): number {
  let at = from;
  f64[0] = v;
  const lo = words[0]!;
  const hi = words[1]!;
  setU32(b, LAST_V, lo);
  setU32(b, LAST_V + 4, hi);
  const xh = (hi ^ prevHi) >>> 0;
  const xl = (lo ^ prevLo) >>> 0;
  if (xh === 0 && xl === 0) {
    b[at++] = 8 << 4;
    return at;
  }
  const lead = (xh !== 0 ? Math.clz32(xh) : 32 + Math.clz32(xl)) >>> 3;
  const trail = (xl !== 0 ? ctz32(xl) : 32 + ctz32(xh)) >>> 3;
  b[at++] = (lead << 4) | trail;
  // Byte k (0 = most significant) of the 64-bit XOR, for k in [lead, 8 - trail).
  const end = 8 - trail;
  for (let k = lead; k < end; k++) b[at++] = k < 4 ? xh >>> (24 - 8 * k) : xl >>> (56 - 8 * k);
  return at;
}

/** Big-endian: the sample bytes' escaped times. */
function writeWord(b: Uint8Array, from: number, w: number): number {
  b[from] = w >>> 24;
  b[from + 1] = w >>> 16;
  b[from + 2] = w >>> 8;
  b[from + 3] = w;
  return from + 4;
}

/** Little-endian: the header's words. */
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function setU32(b: Uint8Array, at: number, w: number): void {
  b[at] = w;
  b[at + 1] = w >>> 8;
  b[at + 2] = w >>> 16;
  b[at + 3] = w >>> 24;
}

/** A double as its two words (low first), so that the header reads the same on any byte order. */
function f64At(b: Uint8Array, at: number): number {
  words[0] = u32(b, at);
  words[1] = u32(b, at + 4);
  return f64[0]!;
}

function setF64(b: Uint8Array, at: number, x: number): void {
  f64[0] = x;
  setU32(b, at, words[0]!);
  setU32(b, at + 4, words[1]!);
}

function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/**
 * Decodes the first `count` samples, stopping before the first time ≥ `limit`; returns how many it read. Times
 * go to `outT`, values' 32-bit words to `outW` (2i low, 2i + 1 high: little endian, as Float64Array stores
 * them), either may be null. Local state only: this is the read path of every query of the open hour.
 */
function scan(b: Uint8Array, count: number, firstT: number, limit: number, outT: Float64Array | null, outW: Uint32Array | null): number {
  let at = HEADER_BYTES;
  let t = firstT;
  let delta = 0;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      if (b[at] === 1) {
        words[1] = ((b[at + 1]! << 24) | (b[at + 2]! << 16) | (b[at + 3]! << 8) | b[at + 4]!) >>> 0;
        words[0] = ((b[at + 5]! << 24) | (b[at + 6]! << 16) | (b[at + 7]! << 8) | b[at + 8]!) >>> 0;
        at += 9;
        const next = f64[0]!;
        delta = next - t;
        t = next;
      } else if (b[at]! < 0x80) {
        // One byte (a regular poll): small integers, bit operations.
        const z = b[at++]! >>> 1;
        delta += z & 1 ? -((z + 1) >>> 1) : z >>> 1;
        t += delta;
      } else {
        let code = 0;
        let scale = 1;
        for (;;) {
          const byte = b[at++]!;
          code += (byte & 0x7f) * scale;
          if (byte < 0x80) break;
          scale *= 0x80;
        }
        const z = code / 2;
        delta += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
        t += delta;
      }
    }
    if (t >= limit) return i;
    const head = b[at++]!;
    const end = 8 - (head & 0x0f);
    for (let k = head >>> 4; k < end; k++) {
      const byte = b[at++]!;
      if (k < 4) hi ^= byte << (24 - 8 * k);
      else lo ^= byte << (56 - 8 * k);
    }
    if (outT) outT[i] = t;
    if (outW) {
      outW[2 * i] = lo;
      outW[2 * i + 1] = hi;
    }
  }
  return count;
}
