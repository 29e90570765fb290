import { describe, expect, it } from 'vitest';
import { CounterRates } from '../counter-rates';
import type { PollResult } from '../source';
import type { MysqlReading } from './mysql-read';
import { mysqlPollResult } from './mysql-result';

function reading(status: Record<string, string>, replication: MysqlReading['replication'] = { kind: 'none' }, hasProcess = true): MysqlReading {
  return {
    connectMs: 2.5,
    responseMs: 3.25,
    status: new Map(Object.entries({ Uptime: '1000', Threads_connected: '40', Threads_running: '3', Innodb_buffer_pool_pages_data: '300', Innodb_buffer_pool_pages_total: '1000', ...status })),
    variables: new Map([['max_connections', '50'], ['version', '10.11.19-MariaDB'], ['version_comment', 'Debian 12']]),
    replication,
    hasProcess,
    sessions: [],
  };
}

const value = (r: PollResult, name: string, instance = ''): number | undefined => r.metrics.find((m) => m.name === name && m.instance === instance)?.value;

describe('MySQL poll result', () => {
  it('turns counters into rates from the second poll, and connections and pool into percentages', () => {
    const rates = new CounterRates();
    const first = mysqlPollResult(reading({ Queries: '1000', Slow_queries: '10', Aborted_connects: '0' }), rates, 0, 'db');
    expect(value(first, 'mysql.queries.rate')).toBeUndefined();
    const second = mysqlPollResult(reading({ Uptime: '1060', Queries: '7000', Slow_queries: '70', Aborted_connects: '6' }), rates, 60_000, 'db');
    expect(value(second, 'mysql.queries.rate')).toBe(100);
    expect(value(second, 'mysql.slow_queries.rate')).toBe(1);
    expect(value(second, 'mysql.aborted_connects.rate')).toBe(0.1);
    expect(value(second, 'mysql.connections.used')).toBe(80);
    expect(value(second, 'mysql.innodb.buffer_pool.used')).toBe(30);
    expect(second.uptimeSeconds).toBe(1060);
    expect(second.identity).toMatchObject({ replication: 'not a replica', maxConnections: 50, version: '10.11.19-MariaDB', product: 'MariaDB', build: 'Debian 12' });
  });

  it('gives a gap, not a negative rate, after a server restart', () => {
    const rates = new CounterRates();
    mysqlPollResult(reading({ Queries: '900000' }), rates, 0, 'db');
    const after = mysqlPollResult(reading({ Uptime: '30', Queries: '500' }), rates, 60_000, 'db');
    expect(value(after, 'mysql.queries.rate')).toBeUndefined();
  });

  it('reads a replica with a stopped SQL thread and an unknown lag', () => {
    const r = mysqlPollResult(
      reading({}, { kind: 'replica', channels: [{ source: 'db1:3306', ioRunning: 'Yes', sqlRunning: 'No', secondsBehind: null, lastIoError: '', lastSqlError: 'Duplicate entry' }] }),
      new CounterRates(),
      0,
      'db',
    );
    expect(value(r, 'mysql.replication.io_running', 'db1:3306')).toBe(1);
    expect(value(r, 'mysql.replication.sql_running', 'db1:3306')).toBe(0);
    expect(value(r, 'mysql.replication.lag', 'db1:3306')).toBeUndefined();
    expect(r.tables.replicas).toEqual([{ source: 'db1:3306', ioRunning: 'Yes', sqlRunning: 'No', secondsBehind: null, state: 'critical', lastError: 'Duplicate entry' }]);
  });

  it('names the missing grants as problems', () => {
    const r = mysqlPollResult(reading({}, { kind: 'denied', privileges: 'SUPER, SLAVE MONITOR' }, false), new CounterRates(), 0, 'db');
    expect(r.identity.replication).toBe('unknown (missing SUPER, SLAVE MONITOR)');
    expect(r.problems.map((p) => p.message)).toEqual([
      'Replication state unreadable: grant SUPER, SLAVE MONITOR to the monitoring user',
      'Grant PROCESS to the monitoring user: without it only its own sessions are listed',
    ]);
  });
});
