const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

/**
 * Rounds a double to `bits` mantissa bits (1 ≤ bits ≤ 52; round half away from zero): the relative error is
 * at most 2^-(bits+1), integers below 2^(bits+1) stay exact, and the dropped low bits become zeros (cheap to
 * compress). Shifts only: this runs for every stored bucket value.
 */
export function roundMantissa(x: number, bits: number): number {
  const drop = 52 - bits;
  if (drop <= 0 || !Number.isFinite(x)) return x;
  f64[0] = x;
  const lo = f64Words[0]!;
  const hi = f64Words[1]!;
  if (drop < 32) {
    // lo + half, with the carry into hi; then clear the dropped bits.
    const half = 1 << (drop - 1);
    const sum = (lo + half) >>> 0;
    const carry = sum < lo ? 1 : 0;
    f64Words[0] = (sum & ~(0xffffffff >>> (32 - drop))) >>> 0;
    f64Words[1] = (hi + carry) >>> 0;
  } else {
    const hiDrop = drop - 32;
    const roundUp = hiDrop === 0 ? lo >>> 31 : 0;
    f64Words[0] = 0;
    f64Words[1] = hiDrop === 0 ? (hi + roundUp) >>> 0 : ((hi + (1 << (hiDrop - 1))) & ~(0xffffffff >>> (32 - hiDrop))) >>> 0;
  }
  const rounded = f64[0];
  return Number.isFinite(rounded) ? rounded : x;
}
