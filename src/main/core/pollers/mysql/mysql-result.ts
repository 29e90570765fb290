import { type CounterRates } from '../counter-rates';
import { MetricList } from '../metric-list';
import type { PollResult, Row } from '../source';
import type { MysqlReading } from './mysql-read';

/** Counters turned into rates per second; the server's Uptime tells a restart from a wrap. */
const RATES = [
  ['Queries', 'mysql.queries.rate'],
  ['Slow_queries', 'mysql.slow_queries.rate'],
  ['Aborted_connects', 'mysql.aborted_connects.rate'],
  ['Connections', 'mysql.connections.rate'],
] as const;

function num(map: Map<string, string>, key: string): number | null {
  const v = map.get(key);
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function yes(v: string | null): boolean | null {
  if (v === null) return null;
  // 'Connecting' is an IO thread trying to reach its source: not running yet.
  return v.toLowerCase() === 'yes';
}

/** One reading as the monitor stores and shows it. `rates` keeps the previous counters between polls. */
export function mysqlPollResult(reading: MysqlReading, rates: CounterRates, at: number, name: string): PollResult {
  const m = new MetricList();
  const { status, variables } = reading;
  const uptime = num(status, 'Uptime');
  const maxConnections = num(variables, 'max_connections');
  const connected = num(status, 'Threads_connected');
  m.add('mysql.connect.time', reading.connectMs, 'milliseconds');
  m.add('mysql.response.time', reading.responseMs, 'milliseconds');
  m.add('mysql.threads.connected', connected, 'count');
  m.add('mysql.threads.running', num(status, 'Threads_running'), 'count');
  m.add('mysql.connections.max', maxConnections, 'count');
  const usedPercent = connected !== null && maxConnections ? (connected / maxConnections) * 100 : null;
  m.add('mysql.connections.used', usedPercent, 'percent');
  for (const [counter, metric] of RATES) {
    const value = status.get(counter);
    if (value === undefined || !/^\d+$/.test(value)) continue;
    m.add(metric, rates.rate(counter, { value: BigInt(value), at, bits: 64, agentUptime: uptime }), 'perSecond');
  }
  const pagesData = num(status, 'Innodb_buffer_pool_pages_data');
  const pagesTotal = num(status, 'Innodb_buffer_pool_pages_total');
  const poolPercent = pagesData !== null && pagesTotal ? (pagesData / pagesTotal) * 100 : null;
  m.add('mysql.innodb.buffer_pool.used', poolPercent, 'percent');
  m.add('mysql.innodb.buffer_pool.pages_data', pagesData, 'count');

  const problems: PollResult['problems'] = [];
  const replicas: Row[] = [];
  let replicationText: string;
  const rep = reading.replication;
  if (rep.kind === 'none') replicationText = 'not a replica';
  else if (rep.kind === 'denied') {
    replicationText = `unknown (missing ${rep.privileges})`;
    problems.push({ severity: 'warning', message: `Replication state unreadable: grant ${rep.privileges} to the monitoring user` });
  } else {
    replicationText = 'replica';
    for (const ch of rep.channels) {
      const io = yes(ch.ioRunning);
      const sql = yes(ch.sqlRunning);
      m.add('mysql.replication.lag', ch.secondsBehind, 'seconds', ch.source);
      m.flag('mysql.replication.io_running', io, ch.source);
      m.flag('mysql.replication.sql_running', sql, ch.source);
      replicas.push({
        source: ch.source,
        ioRunning: ch.ioRunning,
        sqlRunning: ch.sqlRunning,
        secondsBehind: ch.secondsBehind,
        state: io && sql ? 'ok' : 'critical',
        lastError: ch.lastSqlError || ch.lastIoError || null,
      });
    }
  }
  if (!reading.hasProcess) {
    problems.push({ severity: 'warning', message: 'Grant PROCESS to the monitoring user: without it only its own sessions are listed' });
  }
  return {
    family: 'mysql',
    identity: {
      name,
      version: variables.get('version') ?? null,
      // version_comment is the build ("Debian 12", "MySQL Community Server - GPL"), not the product.
      product: /mariadb/i.test(variables.get('version') ?? '') ? 'MariaDB' : variables.has('version') ? 'MySQL' : null,
      build: variables.get('version_comment') ?? null,
      readOnly: variables.get('read_only') ?? null,
      maxConnections,
      maxUsedConnections: num(status, 'Max_used_connections'),
      connected,
      bufferPoolBytes: num(variables, 'innodb_buffer_pool_size'),
      bufferPoolPages: pagesTotal,
      bufferPoolPagesData: pagesData,
      longQueryTime: num(variables, 'long_query_time'),
      replication: replicationText,
      responseMs: reading.responseMs,
    },
    metrics: m.values,
    tables: {
      replicas,
      sessions: reading.sessions.map((s) => ({ user: s.user, db: s.db, command: s.command, count: s.count, maxSeconds: s.maxSeconds })),
    },
    problems,
    uptimeSeconds: uptime,
  };
}
