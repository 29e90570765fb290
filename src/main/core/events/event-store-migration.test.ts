import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../shared/messages/message';
import { EventStore } from './event-store';
import { EVENTS_SCHEMA_VERSION } from './schema';

/** The layout every events.db had before the schema was versioned (user_version 0), as that version wrote it. */
function writeUnversionedFile(path: string): void {
  const db = new Database(path);
  db.exec(`
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
  `);
  db.prepare('INSERT INTO events (at, device_id, device_name, severity, kind, message) VALUES (?, ?, ?, ?, ?, ?)').run(
    1000,
    'db-01',
    'db-01',
    'critical',
    'state',
    'db-01 is CRITICAL: Filesystem used (/var): 97 % > 95 %',
  );
  db.prepare('INSERT INTO device_states (device_id, at, state) VALUES (?, ?, ?)').run('db-01', 1000, 'critical');
  db.close();
}

describe('event store schema', () => {
  it('opens a file of the previous (unversioned) schema, keeps its events and states, and adds the new tables', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-events-mig-')), 'events.db');
    writeUnversionedFile(path);
    const store = new EventStore(path);
    const [old] = store.list({ limit: 10 });
    expect(old).toEqual({ id: 1, at: 1000, deviceId: 'db-01', deviceName: 'db-01', severity: 'critical', kind: 'state', message: 'db-01 is CRITICAL: Filesystem used (/var): 97 % > 95 %' });
    expect(store.lastState('db-01', 2000)).toEqual({ at: 1000, state: 'critical' });
    // New in schema 2: an event's message code, and the alerting engine's memory.
    const text = msg('state.ok-again', { device: 'db-01' });
    store.append({ at: 2000, deviceId: 'db-01', deviceName: 'db-01', severity: 'ok', kind: 'state', message: 'db-01 is OK again', text });
    store.alertChecks.write([{ deviceId: 'db-01', checkId: 'filesystem:/var', data: '{"state":"critical","since":1000}' }]);
    store.close();

    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(EVENTS_SCHEMA_VERSION);
    db.close();
    const again = new EventStore(path);
    expect(again.list({ limit: 10 })[0]).toMatchObject({ message: 'db-01 is OK again', text });
    expect(again.alertChecks.all()).toEqual([{ deviceId: 'db-01', checkId: 'filesystem:/var', data: '{"state":"critical","since":1000}' }]);
    again.close();
  });

  it('refuses a file written by a newer schema rather than misread it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-events-new-')), 'events.db');
    const db = new Database(path);
    db.pragma(`user_version = ${EVENTS_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new EventStore(path)).toThrow(/newer Vigie \(event log schema 3/);
  });
});
