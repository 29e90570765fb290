import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
// Durations use the monotonic sub-millisecond clock: a loopback bind takes well under 1 ms.
import { performance } from 'node:perf_hooks';
import type { MysqlSettings } from '../../../../shared/kinds/mysql';
import { MYSQL_DEFAULT_PORT } from '../../../../shared/kinds/mysql';
import { hostPort, type ServiceTarget } from '../service-target';
import { serviceTlsOptions, type TlsFiles } from '../service-tls';
import { PollError } from '../source';
import { missingPrivileges, toMysqlPollError } from './mysql-errors';

/** The global status variables a poll reads (SHOW GLOBAL STATUS needs no privilege). */
export const STATUS_NAMES = [
  'Uptime',
  'Threads_connected',
  'Threads_running',
  'Max_used_connections',
  'Connections',
  'Queries',
  'Slow_queries',
  'Aborted_connects',
  'Aborted_clients',
  'Innodb_buffer_pool_pages_data',
  'Innodb_buffer_pool_pages_total',
  'Innodb_buffer_pool_pages_free',
] as const;

const VARIABLE_NAMES = ['max_connections', 'version', 'version_comment', 'read_only', 'innodb_buffer_pool_size', 'long_query_time'] as const;

export interface ReplicaReading {
  source: string;
  ioRunning: string | null;
  sqlRunning: string | null;
  secondsBehind: number | null;
  lastIoError: string;
  lastSqlError: string;
}

/** A replica status, "not a replica" (empty answer), or the privilege the server said is missing. */
export type ReplicationReading = { kind: 'replica'; channels: ReplicaReading[] } | { kind: 'none' } | { kind: 'denied'; privileges: string };

export interface MysqlReading {
  connectMs: number;
  /** Connect plus `SELECT 1`: what an application waits for a fresh connection. */
  responseMs: number;
  status: Map<string, string>;
  variables: Map<string, string>;
  replication: ReplicationReading;
  /** Whether the user holds PROCESS: without it the server shows only the user's own sessions. */
  hasProcess: boolean;
  sessions: { user: string; db: string; command: string; count: number; maxSeconds: number }[];
}

type Rows = RowDataPacket[];

function str(row: RowDataPacket, ...names: string[]): string | null {
  for (const n of names) {
    const v: unknown = row[n];
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  }
  return null;
}

async function nameValues(conn: Connection, sql: string, names: readonly string[]): Promise<Map<string, string>> {
  const [rows] = await conn.query<Rows>(sql, [names]);
  const out = new Map<string, string>();
  for (const r of rows) {
    const name = str(r, 'Variable_name');
    const value = str(r, 'Value');
    if (name !== null && value !== null) out.set(name, value);
  }
  return out;
}

async function readReplication(conn: Connection, where: string, user: string): Promise<ReplicationReading> {
  let rows: Rows;
  try {
    [rows] = await conn.query<Rows>('SHOW REPLICA STATUS');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    try {
      // Servers before MySQL 8.0.22 / MariaDB 10.5.1 know only the old spelling.
      if (code === 'ER_PARSE_ERROR') [rows] = await conn.query<Rows>('SHOW SLAVE STATUS');
      else throw error;
    } catch (inner) {
      const e = toMysqlPollError(inner, where, user, null);
      if (e.stage === 'permission') {
        const text = (inner as { sqlMessage?: unknown }).sqlMessage;
        return { kind: 'denied', privileges: (typeof text === 'string' ? missingPrivileges(text) : null) ?? 'REPLICATION CLIENT' };
      }
      throw e;
    }
  }
  if (rows.length === 0) return { kind: 'none' };
  return {
    kind: 'replica',
    channels: rows.map((r) => {
      const behind = str(r, 'Seconds_Behind_Source', 'Seconds_Behind_Master');
      return {
        source: `${str(r, 'Source_Host', 'Master_Host') ?? '?'}:${str(r, 'Source_Port', 'Master_Port') ?? '?'}`,
        ioRunning: str(r, 'Replica_IO_Running', 'Slave_IO_Running'),
        sqlRunning: str(r, 'Replica_SQL_Running', 'Slave_SQL_Running'),
        secondsBehind: behind === null ? null : Number(behind),
        lastIoError: str(r, 'Last_IO_Error') ?? '',
        lastSqlError: str(r, 'Last_SQL_Error') ?? '',
      };
    }),
  };
}

