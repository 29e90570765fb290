import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendSample,
  countBefore,
  decodeOpen,
  dropOpen,
  newOpen,
  openBytesUsed,
  openCapacity,
  openFirstTime,
  openInterval,
  openLastTime,
  openLastValue,
  openLength,
  setOpenLast,
  type OpenHolder,
} from './open-samples';

const T0 = Date.UTC(2026, 11, 3, 12, 0, 0);
const MINUTE = 60_000;

/** Bit-exact: tells -0 from 0. */
function bits(x: number): string {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return b.toString('hex');
}

function make(): OpenHolder {
  return { open: newOpen() };
}

function fill(t: readonly number[], v: readonly number[]): OpenHolder {
  const o = make();
  t.forEach((x, i) => appendSample(o, x, v[i]!));
  return o;
}

function expectSamples(o: OpenHolder, t: readonly number[], v: readonly number[]): void {
  const d = decodeOpen(o.open);
  expect(d.length).toBe(t.length);
  expect(openLength(o.open)).toBe(t.length);
  expect([...d.t]).toEqual(t);
  expect([...d.v].map(bits)).toEqual(v.map(bits));
}

/** A seeded generator, so that the cases below are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
}

const rnd = lcg(18);
const regular = Array.from({ length: 70 }, (_, i) => T0 + i * MINUTE);
const jittered = regular.map((t, i) => t + (i === 0 ? 0 : Math.floor(rnd() * 40) - 20));
let at = T0;
const irregular = Array.from({ length: 70 }, () => (at += 1 + Math.floor(rnd() * 10 * MINUTE)));
/** A device answering again after a day: a big step, then a burst of backlog at 1 ms. */
const backlog = [T0, T0 + MINUTE, T0 + MINUTE + 86_400_000, ...Array.from({ length: 20 }, (_, i) => T0 + MINUTE + 86_400_001 + i)];

let counter = 4_000_000_000;
const values: Record<string, number[]> = {
  constant: Array.from({ length: 70 }, () => 1),
  integers: Array.from({ length: 70 }, (_, i) => (i * 37) % 101),
  counter: Array.from({ length: 70 }, () => (counter += Math.floor(rnd() * 1e6))),
  rate: Array.from({ length: 70 }, () => (rnd() * 1e9) / 60),
  negative: Array.from({ length: 70 }, (_, i) => -i * 1.25 - rnd()),
  tiny: Array.from({ length: 70 }, (_, i) => (i % 2 ? 5e-324 : 2.2250738585072014e-308 * rnd())),
  huge: Array.from({ length: 70 }, (_, i) => (i % 3 ? Number.MAX_VALUE : -1.5e300 * rnd())),
  zeros: Array.from({ length: 70 }, (_, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? -0 : 0)),
};

