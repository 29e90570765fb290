import type { BitReader, BitWriter } from './bit-stream';

/**
 * The compression of Facebook's Gorilla TSDB (Pelkonen et al., VLDB 2015), as Prometheus and others use it:
 * doubles as the XOR with the previous value (neighbouring values share sign, exponent and leading mantissa
 * bits: an unchanged value costs 1 bit, small integers a few), times as delta-of-delta (a regular poll costs
 * one or two bits). Pure JavaScript on 32-bit halves: no native call per chunk, which is what made zlib's
 * per-call cost dominate reads of many small chunks.
 */
const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);

function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x);
}

export function writeDoubles(w: BitWriter, values: ArrayLike<number>, from: number, to: number): void {
  let prevHi = 0;
  let prevLo = 0;
  let prevLead = -1;
  let prevTrail = 0;
  for (let i = from; i < to; i++) {
    f64[0] = values[i]!;
    const lo = words[0]!;
    const hi = words[1]!;
    if (i === from) {
      w.write(32, hi);
      w.write(32, lo);
    } else {
      const xh = (hi ^ prevHi) >>> 0;
      const xl = (lo ^ prevLo) >>> 0;
      if (xh === 0 && xl === 0) {
        w.write(1, 0);
      } else {
        const lead = Math.min(31, xh !== 0 ? Math.clz32(xh) : 32 + Math.clz32(xl));
        const trail = xl !== 0 ? ctz32(xl) : 32 + ctz32(xh);
        if (prevLead >= 0 && lead >= prevLead && trail >= prevTrail) {
          w.write(2, 0b10);
          writeShifted(w, xh, xl, prevTrail, 64 - prevLead - prevTrail);
        } else {
          const sig = 64 - lead - trail;
          w.write(2, 0b11);
          w.write(5, lead);
          w.write(6, sig - 1);
          writeShifted(w, xh, xl, trail, sig);
          prevLead = lead;
          prevTrail = trail;
        }
      }
    }
    prevHi = hi;
    prevLo = lo;
  }
}

/** Writes `n` bits of (hi:lo) >> shift. */
function writeShifted(w: BitWriter, hi: number, lo: number, shift: number, n: number): void {
  let h = hi;
  let l = lo;
  if (shift >= 32) {
    l = hi >>> (shift - 32);
    h = 0;
  } else if (shift > 0) {
    l = ((lo >>> shift) | (hi << (32 - shift))) >>> 0;
    h = hi >>> shift;
  }
  w.write64(n, h, l);
}

/** Reads `count` doubles into `out` (a scratch array may be passed; it must hold `count`). */
export function readDoubles(r: BitReader, count: number, out = new Float64Array(count)): Float64Array {
  if (count === 0) return out;
  const outWords = new Uint32Array(out.buffer, out.byteOffset, 2 * count);
  let hi = r.read(32);
  let lo = r.read(32);
  outWords[0] = lo;
  outWords[1] = hi;
  let lead = 0;
  let trail = 0;
  for (let i = 1; i < count; i++) {
    if (r.bit() === 1) {
      if (r.bit() === 1) {
        lead = r.read(5);
        const sig = r.read(6) + 1;
        trail = 64 - lead - sig;
      }
      const n = 64 - lead - trail;
      let h = n > 32 ? r.read(n - 32) : 0;
      let l = r.read(Math.min(n, 32));
      // Shift (h:l) left by `trail` back into place, then XOR with the previous value.
      if (trail >= 32) {
        h = (l << (trail - 32)) >>> 0;
        l = 0;
      } else if (trail > 0) {
        h = ((h << trail) | (l >>> (32 - trail))) >>> 0;
        l = (l << trail) >>> 0;
      }
      hi = (hi ^ h) >>> 0;
      lo = (lo ^ l) >>> 0;
    }
    outWords[2 * i] = lo;
    outWords[2 * i + 1] = hi;
  }
  return out;
}

/**
 * Sorted times as offsets (< 2^32 ms) from a base: first offset in 32 bits, then delta-of-delta in
 * '0' | '10'+7 | '110'+12 | '1110'+20 bits (zigzag), or '1111' + the plain 32-bit delta.
 */
const DOD_BITS = [0, 7, 12, 20];

export function writeTimes(w: BitWriter, t: ArrayLike<number>, from: number, to: number, base: number): void {
  let prev = 0;
  let prevDelta = 0;
  for (let i = from; i < to; i++) {
    const offset = t[i]! - base;
    if (i === from) {
      w.write(32, offset);
    } else {
      const delta = offset - prev;
      const dod = delta - prevDelta;
      const zz = dod >= 0 ? 2 * dod : -2 * dod - 1;
      if (zz === 0) w.write(1, 0);
      else if (zz < 2 ** 7) w.write(9, (0b10 << 7) | zz);
      else if (zz < 2 ** 12) w.write(15, (0b110 << 12) | zz);
      else if (zz < 2 ** 20) w.write(24, (0b1110 << 20) | zz);
      else {
        w.write(4, 0b1111);
        w.write(32, delta);
      }
      prevDelta = delta;
    }
    prev = offset;
  }
}

export function readTimes(r: BitReader, count: number, base: number): Float64Array {
  const out = new Float64Array(count);
  if (count === 0) return out;
  let prev = r.read(32);
  out[0] = base + prev;
  let prevDelta = 0;
  for (let i = 1; i < count; i++) {
    let delta: number;
    if (r.bit() === 0) {
      delta = prevDelta;
    } else {
      // '10', '110', '1110' or '1111': count the ones.
      let ones = 1;
      while (ones < 4 && r.bit() === 1) ones++;
      if (ones === 4) {
        delta = r.read(32);
      } else {
        const zz = r.read(DOD_BITS[ones]!);
        delta = prevDelta + (zz % 2 === 0 ? zz / 2 : -(zz + 1) / 2);
      }
    }
    prev += delta;
    out[i] = base + prev;
    prevDelta = delta;
  }
  return out;
}

/** Small non-negative integers that mostly repeat (bucket counts): '0' same, '10'+8 bits, '11'+32 bits. */
export function writeCounts(w: BitWriter, counts: ArrayLike<number>, length: number): void {
  let prev = 0;
  for (let i = 0; i < length; i++) {
    const c = counts[i]!;
    if (c === prev) w.write(1, 0);
    else if (c < 256) w.write(10, (0b10 << 8) | c);
    else {
      w.write(2, 0b11);
      w.write(32, c);
    }
    prev = c;
  }
}

export function readCounts(r: BitReader, length: number, out = new Uint32Array(length)): Uint32Array {
  let prev = 0;
  for (let i = 0; i < length; i++) {
    if (r.bit() === 1) prev = r.bit() === 0 ? r.read(8) : r.read(32);
    out[i] = prev;
  }
  return out;
}
