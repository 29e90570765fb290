import type Database from 'better-sqlite3';
import type { Series, SeriesRegistry } from './series-registry';
import type { TierSpec } from './tiers';

/**
 * Sealing progress of one tier. Every window before `sealed` is sealed for every series. A pass in progress
 * seals windows up to `target`, series by series in id order; `cursor` is the last series done, so a pass
 * interrupted by the time budget or a crash resumes where it stopped. `dropped`: windows below this index
 * were deleted by retention.
 */
export interface PassState {
  sealed: number;
  target: number | null;
  cursor: number;
  dropped: number;
}

export interface ChunkStatements {
  get: Database.Statement<[number], Buffer>;
  put: Database.Statement<[number, Buffer]>;
  delete: Database.Statement<[number]>;
  deleteRange: Database.Statement<[number, number]>;
  first: Database.Statement<[number, number], number>;
}

export interface Statements {
  insertSeries: Database.Statement<[string, string, string, string, string]>;
  updateUnit: Database.Statement<[string, number]>;
  updateHistory: Database.Statement<[string, number]>;
  updateLast: Database.Statement<[number, number, number]>;
  deleteSeries: Database.Statement<[number]>;
  insertStaging: Database.Statement<[number, Buffer]>;
  deleteStagingBefore: Database.Statement<[number]>;
  /** Per tier (index as in the tier list). */
  chunks: ChunkStatements[];
  /** The open days of the 5m tier: segments keyed by raw window (chunkId(0, window, sid)). */
  segments: ChunkStatements;
  savePass: Database.Statement<[number, number, number | null, number, number]>;
}

function chunkStatements(db: Database.Database, table: string): ChunkStatements {
  return {
    get: db.prepare<[number], Buffer>(`SELECT data FROM ${table} WHERE id = ?`).pluck(),
    put: db.prepare(`INSERT OR REPLACE INTO ${table} (id, data) VALUES (?, ?)`),
    delete: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
    deleteRange: db.prepare(`DELETE FROM ${table} WHERE id >= ? AND id < ?`),
    first: db.prepare<[number, number], number>(`SELECT id FROM ${table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 1`).pluck(),
  };
}

export function prepareStatements(db: Database.Database, tiers: readonly TierSpec[]): Statements {
  return {
    insertSeries: db.prepare('INSERT INTO series (device_id, metric, instance, unit, history) VALUES (?, ?, ?, ?, ?)'),
    updateUnit: db.prepare('UPDATE series SET unit = ? WHERE id = ?'),
    updateHistory: db.prepare('UPDATE series SET history = ? WHERE id = ?'),
    updateLast: db.prepare('UPDATE series SET last_at = ?, last_value = ? WHERE id = ?'),
    deleteSeries: db.prepare('DELETE FROM series WHERE id = ?'),
    insertStaging: db.prepare('INSERT INTO staging (at, data) VALUES (?, ?)'),
    deleteStagingBefore: db.prepare('DELETE FROM staging WHERE at < ?'),
    chunks: tiers.map((t) => chunkStatements(db, `chunk_${t.name}`)),
    segments: chunkStatements(db, 'open_segment'),
    savePass: db.prepare('INSERT OR REPLACE INTO pass (tier, sealed, target, cursor, dropped) VALUES (?, ?, ?, ?, ?)'),
  };
}

export interface StoreContext {
  db: Database.Database;
  stmts: Statements;
  tiers: readonly TierSpec[];
  passes: PassState[];
  registry: SeriesRegistry;
  /** The store's "now": the latest time it was given (ingest or maintain); retention and tier choice use it. */
  clock: number;
  /** Raw windows are sealed this long after they end, so that a poll finishing late still lands. */
  sealGraceMs: number;
  /** Mantissa bits kept in consolidated tiers (52 = lossless). */
  mantissaBits: number;
  /** Wall clock, to refuse samples dated far in the future (a wrong clock would block the series). */
  wallClock: () => number;
  rejected: number;
  /** Runs `fn` in a transaction (a savepoint inside an outer one); one wrapper, built once. */
  inTransaction: (fn: () => void) => void;
}

/** Windows of `tier` before this time are sealed for series `s` (the pass in progress counts once past it). */
export function sealedUntil(ctx: StoreContext, tier: number, s: Series): number {
  const p = ctx.passes[tier]!;
  return p.target !== null && s.sid <= p.cursor ? p.target : p.sealed;
}

export function savePass(ctx: StoreContext, tier: number): void {
  const p = ctx.passes[tier]!;
  ctx.stmts.savePass.run(tier, p.sealed, p.target, p.cursor, p.dropped);
}
