import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../fs/private-file';
import type { Weather } from '../../../shared/contract/devices';
import type { EventRecord, Severity } from '../../../shared/contract/events';
import type { State } from '../../../shared/states';
import { MessageSchema, type Message } from '../../../shared/messages/message';
import { AlertCheckStore } from './alert-check-store';
import { migrateEvents } from './schema';

const DAY = 86_400_000;
/** Events are kept 90 days (spec); state history a little longer than the longest weather/availability window. */
const EVENT_RETENTION = 90 * DAY;
const STATE_RETENTION = 400 * DAY;

export interface EventQuery {
  deviceId?: string | undefined;
  severity?: Severity[] | undefined;
  text?: string | undefined;
  kind?: EventRecord['kind'][] | undefined;
  /** Inclusive time range (ms since the epoch). */
  from?: number | undefined;
  to?: number | undefined;
  before?: number | undefined;
  limit: number;
}

type EventRow = {
  id: number;
  at: number;
  device_id: string | null;
  device_name: string | null;
  severity: Severity;
  kind: EventRecord['kind'];
  message: string;
  /** JSON of the message code (schema 2); null for events written before. */
  text?: string | null;
};

function parseText(json: string | null | undefined): Message | undefined {
  if (!json) return undefined;
  try {
    const parsed = MessageSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function toRecord(r: EventRow): EventRecord {
  const text = parseText(r.text);
  return {
    id: r.id,
    at: r.at,
    deviceId: r.device_id,
    deviceName: r.device_name,
    severity: r.severity,
    kind: r.kind,
    message: r.message,
    ...(text ? { text } : {}),
  };
}

/**
 * The event log and each device's state history (for the weather and availability), in their own SQLite
 * file beside the metric store. Small and append-mostly: WAL with synchronous=NORMAL is crash-safe for a
 * killed process.
 */
export class EventStore {
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly insertState: Database.Statement;
  private readonly lastStateStmt: Database.Statement;
  private readonly statesInWindow: Database.Statement;
  /** The alerting engine's persisted memory of each check (schema 2). */
  readonly alertChecks: AlertCheckStore;

  constructor(path: string) {
    try {
      ensurePrivateFile(path);
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      migrateEvents(this.db);
    } catch (error) {
      throw new Error(`Cannot open the event log ${path}: ${(error as Error).message}`, { cause: error });
    }
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (at, device_id, device_name, severity, kind, message, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.alertChecks = new AlertCheckStore(this.db);
    this.insertState = this.db.prepare('INSERT OR REPLACE INTO device_states (device_id, at, state) VALUES (?, ?, ?)');
    this.lastStateStmt = this.db.prepare(
      'SELECT at, state FROM device_states WHERE device_id = ? AND at <= ? ORDER BY at DESC LIMIT 1',
    );
    this.statesInWindow = this.db.prepare(
      'SELECT at, state FROM device_states WHERE device_id = ? AND at > ? AND at <= ? ORDER BY at',
    );
  }

  append(event: Omit<EventRecord, 'id'>): EventRecord {
    const text = event.text ? JSON.stringify(event.text) : null;
    const info = this.insertEvent.run(event.at, event.deviceId, event.deviceName, event.severity, event.kind, event.message, text);
    return { ...event, id: Number(info.lastInsertRowid) };
  }

  list(q: EventQuery): EventRecord[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.deviceId) {
      where.push('device_id = ?');
      args.push(q.deviceId);
    }
    if (q.severity?.length) {
      where.push(`severity IN (${q.severity.map(() => '?').join(',')})`);
      args.push(...q.severity);
    }
    if (q.text) {
      where.push("(message LIKE ? ESCAPE '\\' OR device_name LIKE ? ESCAPE '\\')");
      const like = `%${q.text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      args.push(like, like);
    }
    if (q.kind?.length) {
      where.push(`kind IN (${q.kind.map(() => '?').join(',')})`);
      args.push(...q.kind);
    }
    if (q.from !== undefined) {
      where.push('at >= ?');
      args.push(q.from);
    }
    if (q.to !== undefined) {
      where.push('at <= ?');
      args.push(q.to);
    }
    if (q.before !== undefined) {
      where.push('id < ?');
      args.push(q.before);
    }
    const sql = `SELECT * FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as EventRow[]).map(toRecord);
  }

  recordState(deviceId: string, at: number, state: State): void {
    this.insertState.run(deviceId, at, state);
  }

  lastState(deviceId: string, at: number): { at: number; state: State } | null {
    return (this.lastStateStmt.get(deviceId, at) as { at: number; state: State } | undefined) ?? null;
  }

  /** Share of [now - window, now] spent in each state; time before the first known state is not counted. */
  weather(deviceId: string, now: number, windowMs = DAY): Weather {
    const start = now - windowMs;
    const shares: Weather = { ok: 0, warning: 0, critical: 0, unknown: 0 };
    const before = this.lastState(deviceId, start);
    const rows = this.statesInWindow.all(deviceId, start, now) as { at: number; state: State }[];
    let cursor = before ? start : (rows[0]?.at ?? now);
    let current: State | null = before?.state ?? rows[0]?.state ?? null;
    for (const r of rows) {
      if (current) shares[current] += r.at - cursor;
      cursor = r.at;
      current = r.state;
    }
    if (current) shares[current] += now - cursor;
    const total = shares.ok + shares.warning + shares.critical + shares.unknown;
    if (total <= 0) return current ? { ...shares, [current]: 1 } : shares;
    return {
      ok: shares.ok / total,
      warning: shares.warning / total,
      critical: shares.critical / total,
      unknown: shares.unknown / total,
    };
  }

  deleteDevice(deviceId: string): void {
    this.db.prepare('DELETE FROM device_states WHERE device_id = ?').run(deviceId);
  }

  prune(now: number): void {
    this.db.prepare('DELETE FROM events WHERE at < ?').run(now - EVENT_RETENTION);
    this.db.prepare('DELETE FROM device_states WHERE at < ?').run(now - STATE_RETENTION);
  }

  close(): void {
    this.db.close();
  }
}
