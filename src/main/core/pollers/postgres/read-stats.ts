import type pg from 'pg';

/** What one poll reads from the server, before counters become rates. Numbers as the server gives them. */
export interface PostgresStats {
  responseMs: number;
  version: string;
  maxConnections: number;
  startedAt: number;
  inRecovery: boolean;
  user: string;
  database: string;
  tls: boolean;
  /** The user may read other users' sessions and the replication positions (pg_monitor or pg_read_all_stats). */
  canReadAllStats: boolean;
  connections: { state: string; count: number }[];
  databases: {
    name: string;
    sizeBytes: number | null;
    backends: number;
    commits: bigint;
    rollbacks: bigint;
    blocksRead: bigint;
    blocksHit: bigint;
    deadlocks: bigint;
    tempFiles: bigint;
    tempBytes: bigint;
  }[];
  /** On a replica: how far replay is behind what was received, and since the last replayed commit. */
  replica: { lagBytes: number | null; lagSeconds: number | null; senderHost: string | null; status: string | null } | null;
  /** On a primary: its streaming replicas. */
  replicas: {
    name: string;
    client: string | null;
    state: string | null;
    syncState: string | null;
    lagBytes: number | null;
    replayLagSeconds: number | null;
  }[];
}

/** node-postgres gives int8 and numeric as strings (they exceed 2^53), int4 as numbers, NULL as null. */
type Cell = string | number | boolean | Date | null | undefined;
const int = (v: Cell): number => Number(v);
const big = (v: Cell): bigint => (typeof v === 'string' || typeof v === 'number' ? BigInt(v) : 0n);
const numOrNull = (v: Cell): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: Cell): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

interface ServerRow {
  version: string;
  max_connections: string;
  started: Date;
  in_recovery: boolean;
  user: string;
  database: string;
  tls: boolean | null;
  all_stats: boolean;
}

/** Reads everything a poll shows, in one session. `connectedAt` is when connect() was called. */
export async function readStats(client: pg.Client, connectedAt: number, now: () => number): Promise<PostgresStats> {
  await client.query('SELECT 1');
  const responseMs = now() - connectedAt;
  const server = (
    await client.query<ServerRow>(
      `SELECT current_setting('server_version') AS version, current_setting('max_connections') AS max_connections,
              pg_postmaster_start_time() AS started, pg_is_in_recovery() AS in_recovery, current_user AS user,
              current_database() AS database,
              (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS tls,
              pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS all_stats`,
    )
  ).rows[0]!;
  // Without pg_read_all_stats, other users' sessions show NULL backend_type and state: a row with a user
  // and a database is still a client session (background workers have neither), counted as "hidden".
  const connections = (
    await client.query<{ state: string; count: string }>(
      `SELECT CASE WHEN state IS NULL THEN 'hidden' ELSE replace(state, ' ', '-') END AS state, count(*) AS count
         FROM pg_stat_activity
        WHERE backend_type = 'client backend' OR (backend_type IS NULL AND usename IS NOT NULL AND datname IS NOT NULL)
        GROUP BY 1 ORDER BY 1`,
    )
  ).rows.map((r) => ({ state: r.state, count: int(r.count) }));
  const databases = (
    await client.query<Record<string, Cell>>(
      `SELECT d.datname AS name,
              CASE WHEN has_database_privilege(d.oid, 'CONNECT') THEN pg_database_size(d.oid) END AS size,
              s.numbackends, s.xact_commit, s.xact_rollback, s.blks_read, s.blks_hit, s.deadlocks, s.temp_files, s.temp_bytes
         FROM pg_database d JOIN pg_stat_database s ON s.datid = d.oid
        WHERE d.datallowconn AND NOT d.datistemplate ORDER BY d.datname`,
    )
  ).rows.map((r) => ({
    name: strOrNull(r.name) ?? '',
    sizeBytes: numOrNull(r.size),
    backends: int(r.numbackends),
    commits: big(r.xact_commit),
    rollbacks: big(r.xact_rollback),
    blocksRead: big(r.blks_read),
    blocksHit: big(r.blks_hit),
    deadlocks: big(r.deadlocks),
    tempFiles: big(r.temp_files),
    tempBytes: big(r.temp_bytes),
  }));
  let replica: PostgresStats['replica'] = null;
  if (server.in_recovery) {
    const r = (
      await client.query<Record<string, Cell>>(
        `SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS lag_bytes,
                CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                     ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS lag_seconds,
                (SELECT sender_host FROM pg_stat_wal_receiver) AS sender_host,
                (SELECT status FROM pg_stat_wal_receiver) AS status`,
      )
    ).rows[0]!;
    replica = {
      lagBytes: numOrNull(r.lag_bytes),
      lagSeconds: numOrNull(r.lag_seconds),
      senderHost: strOrNull(r.sender_host),
      status: strOrNull(r.status),
    };
  }
  const replicas = server.in_recovery
    ? []
    : (
        await client.query<Record<string, Cell>>(
          `SELECT application_name, client_addr::text AS client, state, sync_state,
                  pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS lag_bytes,
                  extract(epoch FROM replay_lag) AS replay_lag
             FROM pg_stat_replication ORDER BY application_name`,
        )
      ).rows.map((r) => ({
        name: strOrNull(r.application_name) ?? '',
        client: strOrNull(r.client),
        state: strOrNull(r.state),
        syncState: strOrNull(r.sync_state),
        lagBytes: numOrNull(r.lag_bytes),
        replayLagSeconds: numOrNull(r.replay_lag),
      }));
  return {
    responseMs,
    version: server.version,
    maxConnections: int(server.max_connections),
    startedAt: server.started.getTime(),
    inRecovery: server.in_recovery,
    user: server.user,
    database: server.database,
    tls: server.tls === true,
    canReadAllStats: server.all_stats,
    connections,
    databases,
    replica,
    replicas,
  };
}
