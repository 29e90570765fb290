import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { MysqlSettingsSchema, type MysqlSettings } from '../../../src/shared/kinds/mysql';
import { mysqlService } from '../../../src/main/core/pollers/mysql/mysql-source';
import type { ServiceTarget } from '../../../src/main/core/pollers/service-target';
import type { DevicePoller, PollResult, SourceDeps } from '../../../src/main/core/pollers/source';
import { systemClock } from '../../../src/main/core/ports';
import { freeTcpPort } from '../../helpers/free-port';
import { mariadbMissing, startMariadb, type MariadbPeer } from '../../helpers/mariadb';
import { waitUntil } from '../../helpers/wait-until';
import { missingPeer } from '../../helpers/peer';
import { hasOpenssl, selfSignedCertificate } from '../../helpers/smtp';

const deps: SourceDeps = { clock: systemClock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
const never = new AbortController().signal;
const MONITOR_PASSWORD = 'monitor-pass-1';

function target(port: number, settings: Partial<MysqlSettings> = {}, password: string | null = MONITOR_PASSWORD): ServiceTarget<MysqlSettings> {
  return { name: 'db', host: '127.0.0.1', port, settings: MysqlSettingsSchema.parse({ user: 'vigie', ...settings }), password };
}

function metric(r: PollResult, name: string, instance = ''): number | undefined {
  return r.metrics.find((m) => m.name === name && m.instance === instance)?.value;
}

async function globalStatus(c: Connection, name: string): Promise<number> {
  const [rows] = await c.query<RowDataPacket[]>('SHOW GLOBAL STATUS LIKE ?', [name]);
  return Number(rows[0]?.Value);
}

describe.skipIf(missingPeer('mariadb', mariadbMissing()))('MySQL / MariaDB source against a real MariaDB', () => {
  let primary: MariadbPeer;
  let root: Connection;
  const extra: Connection[] = [];

  beforeAll(async () => {
    primary = await startMariadb({ args: ['--log-bin=binlog', '--server-id=1'] });
    root = await primary.root();
    await root.query(
      [
        `CREATE USER vigie@'%' IDENTIFIED BY '${MONITOR_PASSWORD}'`,
        "GRANT PROCESS, SLAVE MONITOR ON *.* TO vigie@'%'",
        "CREATE USER plain@'%' IDENTIFIED BY 'plain-pass'",
        "CREATE USER repl@'%' IDENTIFIED BY 'repl-pass'",
        "GRANT REPLICATION SLAVE ON *.* TO repl@'%'",
        'CREATE DATABASE app',
        'CREATE TABLE app.t (id INT PRIMARY KEY, v INT)',
      ].join(';'),
    );
  });

  afterAll(async () => {
    for (const c of extra) await c.end().catch(() => undefined);
    await root?.end().catch(() => undefined);
    await primary?.dispose();
  });

  it('counts open connections as the server does and reads max_connections and the buffer pool', async () => {
    const before = await mysqlService.open(target(primary.port), deps).poll(never);
    for (let i = 0; i < 5; i++) extra.push(await primary.root());
    const after = await mysqlService.open(target(primary.port), deps).poll(never);
    // The poll's own connection is counted both times; nothing else connects to this private server.
    expect(metric(after, 'mysql.threads.connected')).toBe((metric(before, 'mysql.threads.connected') ?? NaN) + 5);
    const [[vars]] = await root.query<RowDataPacket[]>('SELECT @@max_connections AS max');
    expect(metric(after, 'mysql.connections.max')).toBe(Number(vars?.max));
    expect(metric(after, 'mysql.connections.used')).toBeCloseTo(((metric(after, 'mysql.threads.connected') ?? 0) / Number(vars?.max)) * 100, 6);
    expect(after.identity.bufferPoolPages).toBe(await globalStatus(root, 'Innodb_buffer_pool_pages_total'));
    expect(metric(after, 'mysql.innodb.buffer_pool.used')).toBeGreaterThan(0);
    expect(metric(after, 'mysql.connect.time')).toBeGreaterThan(0);
    expect(after.identity.replication).toBe('not a replica');
    expect(after.problems).toEqual([]);
    expect(after.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(after.tables.sessions?.some((s) => s.user === 'root' && Number(s.count) >= 6)).toBe(true);
  });

  it('turns Queries and Slow_queries into rates that move with the load', async () => {
    const poller = mysqlService.open(target(primary.port), deps);
    const t0 = Date.now();
    const first = await poller.poll(never);
    expect(metric(first, 'mysql.queries.rate')).toBeUndefined(); // a first sample is a gap, not a 0
    const q0 = await globalStatus(root, 'Queries');
    await root.query('SET SESSION long_query_time = 0');
    for (let i = 0; i < 300; i++) await root.query('SELECT ?', [i]);
    await root.query('SET SESSION long_query_time = 10');
    const q1 = await globalStatus(root, 'Queries');
    const second = await poller.poll(never);
    const seconds = (Date.now() - t0) / 1000;
    const queries = metric(second, 'mysql.queries.rate') ?? 0;
    const slow = metric(second, 'mysql.slow_queries.rate') ?? 0;
    expect(q1 - q0).toBeGreaterThanOrEqual(300);
    // The rate covers at least our 300 queries over the interval between the two polls.
    expect(queries).toBeGreaterThanOrEqual(300 / seconds);
    expect(slow).toBeGreaterThanOrEqual(300 / seconds);
    expect(slow).toBeLessThanOrEqual(queries);
    await poller.close();
  });

  it('says which grant is missing for a user without PROCESS and SLAVE MONITOR', async () => {
    const t = target(primary.port, { user: 'plain' }, 'plain-pass');
    const result = await mysqlService.test(t, deps, never);
    expect(result.ok).toBe(false);
    expect(result.stage).toBe('permission');
    expect(result.message).toContain('SLAVE MONITOR');
    expect(result.message).toContain('PROCESS');
    const poll = await mysqlService.open(t, deps).poll(never);
    expect(poll.identity.replication).toMatch(/missing .*SLAVE MONITOR/);
    expect(poll.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    // Figures that need no grant are still there.
    expect(metric(poll, 'mysql.threads.connected')).toBeGreaterThan(0);
  });

  it('tells a wrong password, a missing database, TLS required but absent and a refused port apart', async () => {
    const ok = await mysqlService.test(target(primary.port), deps, never);
    expect(ok).toMatchObject({ ok: true, stage: 'ok' });
    expect(ok.message).toMatch(/MariaDB|mariadb/i);

    const badPassword = await mysqlService.test(target(primary.port, {}, 'wrong'), deps, never);
    expect(badPassword).toMatchObject({ ok: false, stage: 'auth' });
    expect(badPassword.message).toContain('Authentication failed for user vigie');

    const noDb = await mysqlService.test(target(primary.port, { database: 'nope' }), deps, never);
    // MariaDB does not tell a user without rights whether a database exists.
    expect(noDb).toMatchObject({ ok: false, stage: 'database' });
    expect(noDb.message).toContain('Database nope does not exist on 127.0.0.1');
    expect(noDb.message).toContain('or user vigie has no privilege on it');

    const tls = await mysqlService.test(target(primary.port, { tls: { mode: 'require', caFile: null, certFile: null, keyFile: null } }), deps, never);
    expect(tls).toMatchObject({ ok: false, stage: 'tls' });
    expect(tls.message).toContain('does not offer it');

    const refused = await mysqlService.test(target(await freeTcpPort()), deps, never);
    expect(refused).toMatchObject({ ok: false, stage: 'refused' });
  });

  describe('a replica on the same machine', () => {
    let replica: MariadbPeer;
    let replicaRoot: Connection;
    let poller: DevicePoller;

    beforeAll(async () => {
      replica = await startMariadb({ args: ['--server-id=2'] });
      replicaRoot = await replica.root();
      await replicaRoot.query(
        // The replica replays the primary's binary log from its start, users and grants included.
        [
          `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='repl', MASTER_PASSWORD='repl-pass', MASTER_USE_GTID=no`,
          'START SLAVE',
        ].join(';'),
      );
      poller = mysqlService.open(target(replica.port), deps);
    });

    afterAll(async () => {
      await poller?.close();
      await replicaRoot?.end().catch(() => undefined);
      await replica?.dispose();
    });

    it('reads IO and SQL threads and the lag, and sees a stopped SQL thread', async () => {
      await root.query('INSERT INTO app.t VALUES (1, 1)');
      const source = `127.0.0.1:${primary.port}`;
      const running = await waitUntil(
        'the replica did not catch up',
        30_000,
        async () => {
          const r = await poller.poll(never).catch(() => null);
          if (!r) return null;
          const [rows] = await replicaRoot.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM app.t').catch(() => [[{ n: 0 }] as RowDataPacket[]]);
          // Caught up means the row replayed AND a lag of 0: while the replica replays the primary's log from its
          // start (users, grants, the table), Seconds_Behind_Master reports the age of the event being applied.
          const caughtUp = Number(rows[0]?.n) === 1 && metric(r, 'mysql.replication.lag', source) === 0;
          return metric(r, 'mysql.replication.sql_running', source) === 1 && metric(r, 'mysql.replication.io_running', source) === 1 && caughtUp ? r : null;
        },
        () => '',
      );
      expect(running.identity.replication).toBe('replica');
      expect(metric(running, 'mysql.replication.lag', source)).toBe(0);
      expect(running.tables.replicas).toEqual([expect.objectContaining({ source, ioRunning: 'Yes', sqlRunning: 'Yes', state: 'ok' })]);

      await replicaRoot.query('STOP SLAVE SQL_THREAD');
      const stopped = await poller.poll(never);
      expect(metric(stopped, 'mysql.replication.sql_running', source)).toBe(0);
      expect(metric(stopped, 'mysql.replication.lag', source)).toBeUndefined(); // NULL lag: unknown, not 0
      expect(stopped.tables.replicas?.[0]).toMatchObject({ sqlRunning: 'No', state: 'critical' });
    });

    it('reads a replication lag that matches the replica\'s own Seconds_Behind_Master (delayed replica)', async () => {
      const source = `127.0.0.1:${primary.port}`;
      await replicaRoot.query('STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 30; START SLAVE');
      await root.query('INSERT INTO app.t VALUES (2, 2)');
      // The event waits out its 30 s delay on the replica: the lag grows from 0 while we poll.
      const lagging = await waitUntil('the delayed replica to fall behind', 30_000, async () => {
        const r = await poller.poll(never);
        return (metric(r, 'mysql.replication.lag', source) ?? 0) >= 2 ? r : null;
      });
      const [rows] = await replicaRoot.query<RowDataPacket[]>('SHOW SLAVE STATUS');
      const serverLag = Number(rows[0]?.Seconds_Behind_Master);
      const seen = metric(lagging, 'mysql.replication.lag', source) ?? NaN;
      expect(serverLag).toBeGreaterThanOrEqual(seen);
      expect(serverLag - seen).toBeLessThanOrEqual(3);
      expect(lagging.tables.replicas?.[0]).toMatchObject({ ioRunning: 'Yes', sqlRunning: 'Yes', state: 'ok', secondsBehind: seen });
    });

    it('reports a stopped server as refused', async () => {
      await replica.stop();
      await expect(poller.poll(never)).rejects.toMatchObject({ stage: 'refused' });
    });
  });
});

describe.skipIf(missingPeer('mariadb', mariadbMissing()) || missingPeer('openssl', hasOpenssl ? null : 'openssl not found'))('MySQL source over TLS', () => {
  let server: MariadbPeer;
  let dir: string;
  let ca: string;
  let otherCa: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-mysql-tls-'));
    ca = selfSignedCertificate(dir, 'mariadb').certPath;
    otherCa = selfSignedCertificate(dir, 'other').certPath;
    server = await startMariadb({ args: [`--ssl-cert=${ca}`, `--ssl-key=${join(dir, 'mariadb-key.pem')}`, '--require-secure-transport=ON'] });
    const root = await server.root({ ssl: { rejectUnauthorized: false } });
    await root.query(`CREATE USER vigie@'%' IDENTIFIED BY '${MONITOR_PASSWORD}'; GRANT PROCESS, SLAVE MONITOR ON *.* TO vigie@'%'`);
    await root.end();
  });

  afterAll(async () => {
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects with TLS required or verified, and names an untrusted certificate and a plain connection refused', async () => {
    const tls = (mode: 'none' | 'require' | 'verify', caFile: string | null = null): Partial<MysqlSettings> => ({ tls: { mode, caFile, certFile: null, keyFile: null } });
    expect(await mysqlService.test(target(server.port, tls('require')), deps, never)).toMatchObject({ ok: true, stage: 'ok' });
    expect(await mysqlService.test(target(server.port, tls('verify', ca)), deps, never)).toMatchObject({ ok: true, stage: 'ok' });

    const untrusted = await mysqlService.test(target(server.port, tls('verify', otherCa)), deps, never);
    expect(untrusted).toMatchObject({ ok: false, stage: 'tls-untrusted' });
    expect(untrusted.message).toContain('is not trusted');

    const plain = await mysqlService.test(target(server.port, tls('none')), deps, never);
    expect(plain).toMatchObject({ ok: false, stage: 'tls' });
    expect(plain.message).toContain('accepts this login only over TLS');
    // A wrong password stays a wrong password on a TLS-only server.
    expect(await mysqlService.test(target(server.port, tls('require'), 'wrong'), deps, never)).toMatchObject({ ok: false, stage: 'auth' });
  });
});
