import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { PostgresSettingsSchema } from '../../../src/shared/kinds/postgres';
import type { PostgresSettings } from '../../../src/shared/kinds/postgres';
import { postgresSource } from '../../../src/main/core/pollers/postgres';
import { PollError, type DeviceTarget, type PollResult, type SourceDeps } from '../../../src/main/core/pollers/source';
import { systemClock } from '../../../src/main/core/ports';
import { missingPeer } from '../../helpers/peer';
import { PG_PASSWORD, postgresMissing, startPostgres, type PostgresPeer } from '../../helpers/postgres';
import { waitUntil } from '../../helpers/wait-until';

const deps: SourceDeps = { clock: systemClock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
const never = new AbortController().signal;

function target(port: number, settings: Partial<PostgresSettings> = {}, password: string | null = PG_PASSWORD): DeviceTarget {
  return {
    device: {
      name: 'pg',
      kind: 'postgres',
      family: 'auto',
      host: '127.0.0.1',
      port,
      intervalSeconds: 60,
      enabled: true,
      snmp: null,
      vsphere: null,
      http: null,
      postgres: PostgresSettingsSchema.parse(settings),
      watchedProcesses: [],
      parentId: null,
    },
    secret: password === null ? null : { password },
  };
}

const metric = (r: PollResult, name: string, instance = ''): number | undefined => r.metrics.find((m) => m.name === name && m.instance === instance)?.value;

async function pollError(t: DeviceTarget): Promise<PollError> {
  const e: unknown = await postgresSource.open(t, deps).poll(never).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(PollError);
  return e as PollError;
}

describe.skipIf(missingPeer('postgresql', postgresMissing()))('PostgreSQL source against a real server', () => {
  let primary: PostgresPeer;
  let root: pg.Client;
  const extra: pg.Client[] = [];

  beforeAll(async () => {
    primary = await startPostgres();
    root = await primary.root();
    await root.query("CREATE ROLE monitor LOGIN PASSWORD 'monitor-pw' IN ROLE pg_monitor");
    await root.query("CREATE ROLE plain LOGIN PASSWORD 'plain-pw'");
    await root.query('CREATE DATABASE sized');
  }, 120_000);

  afterAll(async () => {
    for (const c of extra) await c.end().catch(() => undefined);
    await root?.end().catch(() => undefined);
    primary?.dispose();
  });

  it('reports the size of each database as pg_database_size does', async () => {
    const sized = await primary.root('sized');
    extra.push(sized);
    // About 8 MB of rows, so the size is clearly not an empty database's.
    await sized.query("CREATE TABLE t AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 30000) g");
    const truth = Number((await root.query<{ s: string }>("SELECT pg_database_size('sized') AS s")).rows[0]!.s);
    const r = await postgresSource.open(target(primary.port, { user: 'monitor' }, 'monitor-pw'), deps).poll(never);
    expect(truth).toBeGreaterThan(5_000_000);
    expect(metric(r, 'pg.database.size', 'sized')).toBe(truth);
    expect(r.tables.databases!.find((d) => d.name === 'sized')!.sizeBytes).toBe(truth);
    expect(r.identity.role).toBe('primary');
    expect(r.identity.maxConnections).toBe(40);
    expect(metric(r, 'pg.response.ms')).toBeGreaterThan(0);
  });

  it('counts N more open connections, and their share of max_connections', async () => {
    const poller = postgresSource.open(target(primary.port, { user: 'monitor' }, 'monitor-pw'), deps);
    const count = async (): Promise<number> =>
      Number((await root.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'client backend'")).rows[0]!.n);
    const before = await count();
    for (let i = 0; i < 6; i++) extra.push(await primary.root());
    const after = await count();
    expect(after).toBe(before + 6);
    const r = await poller.poll(never);
    // The poll's own session is one more client backend than the test's count.
    expect(metric(r, 'pg.connections.total')).toBe(after + 1);
    expect(metric(r, 'pg.connections.percent')).toBeCloseTo(((after + 1) / 40) * 100, 5);
    expect(metric(r, 'pg.connections', 'idle')).toBeGreaterThanOrEqual(6);
  });

  it('turns commits and rollbacks into rates that move with the load', async () => {
    const poller = postgresSource.open(target(primary.port, { user: 'monitor' }, 'monitor-pw'), deps);
    const first = await poller.poll(never);
    expect(metric(first, 'pg.commits.rate')).toBeUndefined(); // the first sample is a gap, never a spike
    const work = await primary.root('sized');
    extra.push(work);
    for (let i = 0; i < 200; i++) await work.query('SELECT 1');
    for (let i = 0; i < 50; i++) {
      await work.query('BEGIN');
      await work.query('ROLLBACK');
    }
    // pg_stat_database is fed by backends at transaction end with a short delay: poll until it shows.
    const second = await waitUntil('rates did not move', 30_000, async () => {
      const r = await poller.poll(never);
      return (metric(r, 'pg.rollbacks.rate') ?? 0) > 0 && (metric(r, 'pg.commits.rate') ?? 0) > 0 ? r : null;
    });
    expect(metric(second, 'pg.commits.rate')).toBeGreaterThan(0);
    expect(metric(second, 'pg.rollbacks.rate')).toBeGreaterThan(0);
    expect(metric(second, 'pg.cache.hit.percent')).toBeGreaterThan(0);
    expect(metric(second, 'pg.cache.hit.percent')).toBeLessThanOrEqual(100);
  });

  it('says which grant is missing for a user without pg_monitor (poll and Test connection)', async () => {
    extra.push(await primary.root()); // another user's session whose state is hidden from "plain"
    const t = target(primary.port, { user: 'plain' }, 'plain-pw');
    const r = await postgresSource.open(t, deps).poll(never);
    const truth = Number((await root.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'client backend'")).rows[0]!.n);
    expect(metric(r, 'pg.connections.total')).toBe(truth + 1);
    expect(r.identity.missingGrant).toBe('pg_monitor');
    expect(r.problems.map((p) => p.message).join()).toMatch(/lacks the pg_monitor role/);
    expect(metric(r, 'pg.connections', 'hidden')).toBeGreaterThan(0);
    const test = await postgresSource.test(t, deps, never);
    expect(test).toMatchObject({ ok: false, stage: 'permission' });
    expect(test.message).toMatch(/GRANT pg_monitor TO "plain"/);
    const good = await postgresSource.test(target(primary.port, { user: 'monitor' }, 'monitor-pw'), deps, never);
    expect(good).toMatchObject({ ok: true, stage: 'ok' });
  });

  it('tells a wrong password, a missing database and a server without TLS apart', async () => {
    const wrong = await pollError(target(primary.port, { user: 'monitor' }, 'nope'));
    expect(wrong.stage).toBe('auth');
    expect(wrong.message).toMatch(/wrong password/);
    const db = await pollError(target(primary.port, { user: 'monitor', database: 'nosuchdb' }, 'monitor-pw'));
    expect(db.stage).toBe('database');
    expect(db.message).toMatch(/"nosuchdb" does not exist/);
    const tls = await postgresSource.test(target(primary.port, { user: 'monitor', tls: { mode: 'require', caFile: null, certFile: null, keyFile: null } }, 'monitor-pw'), deps, never);
    expect(tls).toMatchObject({ ok: false, stage: 'tls' });
    expect(tls.message).toMatch(/does not support TLS/);
  });

  it('reports a refused connection once the server is stopped', async () => {
    const other = await startPostgres();
    other.stop();
    const e = await pollError(target(other.port));
    expect(e.stage).toBe('refused');
    expect(e.message).toMatch(/Connection refused/);
    other.dispose();
  });
});

describe.skipIf(missingPeer('postgresql', postgresMissing()))('PostgreSQL over TLS', () => {
  let server: PostgresPeer;
  beforeAll(async () => {
    server = await startPostgres({ tls: true, tlsOnly: true });
  }, 120_000);
  afterAll(() => server?.dispose());

  it('says TLS is required when the client does not use it, and connects when it does', async () => {
    const plain = await postgresSource.test(target(server.port), deps, never);
    expect(plain).toMatchObject({ ok: false, stage: 'tls' });
    expect(plain.message).toMatch(/requires TLS/);
    const required = await postgresSource.test(target(server.port, { tls: { mode: 'require', caFile: null, certFile: null, keyFile: null } }), deps, never);
    expect(required).toMatchObject({ ok: true, stage: 'ok' });
    expect(required.detected?.identity.tls).toBe(true);
  });

  it('verifies the certificate against a CA file, and says when it is not trusted', async () => {
    const verified = await postgresSource.test(target(server.port, { tls: { mode: 'verify', caFile: server.certFile, certFile: null, keyFile: null } }), deps, never);
    expect(verified).toMatchObject({ ok: true, stage: 'ok' });
    const untrusted = await postgresSource.test(
      target(server.port, { tls: { mode: 'verify', caFile: '/etc/ssl/certs/ca-certificates.crt', certFile: null, keyFile: null } }),
      deps,
      never,
    );
    expect(untrusted).toMatchObject({ ok: false, stage: 'tls' });
    expect(untrusted.message).toMatch(/not trusted/);
  });
});

describe.skipIf(missingPeer('postgresql', postgresMissing()))('PostgreSQL streaming replication', () => {
  let primary: PostgresPeer;
  let replica: PostgresPeer;
  beforeAll(async () => {
    primary = await startPostgres();
    replica = await startPostgres({ replicaOf: primary });
  }, 180_000);
  afterAll(() => {
    replica?.dispose();
    primary?.dispose();
  });

  it('shows the replica streaming on the primary, and the lag on the replica while replay is paused', async () => {
    const onPrimary = postgresSource.open(target(primary.port), deps);
    const streaming = await waitUntil('the replica did not stream', 60_000, async () => {
      const r = await onPrimary.poll(never);
      return r.tables.replicas?.some((x) => x.state === 'streaming') ? r : null;
    });
    expect(streaming.tables.replicas![0]!.health).toBe('ok');

    const rc = await replica.root();
    const pc = await primary.root();
    try {
      // A first transaction replayed gives the replica a last replay time to measure the lag from.
      await pc.query('CREATE TABLE before_pause (id int)');
      await waitUntil('the first transaction was not replayed', 60_000, async () =>
        (await rc.query<{ t: Date | null }>('SELECT pg_last_xact_replay_timestamp() AS t')).rows[0]!.t ? true : null,
      );
      await rc.query('SELECT pg_wal_replay_pause()');
      await pc.query('CREATE TABLE lagging AS SELECT g FROM generate_series(1, 20000) g');
      const onReplica = postgresSource.open(target(replica.port), deps);
      const lagging = await waitUntil('no lag seen on the replica', 60_000, async () => {
        const r = await onReplica.poll(never);
        return (metric(r, 'pg.replication.lag.bytes') ?? 0) > 0 && (metric(r, 'pg.replication.lag.seconds') ?? 0) > 0 ? r : null;
      });
      const truth = Number(
        (await rc.query<{ b: string }>('SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS b')).rows[0]!.b,
      );
      expect(lagging.identity.role).toBe('replica');
      expect(metric(lagging, 'pg.replication.lag.bytes')).toBe(truth);
      const onPrimaryLag = await onPrimary.poll(never);
      expect(onPrimaryLag.tables.replicas![0]!.lagBytes).toBeGreaterThan(0);
      await rc.query('SELECT pg_wal_replay_resume()');
      await waitUntil('the lag did not clear after resume', 60_000, async () => {
        const r = await onReplica.poll(never);
        return metric(r, 'pg.replication.lag.bytes') === 0 ? r : null;
      });
    } finally {
      await rc.end().catch(() => undefined);
      await pc.end().catch(() => undefined);
    }
  });
});
