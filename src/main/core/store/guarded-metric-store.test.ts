import { existsSync, mkdtempSync, openSync, closeSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GuardedMetricStore, type StoreIncident } from './guarded-metric-store';
import { openMetricStore } from './sqlite-metric-store';

const T0 = Date.UTC(2026, 0, 1);
const sample = (device: string, metric: string, instance: string, value: number) => ({
  deviceId: device,
  metric,
  instance,
  unit: 'percent' as const,
  value,
});

/** A store with three series, closed (checkpointed), then one page of the series index zeroed. */
function damagedStore(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-guard-')), 'metrics.db');
  const s = openMetricStore(path);
  s.ingest(T0, [sample('a', 'cpu', '', 1), sample('a', 'fs', '/', 2), sample('b', 'cpu', '', 3)]);
  s.close();
  const db = new Database(path, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (
    db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'series'").get() as {
      rootpage: number;
    }
  ).rootpage;
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
  return path;
}

function guarded(path: string): { store: GuardedMetricStore; incidents: StoreIncident[] } {
  const incidents: StoreIncident[] = [];
  const store = new GuardedMetricStore(path, {
    onIncident: (i) => incidents.push(i),
    now: () => new Date(T0),
  });
  return { store, incidents };
}

describe('guarded metric store', () => {
  it('the damage is real: a plain store opens it silently and then drops new series', () => {
    const path = damagedStore();
    const plain = openMetricStore(path);
    expect(() => plain.ingest(T0 + 60_000, [sample('c', 'cpu', '', 4)])).toThrow(/malformed/);
    plain.close();
  });

  it('finds a damaged series index at open, moves the file aside, says so and keeps storing', () => {
    const path = damagedStore();
    const { store, incidents } = guarded(path);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.message).toMatch(
      /^The metric store .*metrics\.db was damaged: the check at start-up found it damaged \(.+\)\. It was moved to .*metrics\.db\.damaged-2026-01-01T00-00-00-000Z/,
    );
    expect(existsSync(incidents[0]!.movedTo!)).toBe(true);
    store.ingest(T0 + 60_000, [sample('c', 'cpu', '', 4)]);
    expect(store.latest().map((l) => [l.key, l.value])).toEqual([['c|cpu|', 4]]);
    store.close();
  });

  it('replaces a store that breaks while in use and keeps the samples of that write', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-guard-')), 'metrics.db');
    const { store, incidents } = guarded(path);
    store.ingest(T0, [sample('a', 'cpu', '', 1)]);
    // Damage under a running store: what a disk fault or another writer does.
    const db = store.current.database;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = (
      db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'series'").get() as {
        rootpage: number;
      }
    ).rootpage;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    db.exec('PRAGMA cache_size = 0'); // drop cached pages so the next write reads the zeroed one
    store.ingest(T0 + 60_000, [sample('b', 'cpu', '', 2)]);
    expect(incidents.map((i) => i.message)).toEqual([
      expect.stringMatching(/was damaged: it failed while in use \(.*database disk image is malformed\)/),
    ]);
    expect(store.latest().map((l) => [l.key, l.value])).toEqual([['b|cpu|', 2]]);
    store.close();
  });

  it('speaks up about an empty file and a garbage write-ahead log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-guard-'));
    const path = join(dir, 'metrics.db');
    writeFileSync(path, '');
    writeFileSync(`${path}-wal`, 'this is not a write-ahead log, just junk bytes.....');
    const { store, incidents } = guarded(path);
    expect(incidents.map((i) => i.message)).toEqual([
      expect.stringMatching(/was an empty file \(0 bytes\)/),
      expect.stringMatching(
        /write-ahead log .* was not a valid log and was moved to .*metrics\.db-wal\.damaged-/,
      ),
    ]);
    store.ingest(T0, [sample('a', 'cpu', '', 1)]);
    expect(store.latest()).toHaveLength(1);
    expect(statSync(path).size).toBeGreaterThan(0);
    store.close();
  });

  it('opens a healthy store without a word', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-guard-')), 'metrics.db');
    guarded(path).store.close();
    const again = guarded(path);
    expect(again.incidents).toEqual([]);
    again.store.close();
  });
});
