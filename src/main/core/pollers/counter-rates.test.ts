import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CounterRates } from './counter-rates';

const TWO_32 = 2 ** 32;

describe('CounterRates', () => {
  it('gives null on the first sample and the per-second rate on the second', () => {
    const r = new CounterRates();
    expect(r.rate('k', { value: 1000, at: 0, bits: 32 })).toBeNull();
    expect(r.rate('k', { value: 7000, at: 60_000, bits: 32 })).toBe(100);
  });

  it('is never negative nor non-finite, whatever the samples (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.oneof(fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }), fc.double({ noNaN: false })),
            dt: fc.integer({ min: -5000, max: 600_000 }),
            bits: fc.constantFrom(32 as const, 64 as const),
            uptime: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (samples) => {
          const r = new CounterRates();
          let at = 1_000_000;
          for (const s of samples) {
            at += s.dt;
            const v = r.rate('k', { value: s.value, at, bits: s.bits, agentUptime: s.uptime });
            if (v !== null) {
              expect(Number.isFinite(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
          }
        },
      ),
    );
  });

  it('adds 2^32 to a 32-bit counter that wrapped (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TWO_32 - 1 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 3600 }),
        (start, increase, seconds) => {
          const r = new CounterRates();
          r.rate('k', { value: start, at: 0, bits: 32, agentUptime: 1000 });
          const next = (start + increase) % TWO_32;
          const rate = r.rate('k', { value: next, at: seconds * 1000, bits: 32, agentUptime: 1000 + seconds });
          expect(rate).toBeCloseTo(increase / seconds, 6);
        },
      ),
    );
  });

  it('reads a Counter64 exactly beyond 2^53', () => {
    const r = new CounterRates();
    const base = (1n << 60n) + 12345n;
    r.rate('k', { value: base, at: 0, bits: 64 });
    expect(r.rate('k', { value: base + 6_000_000n, at: 60_000, bits: 64 })).toBe(100_000);
  });

  it('gives null after an agent restart, even when the counter went up (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TWO_32 - 1 }),
        fc.integer({ min: 0, max: TWO_32 - 1 }),
        fc.integer({ min: 10_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom(32 as const, 64 as const),
        (before, after, uptimeBefore, uptimeAfter, bits) => {
          const r = new CounterRates();
          r.rate('k', { value: before, at: 0, bits, agentUptime: uptimeBefore });
          // 60 s later the agent says it has been up less than 50 s: it restarted.
          expect(r.rate('k', { value: after, at: 60_000, bits, agentUptime: uptimeAfter })).toBeNull();
        },
      ),
    );
  });

  it('detects a restart longer ago than the poll interval (uptime did not advance with the clock)', () => {
    const r = new CounterRates();
    r.rate('k', { value: 5_000_000, at: 0, bits: 32, agentUptime: 3600 });
    // Two hours later, up for one hour: it restarted an hour ago, the counter restarted from 0.
    expect(r.rate('k', { value: 9_000_000, at: 7_200_000, bits: 32, agentUptime: 3600 })).toBeNull();
  });

  it('does not take a frozen uptime (simulator) for a restart', () => {
    const r = new CounterRates();
    r.rate('k', { value: 1000, at: 0, bits: 32, agentUptime: 2_504_204 });
    expect(r.rate('k', { value: 7000, at: 60_000, bits: 32, agentUptime: 2_504_204 })).toBe(100);
  });

  it('gives null for a backwards 64-bit counter (reset, never a wrap)', () => {
    const r = new CounterRates();
    r.rate('k', { value: 10n ** 15n, at: 0, bits: 64, agentUptime: 100 });
    expect(r.rate('k', { value: 5n, at: 60_000, bits: 64, agentUptime: 160 })).toBeNull();
  });

  it('gives null for a 32-bit reset without restart ("clear counters") instead of a 2^32 spike (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 20, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 19 }), (before, after) => {
        const r = new CounterRates();
        r.rate('k', { value: before, at: 0, bits: 32, agentUptime: 5000 });
        expect(r.rate('k', { value: after, at: 60_000, bits: 32, agentUptime: 5060 })).toBeNull();
      }),
    );
  });

  it('applies the ceiling', () => {
    const r = new CounterRates();
    r.rate('k', { value: 0, at: 0, bits: 64 });
    expect(r.rate('k', { value: 1_000_000, at: 1000, bits: 64, maxRate: 999_999 })).toBeNull();
    expect(r.rate('k', { value: 1_500_000, at: 2000, bits: 64, maxRate: 999_999 })).toBe(500_000);
  });

  it('forgets series not sampled since a time, and by prefix', () => {
    const r = new CounterRates();
    r.rate('a|1', { value: 1, at: 0, bits: 32 });
    r.rate('a|2', { value: 1, at: 5000, bits: 32 });
    r.rate('b|1', { value: 1, at: 5000, bits: 32 });
    r.forgetOlderThan(1000);
    expect(r.size).toBe(2);
    r.forget('a|');
    expect(r.size).toBe(1);
    expect(r.rate('a|2', { value: 2, at: 6000, bits: 32 })).toBeNull();
  });

  it('keeps each counter apart when forgotten slots are reused by new counters', () => {
    const r = new CounterRates();
    for (let i = 0; i < 100; i++) r.rate(`old|${i}`, { value: 1000, at: 0, bits: 32 });
    for (let i = 0; i < 100; i++) r.rate(`keep|${i}`, { value: i, at: 0, bits: 64 });
    r.forget('old|');
    for (let i = 0; i < 100; i++) expect(r.rate(`new|${i}`, { value: 5, at: 10_000, bits: 32 })).toBeNull();
    for (let i = 0; i < 100; i++) {
      expect(r.rate(`new|${i}`, { value: 5 + 10 * i, at: 20_000, bits: 32 })).toBe(i);
      expect(r.rate(`keep|${i}`, { value: i + 60, at: 60_000, bits: 64 })).toBe(1);
    }
    expect(r.size).toBe(200);
  });
});