async function readProcess(conn: Connection): Promise<{ hasProcess: boolean; sessions: MysqlReading['sessions'] }> {
  // USER_PRIVILEGES lists the current account's global privileges (ALL PRIVILEGES appears expanded).
  const [privs] = await conn.query<Rows>(
    "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = CONCAT(\"'\", SUBSTRING_INDEX(CURRENT_USER(), '@', 1), \"'@'\", SUBSTRING_INDEX(CURRENT_USER(), '@', -1), \"'\")",
  );
  const hasProcess = privs.some((r) => str(r, 'PRIVILEGE_TYPE') === 'PROCESS');
  const [rows] = await conn.query<Rows>(
    'SELECT USER AS user, COALESCE(DB, \'\') AS db, COMMAND AS command, COUNT(*) AS n, MAX(TIME) AS t FROM information_schema.PROCESSLIST GROUP BY USER, DB, COMMAND ORDER BY n DESC LIMIT 50',
  );
  return {
    hasProcess,
    sessions: rows.map((r) => ({
      user: str(r, 'user') ?? '',
      db: str(r, 'db') ?? '',
      command: str(r, 'command') ?? '',
      count: Number(str(r, 'n') ?? 0),
      maxSeconds: Number(str(r, 't') ?? 0),
    })),
  };
}

/** Opens a connection as the poll does (TLS, timeout, database), measuring the connect. */
export async function connectMysql(target: ServiceTarget<MysqlSettings>): Promise<{ conn: Connection; connectMs: number; where: string }> {
  const { settings } = target;
  const port = target.port ?? MYSQL_DEFAULT_PORT;
  const where = hostPort(target.host, port);
  const ssl = await serviceTlsOptions(settings.tls, target.host);
  const open = (tls: TlsFiles | null): Promise<Connection> =>
    createConnection({
      host: target.host,
      port,
      user: settings.user,
      password: target.password ?? undefined,
      ...(settings.database !== null ? { database: settings.database } : {}),
      connectTimeout: settings.timeoutMs,
      ...(tls ? { ssl: tls } : {}),
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
  const started = performance.now();
  try {
    const conn = await open(ssl);
    // The driver's error events on an idle connection would otherwise be unhandled.
    conn.on('error', () => undefined);
    return { conn, connectMs: performance.now() - started, where };
  } catch (error) {
    const e = toMysqlPollError(error, where, settings.user, settings.database);
    if (e.stage === 'auth' && !ssl && (await acceptedOverTls(open))) {
      throw new PollError('tls', `${where} accepts this login only over TLS (require_secure_transport, or REQUIRE SSL on the account): set TLS to "require" or "verify"`);
    }
    throw e;
  }
}

/**
 * MariaDB answers a plain connection refused by require_secure_transport or an account's REQUIRE SSL with
 * the same "Access denied" as a wrong password; one retry over TLS, on failure only, tells them apart.
 */
async function acceptedOverTls(open: (tls: TlsFiles | null) => Promise<Connection>): Promise<boolean> {
  try {
    const conn = await open({ rejectUnauthorized: false });
    conn.on('error', () => undefined);
    await conn.end().catch(() => conn.destroy());
    return true;
  } catch {
    return false;
  }
}

/** One poll's worth of reads on a fresh connection, closed after: connect time is part of what is watched. */
export async function readMysql(target: ServiceTarget<MysqlSettings>, signal: AbortSignal): Promise<MysqlReading> {
  const started = performance.now();
  const { conn, connectMs, where } = await connectMysql(target);
  const abort = (): void => conn.destroy();
  signal.addEventListener('abort', abort, { once: true });
  try {
    await conn.query('SELECT 1');
    const responseMs = performance.now() - started;
    const status = await nameValues(conn, 'SHOW GLOBAL STATUS WHERE Variable_name IN (?)', STATUS_NAMES);
    const variables = await nameValues(conn, 'SHOW GLOBAL VARIABLES WHERE Variable_name IN (?)', VARIABLE_NAMES);
    const replication = await readReplication(conn, where, target.settings.user);
    const process = await readProcess(conn);
    return { connectMs, responseMs, status, variables, replication, ...process };
  } catch (error) {
    if (signal.aborted) throw new PollError('timeout', `Poll of ${where} stopped before it answered`);
    throw toMysqlPollError(error, where, target.settings.user, target.settings.database);
  } finally {
    signal.removeEventListener('abort', abort);
    await conn.end().catch(() => conn.destroy());
  }
}