describe('open samples', () => {
  for (const [timesName, times] of Object.entries({ regular, jittered, irregular, backlog })) {
    for (const [valuesName, vals] of Object.entries(values)) {
      it(`round-trip ${timesName} times with ${valuesName} values exactly`, () => {
        const v = vals.slice(0, times.length);
        expectSamples(fill(times, v), times, v);
      });
    }
  }

  it('costs a byte or two per sample for a regular poll of a steady value', () => {
    // The first value, 1.0: a header and its 2 non-zero bytes; the first delta (60 s): a 3-byte varint; then
    // 1 byte of time and 1 of value.
    expect(openBytesUsed(fill(regular, values.constant!).open)).toBe(3 + 3 + 1 + 68 * 2);
    // Jitter of ±20 ms still fits the time's byte; a 32-bit counter's random increments (up to 1e6) change about
    // 20 bits of mantissa: 3 or 4 bytes and the header.
    const jitter = fill(jittered, values.counter!);
    expect(openBytesUsed(jitter.open) / 70).toBeLessThan(6.5);
    expect(openCapacity(jitter.open)).toBeLessThanOrEqual(1.5 * openBytesUsed(jitter.open) + 18);
  });

  it('decodes into a scratch that is large enough, and into fresh arrays otherwise', () => {
    const o = fill(irregular, values.negative!);
    const scratch = { t: new Float64Array(100).fill(-1), v: new Float64Array(100).fill(-1), length: 0 };
    const d = decodeOpen(o.open, scratch);
    expect(d.t).toBe(scratch.t);
    expect(d.length).toBe(70);
    expect([...d.t.subarray(0, 70)]).toEqual(irregular);
    expect([...d.v.subarray(0, 70)].map(bits)).toEqual(values.negative!.map(bits));
    const small = { t: new Float64Array(10), v: new Float64Array(10), length: 0 };
    const fresh = decodeOpen(o.open, small);
    expect(fresh.t).not.toBe(small.t);
    expect([...fresh.t]).toEqual(irregular);
  });

  it('keeps non-integer and unsafe times exactly (escaped)', () => {
    const t = [0.5, 1, 1.25, 2 ** 53 + 2, 2 ** 60, 2 ** 60 + 2 ** 9, 1e300];
    const v = t.map((_, i) => i);
    expectSamples(fill(t, v), t, v);
  });

  it('counts the samples before a limit', () => {
    const o = fill(jittered, values.rate!);
    for (const limit of [T0 - 1, T0, T0 + 1, jittered[10]!, jittered[10]! + 1, jittered[69]!, jittered[69]! + 1, Infinity]) {
      expect(countBefore(o.open, limit)).toBe(jittered.filter((t) => t < limit).length);
    }
    expect(countBefore(newOpen(), Infinity)).toBe(0);
  });

  it('drops the first samples at every position and keeps appending after', () => {
    for (let count = 0; count <= irregular.length + 1; count++) {
      const o = fill(irregular, values.rate!);
      dropOpen(o, count);
      const rest = irregular.slice(count);
      expectSamples(o, rest, values.rate!.slice(count));
      const next = irregular[irregular.length - 1]! + MINUTE;
      appendSample(o, next, -0);
      expectSamples(o, [...rest, next], [...values.rate!.slice(count), -0]);
    }
  });

  it('drops with the samples decoded for sealing, and decodes again when samples came since', () => {
    const o = fill(jittered, values.counter!);
    expect(openFirstTime(o.open)).toBe(jittered[0]);
    const decoded = decodeOpen(o.open);
    dropOpen(o, 60, decoded);
    expectSamples(o, jittered.slice(60), values.counter!.slice(60));
    expect(openFirstTime(o.open)).toBe(jittered[60]);
    const stale = decodeOpen(o.open);
    appendSample(o, T0 + 2 * 3_600_000, 7);
    dropOpen(o, 5, stale);
    expectSamples(o, [...jittered.slice(65), T0 + 2 * 3_600_000], [...values.counter!.slice(65), 7]);
    dropOpen(o, 100);
    expect(openFirstTime(o.open)).toBe(Number.POSITIVE_INFINITY);
  });

  it('shrinks a buffer a backlog made large once it is sealed, and keeps an ordinary one', () => {
    const o = make();
    for (let i = 0; i < 5000; i++) appendSample(o, T0 + i * 1000, rnd());
    expect(openCapacity(o.open)).toBeGreaterThan(4096);
    const last = openLastValue(o.open);
    const before = o.open;
    dropOpen(o, 4990);
    expect(openCapacity(o.open)).toBeLessThan(1024);
    expect(o.open).not.toBe(before);
    expect(openLastTime(o.open)).toBe(T0 + 4999 * 1000);
    expect(openLastValue(o.open)).toBe(last);
    expectSamples(o, Array.from({ length: 10 }, (_, i) => T0 + (4990 + i) * 1000), [...decodeOpen(o.open).v]);
  });

  it('fits the buffer to the hour it held once sealed, so that the next such hour appends without growing', () => {
    for (const vals of Object.values(values)) {
      const o = fill(jittered, vals);
      const peak = openBytesUsed(o.open);
      dropOpen(o, 70);
      expect(openLength(o.open)).toBe(0);
      expect(openCapacity(o.open)).toBeGreaterThan(peak);
      expect(openCapacity(o.open)).toBeLessThanOrEqual(1.0625 ** 2 * (1.0625 * peak + 18));
      const fitted = openCapacity(o.open);
      jittered.forEach((t, i) => appendSample(o, t + 3_600_000, vals[i]!));
      expect(openCapacity(o.open)).toBe(fitted);
      expectSamples(o, jittered.map((t) => t + 3_600_000), vals);
    }
  });

  it('keeps the header state (encoder, last time and value, interval) through growth and drops', () => {
    const o = make();
    expect(openLastTime(o.open)).toBe(Number.NEGATIVE_INFINITY);
    expect(openLastValue(o.open)).toBeNaN();
    expect(openInterval(o.open)).toBe(0);
    // What the database remembers at start: the first append must still encode its value against nothing.
    setOpenLast(o.open, T0 - MINUTE, 42.5);
    expect(openLastTime(o.open)).toBe(T0 - MINUTE);
    expect(openLastValue(o.open)).toBe(42.5);
    const buffers = new Set([o.open]);
    const rate = values.rate!;
    let interval = 0;
    let prev = T0 - MINUTE;
    jittered.forEach((t, i) => {
      appendSample(o, t, rate[i]!);
      buffers.add(o.open);
      // The smoothing of the sampling interval, a quarter of the way to each new delta (capped at 4×).
      interval = interval === 0 ? t - prev : interval + (Math.min(t - prev, 4 * interval) - interval) / 4;
      prev = t;
      expect(openInterval(o.open)).toBe(interval);
      expect(openLastTime(o.open)).toBe(t);
      expect(bits(openLastValue(o.open))).toBe(bits(rate[i]!));
      expect(openLength(o.open)).toBe(i + 1);
    });
    // 70 noisy floats take ~600 bytes: the 16-byte start grew several times, each copy kept the header.
    expect(buffers.size).toBeGreaterThan(4);
    expect(Math.abs(interval - MINUTE)).toBeLessThan(20);
    expect(openFirstTime(o.open)).toBe(jittered[0]);
    expectSamples(o, jittered, rate);
    dropOpen(o, 60);
    expect(openFirstTime(o.open)).toBe(jittered[60]);
    expect(openLastTime(o.open)).toBe(jittered[69]);
    expect(bits(openLastValue(o.open))).toBe(bits(rate[69]!));
    expect(openInterval(o.open)).toBe(interval);
    expectSamples(o, jittered.slice(60), rate.slice(60));
    // The re-encoded rest continues the delta-of-delta and XOR chains: the next append decodes exactly.
    const next = jittered[69]! + MINUTE + 3;
    appendSample(o, next, -0);
    expectSamples(o, [...jittered.slice(60), next], [...rate.slice(60), -0]);
    interval = openInterval(o.open);
    dropOpen(o, 100);
    expect(openLength(o.open)).toBe(0);
    expect(openFirstTime(o.open)).toBe(Number.POSITIVE_INFINITY);
    expect(openLastTime(o.open)).toBe(next);
    expect(bits(openLastValue(o.open))).toBe(bits(-0));
    expect(openInterval(o.open)).toBe(interval);
    // A poll 10 minutes late moves the interval by a quarter of 4× at most, not to 10 minutes.
    appendSample(o, next + 10 * MINUTE, 1);
    expect(openInterval(o.open)).toBe(interval + (4 * interval - interval) / 4);
    expectSamples(o, [next + 10 * MINUTE], [1]);
  });

  it('behaves as a pair of plain arrays under any appends, counts and drops', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), dt: fc.oneof(fc.integer({ min: 1, max: 120_000 }), fc.double({ min: 1e-3, max: 1e12, noNaN: true })), v: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
      fc.record({ kind: fc.constant('drop' as const), n: fc.nat(40) }),
      fc.record({ kind: fc.constant('count' as const), dt: fc.integer({ min: -100_000, max: 100_000 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 43 }), fc.array(op, { maxLength: 300 }), (start, ops) => {
        const o = make();
        const t: number[] = [];
        const v: number[] = [];
        let last = start;
        let lastV = Number.NaN;
        for (const x of ops) {
          if (x.kind === 'append') {
            const next = last + x.dt;
            if (next <= last) continue;
            last = next;
            appendSample(o, next, x.v);
            lastV = x.v;
            t.push(next);
            v.push(x.v);
          } else if (x.kind === 'drop') {
            dropOpen(o, x.n);
            t.splice(0, x.n);
            v.splice(0, x.n);
          } else {
            const limit = last + x.dt;
            expect(countBefore(o.open, limit)).toBe(t.filter((y) => y < limit).length);
          }
        }
        expectSamples(o, t, v);
        const appended = last > start;
        expect(openLastTime(o.open)).toBe(appended ? last : Number.NEGATIVE_INFINITY);
        if (appended) expect(bits(openLastValue(o.open))).toBe(bits(lastV));
      }),
      { numRuns: 300 },
    );
  });
});
