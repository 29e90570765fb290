import type { RawSamples } from './chunk-codec';

/**
 * The samples of one series not yet sealed into an hourly raw chunk, kept in memory in one compact byte
 * buffer. Why not two Float64Arrays (16 bytes a sample): a heap snapshot of `serve` with 1,000 SNMP devices
 * showed ~88,000 series holding 176,000 typed arrays and their ArrayBuffers (~32 MB of heap objects) plus
 * backing stores doubling as the hour filled (~90 MB at a 60-s poll), so the process grew through every hour.
 * Here a series holds one ArrayBuffer and a sample costs about 3 bytes (integer gauges, counters, temperatures)
 * to 9 (noisy floats such as rates); the buffer grows by 1.5× and is fitted to the hour it held when sealed.
 * Measured with 88,000 series at 60 s: 41–43 MB of buffers at steady state, against 172 MB before (the grace
 * after the hour pushed both arrays past 64 elements). Byte-aligned (not gorilla.ts's bit stream): appends
 * are O(1) and simple, and sealing (once an hour) re-compresses with the chunk codec anyway.
 *
 * Per sample, after the first (whose time is `firstT`):
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

const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);

export class OpenSamples {
  private bytes: Uint8Array;
  private byteLength = 0;
  private count = 0;
  private firstT = 0;
  private prevT = 0;
  private prevDelta = 0;
  private prevHi = 0;
  private prevLo = 0;

  constructor(initialBytes = INITIAL_BYTES) {
    this.bytes = new Uint8Array(Math.max(INITIAL_BYTES, initialBytes));
  }

  get length(): number {
    return this.count;
  }

  /** The first sample's time; +∞ when there is none. */
  get firstTime(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.firstT;
  }

  /** Bytes held (the buffer's capacity) and bytes written: tests and measurements. */
  get capacity(): number {
    return this.bytes.length;
  }

  get bytesUsed(): number {
    return this.byteLength;
  }

  /** Appends a sample; the caller guarantees it is later than every sample held (ingest does). */
  append(t: number, v: number): void {
    if (this.byteLength + MAX_SAMPLE_BYTES > this.bytes.length) this.grow();
    if (this.count === 0) {
      this.firstT = t;
      this.prevT = t;
      this.prevDelta = 0;
      this.prevHi = 0;
      this.prevLo = 0;
    } else {
      this.byteLength = this.writeTime(t, this.bytes, this.byteLength);
    }
    this.byteLength = this.writeValue(v, this.bytes, this.byteLength);
    this.count++;
  }

  /** Number of samples before `limit` (they are sorted): decodes up to the first sample not before it. */
  countBefore(limit: number): number {
    if (this.count === 0 || this.firstT >= limit) return 0;
    return scan(this.bytes, this.count, this.firstT, limit, null, null);
  }

  /**
   * Every sample (the shape of a decoded raw chunk), into fresh arrays, or into `scratch`'s arrays when they
   * are large enough (a reader that copies the range it needs out at once spares an allocation per query).
   */
  decode(scratch?: RawSamples): RawSamples {
    const n = this.count;
    const fits = scratch !== undefined && scratch.t.length >= n && scratch.v.length >= n;
    const t = fits ? scratch.t : new Float64Array(n);
    const v = fits ? scratch.v : new Float64Array(n);
    if (n > 0) scan(this.bytes, n, this.firstT, Number.POSITIVE_INFINITY, t, new Uint32Array(v.buffer, v.byteOffset, 2 * n));
    return { t, v, length: n };
  }

  /**
   * Forgets the first `count` samples once they are sealed: the rest (a few: the grace after the hour) are
   * re-encoded. `decoded`, what decode() returned if nothing was appended since, spares decoding again.
   */
  drop(count: number, decoded?: RawSamples): void {
    if (count <= 0) return;
    const peak = this.byteLength;
    const rest = count >= this.count ? null : decoded?.length === this.count ? decoded : this.decode();
    this.byteLength = 0;
    this.count = 0;
    if (rest) for (let i = count; i < rest.length; i++) this.append(rest.t[i]!, rest.v[i]!);
    // Sealing runs once an hour, when the buffer holds an hour and the grace: the next hour needs about as
    // much, so the buffer is fitted to that (not to the last power of growth), or to what is left after a backlog.
    const fit = Math.ceil(peak * FIT_MARGIN) + MAX_SAMPLE_BYTES;
    const backlog = this.bytes.length > SHRINK_ABOVE && this.byteLength * 4 < this.bytes.length;
    const size = backlog ? Math.max(INITIAL_BYTES, this.byteLength * 2) : fit;
    if (this.bytes.length > size * FIT_MARGIN * FIT_MARGIN) this.bytes = this.bytes.slice(0, size);
  }

  /** 1.5×: the last growth of an hour wastes less than doubling would, and appends stay O(1) amortised. */
  private grow(): void {
    const next = new Uint8Array(Math.max(Math.ceil(this.bytes.length * 1.5), this.byteLength + MAX_SAMPLE_BYTES));
    next.set(this.bytes.subarray(0, this.byteLength));
    this.bytes = next;
  }

  /** The writers take the buffer and the write position as locals (the hot path of ingest) and return it. */
  private writeTime(t: number, b: Uint8Array, from: number): number {
    let at = from;
    const dod = t - this.prevT - this.prevDelta;
    const delta = this.prevDelta + dod;
    // The decoder computes prevT + (prevDelta + dod): take the short form only when that gives t back exactly.
    if (Number.isSafeInteger(dod) && Math.abs(dod) < MAX_DOD && this.prevT + delta === t) {
      let code = (dod >= 0 ? 2 * dod : -2 * dod - 1) * 2;
      while (code >= 0x80) {
        b[at++] = (code % 0x80) | 0x80;
        code = Math.floor(code / 0x80);
      }
      b[at++] = code;
      this.prevDelta = delta;
    } else {
      b[at++] = 1;
      f64[0] = t;
      at = writeWord(b, at, words[1]!);
      at = writeWord(b, at, words[0]!);
      this.prevDelta = t - this.prevT;
    }
    this.prevT = t;
    return at;
  }

  private writeValue(v: number, b: Uint8Array, from: number): number {
    let at = from;
    f64[0] = v;
    const lo = words[0]!;
    const hi = words[1]!;
    const xh = (hi ^ this.prevHi) >>> 0;
    const xl = (lo ^ this.prevLo) >>> 0;
    this.prevHi = hi;
    this.prevLo = lo;
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
}

function writeWord(b: Uint8Array, from: number, w: number): number {
  b[from] = w >>> 24;
  b[from + 1] = w >>> 16;
  b[from + 2] = w >>> 8;
  b[from + 3] = w;
  return from + 4;
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
  let at = 0;
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
