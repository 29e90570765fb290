import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriesKey } from '../../../shared/series-key';
import type { SampleInput } from './metric-store';
import type { SeriesHistory } from './series-history';
import { openMetricStore, type SqliteMetricStore } from './sqlite-metric-store';
import { DAY, HOUR, MINUTE } from './tiers';

let dir: string;
let path: string;
const open: SqliteMetricStore[] = [];
// A Monday 00:00 UTC, so that days and weeks of the tiers start with the run.
const T0 = Date.UTC(2024, 2, 4);
const FULL = seriesKey('vc', 'host.cpu.percent', 'esx-1');
const REDUCED = seriesKey('vc', 'vm.cpu.percent', 'vm-1');

function store(): SqliteMetricStore {
  const s = openMetricStore(path);
  open.push(s);
  return s;
}

/** The same value to both series, so that their consolidated tiers must be equal. */
function poll(s: SqliteMetricStore, t: number, history: SeriesHistory = 'reduced'): void {
  const value = 10 + (((t - T0) / MINUTE) % 50);
  const samples: SampleInput[] = [
    { deviceId: 'vc', metric: 'host.cpu.percent', instance: 'esx-1', unit: 'percent', value },
    { deviceId: 'vc', metric: 'vm.cpu.percent', instance: 'vm-1', unit: 'percent', value, history },
  ];
  s.ingest(t, samples);
  s.maintain(t);
}

function run(s: SqliteMetricStore, from: number, to: number): void {
  for (let t = from; t < to; t += MINUTE) poll(s, t);
}

function sidOf(s: SqliteMetricStore, metric: string): number {
  return s.database.prepare<[string], number>('SELECT id FROM series WHERE metric = ?').pluck().get(metric)!;
}

function rawChunks(s: SqliteMetricStore, sid: number): number {
  // Chunk ids end with the series id over 25 bits (tiers.ts chunkId).
  return s.database.prepare<[number], number>('SELECT count(*) FROM chunk_raw WHERE id % 33554432 = ?').pluck().get(sid)!;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-history-'));
  path = join(dir, 'metrics.db');
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('series history policy', () => {
  it('a reduced series seals no raw chunk; a full one beside it does', () => {
    const s = store();
    run(s, T0, T0 + 3 * HOUR);
    expect(rawChunks(s, sidOf(s, 'host.cpu.percent'))).toBe(2);
    expect(rawChunks(s, sidOf(s, 'vm.cpu.percent'))).toBe(0);
    // Its 5-minute buckets are those of the full series, sealed hours and open hour alike.
    const full = s.queryTier(FULL, '5m', T0, T0 + 3 * HOUR);
    const reduced = s.queryTier(REDUCED, '5m', T0, T0 + 3 * HOUR);
    expect(reduced.t).toHaveLength(36);
    expect(reduced).toEqual(full);
  });

  it('a query over one hour answers a reduced series from 5-minute buckets, a full one from raw', () => {
    const s = store();
    run(s, T0, T0 + 3 * HOUR);
    const from = T0 + HOUR;
    const to = T0 + 2 * HOUR - 1;
    const full = s.query([FULL], from, to, 1000);
    expect(full.tier).toBe('raw');
    expect(full.series[0]!.t).toHaveLength(60);
    const reduced = s.query([REDUCED], from, to, 1000);
    expect(reduced.tier).toBe('5m');
    expect(reduced.stepMs).toBe(5 * MINUTE);
    const avg = reduced.series[0]!.avg.filter((v) => v !== null);
    expect(avg).toHaveLength(12);
    // 10 + (minute % 50) over minutes 60..64: 20, 21, 22, 23, 24.
    expect(avg[0]).toBeCloseTo(22, 4);
    // Asked together, both answer at the coarser common resolution.
    expect(s.query([FULL, REDUCED], from, to, 1000).tier).toBe('5m');
  });

  it('consolidation goes on into 5-minute chunks and hourly buckets', () => {
    const s = store();
    run(s, T0, T0 + 2 * DAY + HOUR);
    const day = s.database.prepare<[], number>('SELECT count(*) FROM chunk_5m').pluck().get()!;
    expect(day).toBe(4); // day one and day two, for each series
    const hourly = s.queryTier(REDUCED, '1h', T0, T0 + DAY);
    expect(hourly.count).toEqual(new Array(24).fill(60));
    expect(hourly).toEqual(s.queryTier(FULL, '1h', T0, T0 + DAY));
    expect(rawChunks(s, sidOf(s, 'vm.cpu.percent'))).toBe(0);
  });

  it('a restart keeps the policy of a series, for the samples still unsealed too', () => {
    const first = store();
    run(first, T0, T0 + 30 * MINUTE);
    first.close();
    const again = store();
    expect(again.database.prepare('SELECT history FROM series WHERE metric = ?').pluck().get('vm.cpu.percent')).toBe('reduced');
    // Only the full series is polled from now on: the reduced one's staged half hour is sealed by policy.
    for (let t = T0 + 30 * MINUTE; t < T0 + 2 * HOUR; t += MINUTE) {
      again.ingest(t, [{ deviceId: 'vc', metric: 'host.cpu.percent', instance: 'esx-1', unit: 'percent', value: 1 }]);
      again.maintain(t);
    }
    expect(rawChunks(again, sidOf(again, 'host.cpu.percent'))).toBe(1);
    expect(rawChunks(again, sidOf(again, 'vm.cpu.percent'))).toBe(0);
    expect(again.queryTier(REDUCED, '5m', T0, T0 + HOUR).count).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('the latest batch sets the policy: a series back to full gets raw chunks again', () => {
    const s = store();
    run(s, T0, T0 + 2 * HOUR);
    for (let t = T0 + 2 * HOUR; t < T0 + 4 * HOUR; t += MINUTE) poll(s, t, 'full');
    expect(s.database.prepare('SELECT history FROM series WHERE metric = ?').pluck().get('vm.cpu.percent')).toBe('full');
    // Hour 0 was sealed while reduced; hour 1, sealed after the switch (at 02:05), and hour 2 as full.
    expect(rawChunks(s, sidOf(s, 'vm.cpu.percent'))).toBe(2);
  });
});
