import { describe, expect, it } from 'vitest';
import type { SampleInput } from './metric-store';
import { openMetricStore, type SqliteMetricStore } from './sqlite-metric-store';
import { DAY, HOUR, MINUTE, resolveTiers, type TierOverrides } from './tiers';

const T0 = Date.UTC(2022, 0, 3);
const SID_SPAN = 2 ** 25;
const TIER_SPAN = 2 ** 25 * 2 ** 26;

/** Sealed chunk rows per tier per series id ("tier:sid"), and the open-day segments ("seg:sid"). */
function rows(store: SqliteMetricStore): Map<string, number> {
  const out = new Map<string, number>();
  const sealed = 'SELECT id FROM chunk_raw UNION ALL SELECT id FROM chunk_5m UNION ALL SELECT id FROM chunk_1h UNION ALL SELECT id FROM chunk_1d';
  const add = (k: string): void => void out.set(k, (out.get(k) ?? 0) + 1);
  for (const { id } of store.database.prepare<[], { id: number }>(sealed).all()) add(`${Math.floor(id / TIER_SPAN)}:${id % SID_SPAN}`);
  for (const { id } of store.database.prepare<[], { id: number }>('SELECT id FROM open_segment').all()) add(`seg:${id % SID_SPAN}`);
  return out;
}

/** A day of polls at `intervalMs` for two series (an integer walk and a noisy float), in one transaction. */
function simulator(store: SqliteMetricStore, intervalMs: number): (day: number) => void {
  let walk = 50;
  let seed = 42;
  const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const samples: SampleInput[] = [
    { deviceId: 'd', metric: 'cpu', instance: '', unit: 'percent', value: 0 },
    { deviceId: 'd', metric: 'if.in', instance: 'eth0', unit: 'bitsPerSecond', value: 0 },
  ];
  return store.database.transaction((day: number) => {
    for (let t = T0 + day * DAY; t < T0 + (day + 1) * DAY; t += intervalMs) {
      walk = Math.max(0, Math.min(100, walk + Math.round((rnd() - 0.5) * 6)));
      samples[0]!.value = walk;
      samples[1]!.value = 1e8 * (1 + 0.2 * (rnd() - 0.5));
      store.ingest(t, samples);
      store.maintain(t);
    }
  });
}

describe('retention', () => {
  it('drops raw samples after 24 h and 5-min buckets after 30 days, keeping the coarser tiers', () => {
    const store = openMetricStore(':memory:');
    try {
      const day = simulator(store, 10 * MINUTE);
      for (let d = 0; d < 40; d++) day(d);
      const now = T0 + 40 * DAY - 10 * MINUTE;
      const key = 'd|cpu|';
      // Raw: only the last day (whole hours) is left.
      const raw = store.queryTier(key, 'raw', T0, now + 1);
      expect(raw.t[0]).toBeGreaterThanOrEqual(now - DAY - HOUR);
      expect(raw.t[0]).toBeLessThanOrEqual(now - DAY + HOUR);
      expect(raw.t.length).toBeGreaterThan(140);
      // 5m: the last 30 days, not the first ones.
      const m5 = store.queryTier(key, '5m', T0, now + 1);
      expect(m5.t[0]).toBeGreaterThanOrEqual(now - 31 * DAY);
      expect(m5.t[0]).toBeLessThanOrEqual(now - 29 * DAY);
      // 1h and 1d still cover the first day.
      expect(store.queryTier(key, '1h', T0, T0 + DAY).count).toEqual(Array.from({ length: 24 }, () => 6));
      expect(store.queryTier(key, '1d', T0, T0 + DAY).count).toEqual([144]);
      // A query from the first day now lands on 1h, the finest tier that still covers it.
      expect(store.query([key], T0, now, 20_000).tier).toBe('1h');
    } finally {
      store.close();
    }
  });

  it('keeps rows and bytes per series fixed over 2 simulated years (retention shortened so every tier saturates)', () => {
    const overrides: TierOverrides = { '1h': { retentionMs: 90 * DAY }, '1d': { retentionMs: 180 * DAY } };
    const tiers = resolveTiers(overrides);
    const bound = tiers.map((t) => Math.ceil(t.retentionMs / t.chunkMs) + 1);
    const store = openMetricStore(':memory:', { tiers: overrides });
    try {
      const day = simulator(store, 5 * MINUTE);
      const weekly: { rows: Map<string, number>; bytes: number }[] = [];
      for (let d = 0; d < 730; d++) {
        day(d);
        if (d % 7 === 6) weekly.push({ rows: rows(store), bytes: store.stats().usedBytes });
      }
      // Segments: the open day's raw windows, plus the previous day's until it is compacted.
      const segmentBound = 2 * (tiers[1]!.chunkMs / tiers[0]!.chunkMs);
      for (const m of weekly) {
        for (const [k, n] of m.rows) {
          const tier = k.split(':')[0]!;
          expect(n, `tier:series ${k}`).toBeLessThanOrEqual(tier === 'seg' ? segmentBound : bound[Number(tier)]!);
        }
      }
      // Saturated after about 8 months (the 1-d tier holds 180 days once its 56-day chunks are sealed).
      const saturated = weekly.slice(36);
      const reference = saturated[0]!.bytes;
      for (const m of saturated) {
        expect(m.bytes).toBeLessThanOrEqual(reference * 1.1);
        expect(m.bytes).toBeGreaterThanOrEqual(reference * 0.9);
      }
      const last = weekly[weekly.length - 1]!;
      expect([...last.rows.keys()].sort()).toEqual(['0:1', '0:2', '1:1', '1:2', '2:1', '2:2', '3:1', '3:2', 'seg:1', 'seg:2']);
      // Before saturation the store was still growing: the plateau is retention at work, not a stalled store.
      const total = (m: { rows: Map<string, number> }): number => [...m.rows.values()].reduce((a, b) => a + b, 0);
      expect(total(weekly[0]!)).toBeLessThan(total(saturated[0]!) * 0.6);
    } finally {
      store.close();
    }
  }, 60_000);
});
