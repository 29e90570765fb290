import type Database from 'better-sqlite3';

/** One persisted row of the alerting engine's memory: a check of a device ('' for the device itself). */
export interface AlertCheckRow {
  deviceId: string;
  checkId: string;
  /** JSON, validated by the engine when read (zod): a row written by another version is dropped, not trusted. */
  data: string;
}

/** The `alert_checks` table of events.db (schema 2): written in one transaction per poll, read once at start. */
export class AlertCheckStore {
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly removeDevice: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare('INSERT OR REPLACE INTO alert_checks (device_id, check_id, data) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM alert_checks WHERE device_id = ? AND check_id = ?');
    this.removeDevice = db.prepare('DELETE FROM alert_checks WHERE device_id = ?');
  }

  all(): AlertCheckRow[] {
    return (this.db.prepare('SELECT device_id, check_id, data FROM alert_checks').all() as { device_id: string; check_id: string; data: string }[]).map(
      (r) => ({ deviceId: r.device_id, checkId: r.check_id, data: r.data }),
    );
  }

  /** Writes and deletes together, so a crash leaves either the old or the new memory of a poll. */
  write(rows: readonly AlertCheckRow[], deleted: readonly { deviceId: string; checkId: string }[] = []): void {
    if (rows.length === 0 && deleted.length === 0) return;
    this.db.transaction(() => {
      for (const r of rows) this.upsert.run(r.deviceId, r.checkId, r.data);
      for (const d of deleted) this.remove.run(d.deviceId, d.checkId);
    })();
  }

  deleteDevice(deviceId: string): void {
    this.removeDevice.run(deviceId);
  }
}
