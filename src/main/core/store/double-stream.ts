import { BitWriter, type BitReader } from './bit-stream';
import { readDoubles, writeDoubles } from './gorilla';

/**
 * A column of doubles, in whichever of two encodings is smaller (1 flag bit):
 * - Gorilla XOR (./gorilla.ts): best for exact values, repeats and small integers;
 * - Rice-coded deltas of the high 32-bit word, usable when every value's low word is zero, which is the case
 *   of the consolidated tiers' values rounded to ≤ 20 mantissa bits. For noisy series (rates), the deltas of
 *   neighbouring buckets are a few percent of the value: Rice spends about log2(delta) + 2 bits on them where
 *   Gorilla's XOR window spends 20 % more.
 */
const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);
const MAX_UNARY = 24;

export function writeDoubleColumn(w: BitWriter, values: Float64Array): void {
  const n = values.length;
  const zz = n > 1 ? highWordDeltas(values) : null;
  if (zz) {
    const gorilla = new BitWriter(n * 32);
    writeDoubles(gorilla, values, 0, n);
    const k = bestRiceParameter(zz);
    if (riceBits(zz, k) < gorilla.bitLength) {
      w.write(1, 1);
      w.write(5, k);
      f64[0] = values[0]!;
      w.write(32, words[1]!);
      writeRice(w, zz, k);
      return;
    }
  }
  w.write(1, 0);
  writeDoubles(w, values, 0, n);
}

/** Zigzag deltas of the high words (zz[0] unused), or null when some value has a non-zero low word. */
function highWordDeltas(values: Float64Array): Uint32Array | null {
  const zz = new Uint32Array(values.length);
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    f64[0] = values[i]!;
    if (words[0] !== 0) return null;
    const hi = words[1]!;
    const d = (hi - prev) | 0;
    zz[i] = ((d << 1) ^ (d >> 31)) >>> 0;
    prev = hi;
  }
  return zz;
}

/** Reads `n` doubles into `out` (a scratch array may be passed; it must hold `n`). */
export function readDoubleColumn(r: BitReader, n: number, out = new Float64Array(n)): Float64Array {
  if (r.bit() === 0) return readDoubles(r, n, out);
  const k = r.read(5);
  if (n === 0) return out;
  const outWords = new Uint32Array(out.buffer, out.byteOffset, 2 * n);
  let hi = r.read(32);
  outWords[0] = 0;
  outWords[1] = hi;
  for (let i = 1; i < n; i++) {
    let q = 0;
    while (q < MAX_UNARY && r.bit() === 1) q++;
    const zz = q === MAX_UNARY ? r.read(32) : k === 0 ? q : ((q << k) | r.read(k)) >>> 0;
    const delta = (zz >>> 1) ^ -(zz & 1);
    hi = (hi + delta) >>> 0;
    outWords[2 * i] = 0;
    outWords[2 * i + 1] = hi;
  }
  return out;
}

function riceBits(zz: Uint32Array, k: number): number {
  let bits = 32;
  for (let i = 1; i < zz.length; i++) {
    const q = zz[i]! >>> k;
    bits += q < MAX_UNARY ? q + 1 + k : MAX_UNARY + 32;
  }
  return bits;
}

/** k near log2 of the mean delta is optimal for geometric-like deltas; check its neighbours exactly. */
function bestRiceParameter(zz: Uint32Array): number {
  let total = 0;
  for (let i = 1; i < zz.length; i++) total += zz[i]!;
  const guess = Math.max(0, Math.min(31, Math.floor(Math.log2(total / (zz.length - 1) + 1))));
  let best = guess;
  let bestBits = riceBits(zz, guess);
  for (const k of [guess - 2, guess - 1, guess + 1]) {
    if (k < 0 || k > 31) continue;
    const bits = riceBits(zz, k);
    if (bits < bestBits) {
      best = k;
      bestBits = bits;
    }
  }
  return best;
}

function writeRice(w: BitWriter, zz: Uint32Array, k: number): void {
  const mask = k === 0 ? 0 : 0xffffffff >>> (32 - k);
  for (let i = 1; i < zz.length; i++) {
    const z = zz[i]!;
    const q = z >>> k;
    if (q >= MAX_UNARY) {
      for (let j = 0; j < MAX_UNARY; j++) w.write(1, 1);
      w.write(32, z);
      continue;
    }
    // q ones then a zero, then the k low bits.
    if (q > 0) w.write(q + 1, (0xffffffff >>> (32 - q)) << 1 >>> 0);
    else w.write(1, 0);
    if (k > 0) w.write(k, (z & mask) >>> 0);
  }
}
