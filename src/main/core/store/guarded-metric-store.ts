import { existsSync, readSync, openSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import type { MetricsResult } from '../../../shared/contract/metrics';
import { msg, type Message } from '../../../shared/messages/message';
import type { LatestValue, MetricStore, SampleInput, SeriesMeta } from './metric-store';
import { openMetricStore, type MetricStoreOptions, type SqliteMetricStore } from './sqlite-metric-store';

/** Something the administrator must hear about: shown as a console notice, an event and a log line. */
export interface StoreIncident {
  message: string;
  /** The same for the Events page, in the reader's language. */
  text: Message;
  /** Where the damaged file went, when it was moved aside. */
  movedTo: string | null;
}

export interface GuardOptions {
  onIncident: (incident: StoreIncident) => void;
  store?: MetricStoreOptions;
  /** For the moved file's name. */
  now?: () => Date;
}

/**
 * The small tables the open check reads in full: the series index and the store's bookkeeping. Their size is
 * bounded (series per device, see monitor/poll-bounds.ts), so the check takes milliseconds whatever the
 * history; the big chunk tables are checked by use (a damaged page fails the read or write that meets it).
 */
const CHECKED_TABLES = ['series', 'pass', 'meta'] as const;

/** A WAL file starts with one of these magic numbers (https://www.sqlite.org/fileformat2.html#walformat). */
const WAL_MAGIC = new Set([0x377f0682, 0x377f0683]);
const WAL_HEADER_BYTES = 32;

/** SQLite's own words for a damaged file (SQLITE_CORRUPT and its extended codes, SQLITE_NOTADB). */
export function isDamage(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
      return true;
  }
  return false;
}

/**
 * The metric store with a guard: checks the file when it opens, and when a write or a read finds it damaged,
 * moves it aside and starts a fresh store, rather than dropping every new sample while the console shows
 * devices OK with 0 series. Every such event is reported through `onIncident`.
 */
export class GuardedMetricStore implements MetricStore {
  private inner: SqliteMetricStore;

  constructor(
    private readonly path: string,
    private readonly options: GuardOptions,
  ) {
    this.inner = this.openChecked();
  }

  ingest(at: number, samples: readonly SampleInput[]): void {
    // Retried once on the fresh store: the samples of the poll that found the damage are not lost either.
    this.guard(() => this.inner.ingest(at, samples), true);
  }

  query(keys: readonly string[], from: number, to: number, maxPoints: number): MetricsResult {
    return this.guard(() => this.inner.query(keys, from, to, maxPoints), true);
  }

  latest(deviceId?: string): LatestValue[] {
    return this.guard(() => this.inner.latest(deviceId), true);
  }

  listSeries(deviceId: string): SeriesMeta[] {
    return this.guard(() => this.inner.listSeries(deviceId), true);
  }

  deleteDevice(deviceId: string): void {
    this.guard(() => this.inner.deleteDevice(deviceId), true);
  }

  maintain(now: number): void {
    this.guard(() => this.inner.maintain(now), false);
  }

  close(): void {
    this.inner.close();
  }

  /** The store in use now (tests, tools). */
  get current(): SqliteMetricStore {
    return this.inner;
  }

  private guard<T>(run: () => T, retry: boolean): T {
    try {
      return run();
    } catch (error) {
      if (!isDamage(error)) throw error;
      this.replace(`it failed while in use (${(error as Error).message})`);
      if (!retry) return undefined as T;
      return run();
    }
  }

  private openChecked(): SqliteMetricStore {
    this.checkFilesBeforeOpen();
    let store: SqliteMetricStore | null = null;
    let verdict: string;
    try {
      store = openMetricStore(this.path, this.options.store);
      verdict = quickCheck(store);
    } catch (error) {
      if (!isDamage(error)) throw error;
      verdict = (error as Error).message;
    }
    if (verdict === 'ok' && store) return store;
    store?.close();
    return this.moveAsideAndOpen(`the check at start-up found it damaged (${verdict})`);
  }

  private replace(why: string): void {
    try {
      this.inner.close();
    } catch {
      // Closing a damaged file can fail too; it is moved aside either way.
    }
    this.inner = this.moveAsideAndOpen(why);
  }

  private moveAsideAndOpen(why: string): SqliteMetricStore {
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const movedTo = `${this.path}.damaged-${stamp}`;
    renameSync(this.path, movedTo);
    if (existsSync(`${this.path}-wal`)) renameSync(`${this.path}-wal`, `${movedTo}-wal`);
    rmSync(`${this.path}-shm`, { force: true });
    const fresh = openMetricStore(this.path, this.options.store);
    this.options.onIncident({
      message: `The metric store ${this.path} was damaged: ${why}. It was moved to ${movedTo} and a new, empty store was started; charts begin again from now.`,
      text: msg('system.store-damaged', { path: this.path, why, movedTo }),
      movedTo,
    });
    return fresh;
  }

  /** What SQLite would pass over in silence: an empty file, a write-ahead log that is not one. */
  private checkFilesBeforeOpen(): void {
    const { path } = this;
    if (existsSync(path) && statSync(path).size === 0) {
      this.options.onIncident({
        message: `The metric store ${path} was an empty file (0 bytes): earlier history is gone; a new store was started.`,
        text: msg('system.store-empty', { path }),
        movedTo: null,
      });
    }
    const wal = `${path}-wal`;
    if (!existsSync(wal) || statSync(wal).size === 0) return;
    const header = Buffer.alloc(WAL_HEADER_BYTES);
    const fd = openSync(wal, 'r');
    let read: number;
    try {
      read = readSync(fd, header, 0, WAL_HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
    if (read === WAL_HEADER_BYTES && WAL_MAGIC.has(header.readUInt32BE(0))) return;
    const movedTo = `${wal}.damaged-${(this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    renameSync(wal, movedTo);
    rmSync(`${path}-shm`, { force: true });
    this.options.onIncident({
      message: `The write-ahead log of the metric store (${wal}) was not a valid log and was moved to ${movedTo}: samples of the last minutes before the stop may be missing.`,
      text: msg('system.store-wal-damaged', { path: wal, movedTo }),
      movedTo,
    });
  }
}

/** PRAGMA quick_check of the small tables: "ok", or SQLite's first complaints. */
function quickCheck(store: SqliteMetricStore): string {
  const problems: string[] = [];
  for (const table of CHECKED_TABLES) {
    const rows = store.database.pragma(`quick_check(${table})`) as { quick_check: string }[];
    for (const r of rows) if (r.quick_check !== 'ok') problems.push(r.quick_check);
  }
  return problems.length ? problems.slice(0, 3).join('; ').replace(/\s+/g, ' ') : 'ok';
}
