import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSamples, createBuckets, type Buckets } from './buckets';
import { decodeBuckets, decodeRaw, encodeBuckets, encodeRaw, encodeSegment } from './chunk-codec';
import { roundMantissa } from './round-mantissa';

const HOUR = 3_600_000;

/** Half a unit of the last kept bit; below the normal range (subnormals) the units are absolute. */
function maxError(x: number, bits: number): number {
  return Math.abs(x) * 2 ** -(bits + 1) + 2 ** -1074 * 2 ** (52 - bits);
}
const STEP = 300_000;

/** Bit-exact comparison: also tells -0 from 0 and keeps NaN payloads out of the question. */
function bits(x: number): string {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return b.toString('hex');
}

const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Sorted distinct offsets inside one raw window. */
const offsets = fc.uniqueArray(fc.integer({ min: 0, max: HOUR - 1 }), { minLength: 1, maxLength: 400 }).map((xs) => xs.sort((a, b) => a - b));

describe('raw chunks', () => {
  it('round-trip any sorted times and any finite doubles bit for bit', () => {
    fc.assert(
      fc.property(offsets, fc.array(anyFinite, { minLength: 400, maxLength: 400 }), fc.integer({ min: 0, max: 400_000 }), (offs, vals, window) => {
        const start = window * HOUR;
        const t = Float64Array.from(offs, (o) => start + o);
        const v = Float64Array.from(offs, (_, i) => vals[i]!);
        const decoded = decodeRaw(start, encodeRaw(start, t, v, 0, t.length));
        expect(decoded.length).toBe(t.length);
        expect([...decoded.t]).toEqual([...t]);
        expect([...decoded.v].map(bits)).toEqual([...v].map(bits));
      }),
      { numRuns: 200 },
    );
  });

  it('encodes a sub-range of the arrays', () => {
    const t = Float64Array.from([10, 20, 30, 40, 50]);
    const v = Float64Array.from([1, 2, 3, 4, 5]);
    const d = decodeRaw(0, encodeRaw(0, t, v, 1, 4));
    expect([...d.t]).toEqual([20, 30, 40]);
    expect([...d.v]).toEqual([2, 3, 4]);
  });

  it('stores a regular 60 s poll of a slowly moving integer in well under 2 bytes per sample', () => {
    const n = 60;
    const t = Float64Array.from({ length: n }, (_, i) => i * 60_000);
    const v = Float64Array.from({ length: n }, (_, i) => 40 + (i % 3));
    expect(encodeRaw(0, t, v, 0, n).byteLength).toBeLessThan(2 * n);
  });

  it('refuses a blob of another format or cut short', () => {
    const t = Float64Array.from([1, 2, 3]);
    const blob = encodeRaw(0, t, t, 0, 3);
    expect(() => decodeRaw(0, blob.subarray(0, 9))).toThrow(/ends too early/);
    const b = createBuckets(0, STEP, 12);
    expect(() => decodeRaw(0, encodeBuckets(b, 52))).toThrow(/format/);
  });
});

function randomBuckets(values: (number | null)[][]): Buckets {
  const b = createBuckets(0, STEP, values.length);
  values.forEach((slot, i) => {
    const vs = slot.filter((x): x is number => x !== null);
    const t = Float64Array.from(vs, () => i * STEP);
    addSamples(b, t, Float64Array.from(vs), 0, vs.length);
  });
  return b;
}

const slotValues = fc.array(fc.array(fc.option(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { nil: null }), { maxLength: 6 }), {
  minLength: 1,
  maxLength: 288,
});

describe('bucket chunks', () => {
  it('round-trip counts exactly and sum/min/max bit for bit when lossless', () => {
    fc.assert(
      fc.property(slotValues, (values) => {
        const b = randomBuckets(values);
        const d = decodeBuckets(encodeBuckets(b, 52), b.length);
        expect([...d.count]).toEqual([...b.count]);
        const filled = [...b.count.keys()].filter((i) => b.count[i]! > 0);
        expect([...d.sum].map(bits)).toEqual(filled.map((i) => bits(b.sum[i]!)));
        expect([...d.min]).toEqual(filled.map((i) => b.min[i]));
        expect([...d.max]).toEqual(filled.map((i) => b.max[i]));
      }),
      { numRuns: 200 },
    );
  });

  it('keep sum/min/max within the rounding error at fewer mantissa bits', () => {
    fc.assert(
      fc.property(slotValues, fc.integer({ min: 8, max: 51 }), (values, mantissa) => {
        const b = randomBuckets(values);
        const d = decodeBuckets(encodeBuckets(b, mantissa), b.length);
        const filled = [...b.count.keys()].filter((i) => b.count[i]! > 0);
        filled.forEach((slot, j) => {
          for (const [got, want] of [
            [d.sum[j]!, b.sum[slot]!],
            [d.min[j]!, b.min[slot]!],
            [d.max[j]!, b.max[slot]!],
          ] as const) {
            expect(Math.abs(got - want)).toBeLessThanOrEqual(maxError(want, mantissa));
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('segments appended one after another decode like the whole chunk', () => {
    fc.assert(
      fc.property(slotValues, fc.uniqueArray(fc.integer({ min: 1, max: 287 }), { maxLength: 10 }), (values, cuts) => {
        const whole = randomBuckets(values);
        const bounds = [0, ...cuts.filter((c) => c < whole.length).sort((a, b) => a - b), whole.length];
        let blob: Buffer | undefined;
        for (let k = 0; k + 1 < bounds.length; k++) {
          const [from, to] = [bounds[k]!, bounds[k + 1]!];
          if (from === to) continue;
          const segment = encodeSegment(randomBuckets(values.slice(from, to)), from, whole.length);
          // A segment is a chunk on its own; past its 8-byte header, segments concatenate.
          expect(decodeBuckets(segment, whole.length).count.slice(from, to)).toEqual(randomBuckets(values.slice(from, to)).count);
          blob = blob ? Buffer.concat([blob, segment.subarray(8)]) : segment;
        }
        const segmented = decodeBuckets(blob!, whole.length);
        const compact = decodeBuckets(encodeBuckets(whole, 52), whole.length);
        expect(segmented).toEqual(compact);
      }),
      { numRuns: 200 },
    );
  });

  it('refuse a chunk whose bucket count does not match the tier', () => {
    const b = randomBuckets([[1], [2]]);
    expect(() => decodeBuckets(encodeBuckets(b, 52), 288)).toThrow(/does not match/);
  });

  it('store a noisy float series rounded to 20 bits in fewer bytes than exact', () => {
    let seed = 1;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = Array.from({ length: 288 }, () => Array.from({ length: 5 }, () => 2e8 * (1 + 0.2 * (rnd() - 0.5))));
    const b = randomBuckets(values);
    const exact = encodeBuckets(b, 52).byteLength;
    const rounded = encodeBuckets(b, 20).byteLength;
    expect(rounded).toBeLessThan(exact * 0.55);
  });
});

describe('roundMantissa', () => {
  it('is within half a unit of the kept last bit and exact for small integers', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 52 }), (x, bits) => {
        const r = roundMantissa(x, bits);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(maxError(x, bits));
        expect(roundMantissa(r, bits)).toBe(r);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 21), max: 2 ** 21 }), (n) => {
        expect(roundMantissa(n, 20)).toBe(n);
      }),
    );
  });

  it('leaves non-finite values alone', () => {
    expect(roundMantissa(Number.POSITIVE_INFINITY, 20)).toBe(Number.POSITIVE_INFINITY);
    expect(roundMantissa(Number.NaN, 20)).toBeNaN();
  });
});
