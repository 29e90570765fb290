import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../fs/private-file';
import type { TierSpec } from './tiers';

/**
 * Layout (schema version 2):
 * - series: one row per series, its metadata, its history policy and the last sealed value (latest() after a
 *   restart).
 * - staging: the append log of unsealed samples, one row per ingest batch (a BLOB of sid + value pairs), so
 *   an ingest is one INSERT at the end of one B-tree (no index: an index on `at` doubled the commit cost);
 *   rows go once their hour is sealed into chunks (a scan of about an hour of rows, once an hour).
 * - chunk_raw, chunk_5m, chunk_1h, chunk_1d: sealed, compressed chunks, keyed by one packed integer (see
 *   tiers.ts chunkId) that grows with time: sealing appends at the right edge of its tier's B-tree, where SQLite
 *   fills pages completely (one shared table, written in the middle, left its pages half empty).
 * - open_segment: the 5m buckets of days still open, one exact segment per series per sealed raw window,
 *   keyed like raw chunks (appended, never rewritten), deleted by range once the day is compacted into chunk_5m.
 * - chunks: a view of all of them, for tools and tests.
 * - pass: per tier, how far sealing has gone (and where an interrupted pass resumes) and what was dropped.
 * - meta: the chunk layout the file was written with; opening it with another layout would misread windows.
 */
export const SCHEMA_VERSION = 2;
const PAGE_SIZE = 16384;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE series (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      device_id TEXT NOT NULL,
      metric TEXT NOT NULL,
      instance TEXT NOT NULL,
      unit TEXT NOT NULL,
      last_at INTEGER,
      last_value REAL,
      UNIQUE (device_id, metric, instance)
    );
    CREATE TABLE staging (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, data BLOB NOT NULL);
    CREATE TABLE chunk_raw (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    CREATE TABLE chunk_5m (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    CREATE TABLE chunk_1h (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    CREATE TABLE chunk_1d (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    CREATE TABLE open_segment (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    CREATE VIEW chunks AS
      SELECT id, data FROM chunk_raw UNION ALL SELECT id, data FROM chunk_5m UNION ALL
      SELECT id, data FROM chunk_1h UNION ALL SELECT id, data FROM chunk_1d UNION ALL SELECT id, data FROM open_segment;
    CREATE TABLE pass (
      tier INTEGER PRIMARY KEY,
      sealed INTEGER NOT NULL,
      target INTEGER,
      cursor INTEGER NOT NULL,
      dropped INTEGER NOT NULL
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // Per-series history policy (series-history.ts); series written before it keep every tier.
  2: `ALTER TABLE series ADD COLUMN history TEXT NOT NULL DEFAULT 'full';`,
};

export type Synchronous = 'NORMAL' | 'FULL';

export interface OpenOptions {
  synchronous: Synchronous;
  tiers: readonly TierSpec[];
}

function layoutOf(tiers: readonly TierSpec[]): string {
  return JSON.stringify(tiers.map((t) => ({ name: t.name, stepMs: t.stepMs, chunkMs: t.chunkMs })));
}

/**
 * Opens (creating if needed) and migrates the store file. WAL keeps readers off the writer's back and makes
 * a commit one append to the -wal file. synchronous=NORMAL (default) does not fsync each commit: a killed
 * process loses nothing committed (the -wal is in the OS cache), a power loss or OS crash may lose the last
 * commits since the last checkpoint but never corrupts the file. FULL fsyncs each commit (power-safe, slower).
 */
export function openDatabase(path: string, options: OpenOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    ensurePrivateFile(path);
    db = new Database(path, { timeout: 5000 });
    // Only effective on a new file, and only before WAL. Chunks are 0.3-4 KB: in 16 KB pages the space left
    // at the end of a page is about 5 % (20 % in 4 KB pages).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('journal_size_limit = 67108864');
    migrate(db, options.tiers);
    return db;
  } catch (error) {
    db?.close();
    const reason = (error as Error).message;
    throw new Error(`Cannot open the metric store ${path}: ${reason}`, { cause: error });
  }
}

function migrate(db: Database.Database, tiers: readonly TierSpec[]): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`it was written by a newer Vigie (schema ${version}; this version reads up to ${SCHEMA_VERSION})`);
  }
  db.transaction(() => {
    for (let v = version + 1; v <= SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (version === 0) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('layout', layoutOf(tiers));
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('layout');
  if (stored !== layoutOf(tiers)) {
    throw new Error(`it was created with another chunk layout (${String(stored)}); open it with the same tier options`);
  }
}
