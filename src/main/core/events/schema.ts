import type Database from 'better-sqlite3';

/**
 * Layout of events.db, versioned with `PRAGMA user_version` like the metric store:
 * - 1: events (the log, 90 days) and device_states (state history → weather, availability). Files written
 *   before versioning (user_version 0) already hold these tables: the statements are idempotent.
 * - 2: events.text (the message as a code + parameters, JSON) and alert_checks (the alerting engine's memory
 *   of each check: state, since, pending breach, acknowledgement, silence, flapping history), so a restart
 *   keeps them.
 */
export const EVENTS_SCHEMA_VERSION = 2;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE IF NOT EXISTS events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      device_id TEXT,
      device_name TEXT,
      severity TEXT NOT NULL,
      kind TEXT NOT NULL,
      message TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS events_at ON events(at);
    CREATE INDEX IF NOT EXISTS events_device ON events(device_id, at);
    CREATE TABLE IF NOT EXISTS device_states (
      device_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      state TEXT NOT NULL,
      PRIMARY KEY (device_id, at)
    ) WITHOUT ROWID;
  `,
  2: `
    ALTER TABLE events ADD COLUMN text TEXT;
    CREATE TABLE alert_checks (
      device_id TEXT NOT NULL,
      check_id TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (device_id, check_id)
    ) WITHOUT ROWID;
  `,
};

/** Brings a file up to this version, one transaction per step; a newer file is refused rather than misread. */
export function migrateEvents(db: Database.Database): void {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > EVENTS_SCHEMA_VERSION) {
    throw new Error(`written by a newer Vigie (event log schema ${version}, this one reads ${EVENTS_SCHEMA_VERSION})`);
  }
  while (version < EVENTS_SCHEMA_VERSION) {
    const next = version + 1;
    const sql = MIGRATIONS[next];
    if (sql === undefined) throw new Error(`no event log migration to schema ${next}`);
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${next}`);
    })();
    version = next;
  }
}
