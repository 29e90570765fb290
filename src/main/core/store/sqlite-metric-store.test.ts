import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricsResultSchema } from '../../../shared/contract/metrics';
import { seriesKey } from '../../../shared/series-key';
import type { SampleInput } from './metric-store';
import { openMetricStore, type SqliteMetricStore } from './sqlite-metric-store';
import { DAY, HOUR, MINUTE } from './tiers';

let dir: string;
let path: string;
const open: SqliteMetricStore[] = [];
const T0 = Date.UTC(2024, 2, 1);

function store(options?: Parameters<typeof openMetricStore>[1]): SqliteMetricStore {
  const s = openMetricStore(path, options);
  open.push(s);
  return s;
}

const sample = (deviceId: string, metric: string, value: number, instance = '', unit: SampleInput['unit'] = 'percent'): SampleInput => ({
  deviceId,
  metric,
  instance,
  unit,
  value,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-store-'));
  path = join(dir, 'metrics.db');
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteMetricStore', () => {
  it('registers series on first sight with their metadata and serves the latest values', () => {
    const s = store();
    s.ingest(T0, [sample('sw1', 'cpu', 10), sample('sw1', 'if.in', 1e6, 'Gi0/1|uplink', 'bitsPerSecond'), sample('srv', 'cpu', 3)]);
    s.ingest(T0 + 60_000, [sample('sw1', 'cpu', 12), sample('srv', 'cpu', 4)]);
    expect(s.listSeries('sw1')).toEqual([
      { key: 'sw1|cpu|', deviceId: 'sw1', metric: 'cpu', instance: '', unit: 'percent' },
      { key: seriesKey('sw1', 'if.in', 'Gi0/1|uplink'), deviceId: 'sw1', metric: 'if.in', instance: 'Gi0/1|uplink', unit: 'bitsPerSecond' },
    ]);
    expect(s.latest('sw1').map((l) => [l.key, l.at, l.value])).toEqual([
      ['sw1|cpu|', T0 + 60_000, 12],
      [seriesKey('sw1', 'if.in', 'Gi0/1|uplink'), T0, 1e6],
    ]);
    expect(s.latest().map((l) => l.deviceId)).toEqual(['srv', 'sw1', 'sw1']);
    expect(s.listSeries('nobody')).toEqual([]);
  });

  it('answers in the order asked, with empty arrays for unknown keys, in the contract shape', () => {
    const s = store();
    for (let i = 0; i < 30; i++) s.ingest(T0 + i * 60_000, [sample('a', 'cpu', i), sample('b', 'cpu', 100 - i)]);
    const res = s.query(['b|cpu|', 'ghost|cpu|', 'a|cpu|'], T0, T0 + 29 * 60_000, 1500);
    expect(MetricsResultSchema.parse(res)).toEqual(res);
    expect(res.tier).toBe('raw');
    expect(res.series.map((x) => x.key)).toEqual(['b|cpu|', 'ghost|cpu|', 'a|cpu|']);
    expect(res.series[1]).toEqual({ key: 'ghost|cpu|', t: [], avg: [], min: [], max: [] });
    expect(res.series[0]!.avg).toEqual(Array.from({ length: 30 }, (_, i) => 100 - i));
    expect(res.series[2]!.t).toEqual(Array.from({ length: 30 }, (_, i) => T0 + i * 60_000));
  });

  it('shows gaps as nulls: raw breaks the line, buckets without samples are null', () => {
    const s = store();
    const times = [0, 1, 2, 3, 40, 41, 42].map((m) => T0 + m * MINUTE);
    times.forEach((t, i) => s.ingest(t, [sample('d', 'm', i)]));
    const raw = s.query(['d|m|'], T0, T0 + 42 * MINUTE, 1500).series[0]!;
    expect(raw.avg).toEqual([0, 1, 2, 3, null, 4, 5, 6]);
    expect(raw.t[4]).toBeGreaterThan(T0 + 3 * MINUTE);
    expect(raw.t[4]).toBeLessThan(T0 + 40 * MINUTE);
    const res = s.query(['d|m|'], T0, T0 + 42 * MINUTE, 9);
    expect(res.tier).toBe('5m');
    const b = res.series[0]!;
    expect(b.t).toEqual(Array.from({ length: 9 }, (_, i) => T0 + i * 5 * MINUTE));
    expect(b.avg).toEqual([1.5, null, null, null, null, null, null, null, 5]);
    expect(b.min).toEqual([0, null, null, null, null, null, null, null, 4]);
    expect(b.max).toEqual([3, null, null, null, null, null, null, null, 6]);
  });

  it('refuses bad samples one by one and keeps the good ones of the same batch', () => {
    const s = store({ wallClock: () => T0 });
    s.ingest(T0, [
      sample('d', 'ok', 1),
      sample('d', 'nan', Number.NaN),
      sample('d', 'inf', Number.POSITIVE_INFINITY),
      sample('d', 'ok', 2), // twice in one batch
      sample('bad|id', 'm', 1),
      sample('d', 'bad|metric', 1),
      { ...sample('d', 'unit', 1), unit: 'furlongs' as SampleInput['unit'] },
    ]);
    s.ingest(T0 - 1000, [sample('d', 'ok', 3)]); // not after the last sample
    s.ingest(T0 + 2 * DAY, [sample('d', 'ok', 4)]); // two days ahead of the wall clock
    expect(() => s.ingest(Number.NaN, [sample('d', 'ok', 5)])).toThrow(/invalid sample time/);
    expect(s.latest().map((l) => [l.key, l.value])).toEqual([['d|ok|', 1]]);
    expect(s.stats().rejectedSamples).toBe(8);
    expect(s.listSeries('d').map((m) => m.metric)).toEqual(['ok']);
  });

  it('keeps everything committed across a close and reopen, sealed or not', () => {
    let s = store();
    for (let i = 0; i < 200; i++) {
      s.ingest(T0 + i * 60_000, [sample('d', 'm', i), sample('e', 'm', -i)]);
      s.maintain(T0 + i * 60_000);
    }
    const before = s.query(['d|m|', 'e|m|'], T0, T0 + 199 * 60_000, 1500);
    const latest = s.latest();
    s.close();
    s = store();
    expect(s.query(['d|m|', 'e|m|'], T0, T0 + 199 * 60_000, 1500)).toEqual(before);
    expect(s.latest()).toEqual(latest);
    expect(before.series[0]!.avg).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // Ingest goes on where it stopped, and a sample already stored is refused.
    s.ingest(T0 + 199 * 60_000, [sample('d', 'm', 999)]);
    s.ingest(T0 + 200 * 60_000, [sample('d', 'm', 200)]);
    expect(s.latest('d')[0]).toMatchObject({ at: T0 + 200 * 60_000, value: 200 });
  });

  it('deletes a device with all its data; its samples still in the log do not come back', () => {
    let s = store();
    for (let i = 0; i < 120; i++) {
      s.ingest(T0 + i * 60_000, [sample('gone', 'm', i), sample('kept', 'm', i)]);
      s.maintain(T0 + i * 60_000);
    }
    s.deleteDevice('gone');
    expect(s.listSeries('gone')).toEqual([]);
    expect(s.query(['gone|m|'], T0, T0 + HOUR, 100).series[0]!.t).toEqual([]);
    s.close();
    s = store();
    expect(s.listSeries('gone')).toEqual([]);
    expect(s.latest().map((l) => l.key)).toEqual(['kept|m|']);
    // Series 1 was 'gone' (ids are the low 25 bits of a chunk id), series 2 'kept'.
    const chunksOf = (sid: number): number => (s.database.prepare('SELECT count(*) AS n FROM chunks WHERE id % 33554432 = ?').get(sid) as { n: number }).n;
    expect(chunksOf(1)).toBe(0);
    expect(chunksOf(2)).toBeGreaterThan(0);
    // The same device coming back starts a new, empty history.
    s.ingest(T0 + 200 * 60_000, [sample('gone', 'm', 7)]);
    expect(s.query(['gone|m|'], T0, T0 + 200 * 60_000, 20_000).series[0]!.avg).toEqual([7]);
  });

  it('answers absurd ranges quickly, within the point budget, even on a store never maintained', () => {
    const s = store({ wallClock: () => T0 + 2 * DAY });
    for (let i = 0; i < 2 * 24 * 60; i++) s.ingest(T0 + i * 60_000, [sample('d', 'm', i % 10)]);
    const started = performance.now();
    const all = s.query(['d|m|'], 0, 1e15, 1000);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(all.tier).toBe('1d');
    const filled = all.series[0]!.avg.filter((v) => v !== null);
    expect(all.series[0]!.t.length).toBeLessThanOrEqual(1000);
    // Two days of samples, all still in memory (never sealed), counted in the merged bucket(s).
    expect(filled.length).toBeGreaterThan(0);
    expect(filled.length).toBeLessThanOrEqual(2);
    const week = s.query(['d|m|'], T0, T0 + 7 * DAY, 10_000);
    expect(week.tier).toBe('5m');
    expect(week.series[0]!.avg.filter((v) => v !== null)).toHaveLength(2 * 24 * 12);
    expect(s.query(['d|m|'], 0, 1000, 100).series[0]!.t).toEqual([]);
  });

  it('updates a series unit when the poller changes it', () => {
    const s = store();
    s.ingest(T0, [sample('d', 'temp', 40, '', 'celsius')]);
    s.ingest(T0 + 1000, [sample('d', 'temp', 41, '', 'percent')]);
    expect(s.listSeries('d')[0]!.unit).toBe('percent');
  });

  it('maintains idempotently: a second call with the same time changes nothing', () => {
    const s = store();
    for (let i = 0; i < 3 * 24 * 60; i += 1) s.ingest(T0 + i * 60_000, [sample('d', 'm', i % 17)]);
    s.maintain(T0 + 3 * DAY);
    const snapshot = (): unknown => s.database.prepare('SELECT id, hex(data) AS d FROM chunks ORDER BY id').all();
    const first = snapshot();
    expect((first as unknown[]).length).toBeGreaterThan(10);
    s.maintain(T0 + 3 * DAY);
    expect(snapshot()).toEqual(first);
  });
});

describe('opening', () => {
  it('names the file when it is not a database', () => {
    writeFileSync(path, 'this is not sqlite, just text long enough to look like a header of a database file'.repeat(20));
    expect(() => store()).toThrow(new RegExp(`Cannot open the metric store ${path}: .*not a database`));
  });

  it('names the file when its folder cannot be written', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const inside = join(blocker, 'metrics.db');
    expect(() => openMetricStore(inside)).toThrow(new RegExp(`Cannot open the metric store ${inside}: unable to open database file`));
  });

  it('refuses a file written by a newer version, or with another chunk layout', () => {
    store().close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => store()).toThrow(/newer Vigie \(schema 99/);
    rmSync(path);
    store().close();
    expect(() => store({ tiers: { raw: { chunkMs: 30 * MINUTE } } })).toThrow(/another chunk layout/);
  });
});
