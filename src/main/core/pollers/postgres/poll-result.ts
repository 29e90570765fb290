import { CounterRates } from '../counter-rates';
import { MetricList } from '../metric-list';
import type { PollResult, Row } from '../source';
import type { PostgresStats } from './read-stats';

export const MISSING_GRANT = 'pg_monitor';

/**
 * Stats → what the page shows. Counters (commits, rollbacks, block reads and hits, deadlocks, temp files)
 * become rates through CounterRates, with the server's uptime telling a restart (or a stats reset that
 * restarts nothing: a counter going backwards without a restart is refused as implausible) from traffic.
 */
export class PostgresFigures {
  private readonly rates = new CounterRates();

  result(s: PostgresStats, at: number): PollResult {
    const uptime = Math.max(0, (at - s.startedAt) / 1000);
    const rate = (key: string, value: bigint): number | null => this.rates.rate(key, { value, at, bits: 64, agentUptime: uptime });
    const m = new MetricList();
    m.add('pg.response.ms', s.responseMs, 'milliseconds');
    const total = s.connections.reduce((n, c) => n + c.count, 0);
    m.add('pg.connections.total', total, 'count');
    m.add('pg.connections.max', s.maxConnections, 'count');
    m.add('pg.connections.percent', s.maxConnections > 0 ? (total / s.maxConnections) * 100 : null, 'percent');
    for (const c of s.connections) m.add('pg.connections', c.count, 'count', c.state);

    const sum = (pick: (d: PostgresStats['databases'][number]) => bigint): bigint => s.databases.reduce((n, d) => n + pick(d), 0n);
    const commits = rate('commits', sum((d) => d.commits));
    const rollbacks = rate('rollbacks', sum((d) => d.rollbacks));
    const hits = rate('hits', sum((d) => d.blocksHit));
    const reads = rate('reads', sum((d) => d.blocksRead));
    m.add('pg.commits.rate', commits, 'perSecond');
    m.add('pg.rollbacks.rate', rollbacks, 'perSecond');
    m.add('pg.cache.hit.percent', hitPercent(hits, reads, sum((d) => d.blocksHit), sum((d) => d.blocksRead)), 'percent');
    m.add('pg.deadlocks.rate', rate('deadlocks', sum((d) => d.deadlocks)), 'perSecond');
    m.add('pg.temp.files.rate', rate('tempFiles', sum((d) => d.tempFiles)), 'perSecond');
    m.add('pg.temp.bytes.rate', rate('tempBytes', sum((d) => d.tempBytes)), 'bytesPerSecond');

    const databases: Row[] = s.databases.map((d) => {
      const dbCommits = rate(`commits|${d.name}`, d.commits);
      const dbRollbacks = rate(`rollbacks|${d.name}`, d.rollbacks);
      const dbHits = rate(`hits|${d.name}`, d.blocksHit);
      const dbReads = rate(`reads|${d.name}`, d.blocksRead);
      m.add('pg.database.size', d.sizeBytes, 'bytes', d.name);
      return {
        name: d.name,
        sizeBytes: d.sizeBytes,
        connections: d.backends,
        commitsPerSecond: dbCommits,
        rollbacksPerSecond: dbRollbacks,
        cacheHitPercent: hitPercent(dbHits, dbReads, d.blocksHit, d.blocksRead),
        deadlocks: Number(d.deadlocks),
        tempFiles: Number(d.tempFiles),
        tempBytes: Number(d.tempBytes),
      };
    });

    if (s.replica) {
      m.add('pg.replication.lag.bytes', s.replica.lagBytes, 'bytes');
      m.add('pg.replication.lag.seconds', s.replica.lagSeconds, 'seconds');
    }
    const replicas: Row[] = s.replicas.map((r) => ({
      name: r.name,
      client: r.client,
      state: r.state,
      syncState: r.syncState,
      lagBytes: r.lagBytes,
      replayLagSeconds: r.replayLagSeconds,
      health: r.state === 'streaming' ? 'ok' : r.state === null ? 'unknown' : 'warning',
    }));
    for (const r of s.replicas) m.add('pg.replica.lag.bytes', r.lagBytes, 'bytes', r.name);

    const problems: PollResult['problems'] = [];
    if (!s.canReadAllStats)
      problems.push({
        severity: 'warning',
        message: `User "${s.user}" lacks the ${MISSING_GRANT} role: states of other users' sessions and replication positions are hidden (GRANT ${MISSING_GRANT} TO "${s.user}")`,
      });
    for (const r of s.replicas)
      if (r.state !== null && r.state !== 'streaming') problems.push({ severity: 'warning', message: `Replica ${r.name || r.client || '?'} is ${r.state}, not streaming` });
    if (s.replica && s.replica.status !== null && s.replica.status !== 'streaming')
      problems.push({ severity: 'critical', message: `This replica's WAL receiver is ${s.replica.status}, not streaming` });

    return {
      family: 'postgres',
      identity: {
        version: s.version,
        role: s.inRecovery ? 'replica' : 'primary',
        database: s.database,
        user: s.user,
        tls: s.tls,
        maxConnections: s.maxConnections,
        startedAt: s.startedAt,
        missingGrant: s.canReadAllStats ? null : MISSING_GRANT,
        ...(s.replica && { primary: s.replica.senderHost }),
      },
      metrics: m.values,
      tables: { databases, connections: s.connections.map((c) => ({ state: c.state, count: c.count })), replicas },
      problems,
      uptimeSeconds: uptime,
    };
  }
}

/** Over the last interval when rates exist (what the cache does now), else since the stats were reset. */
function hitPercent(hits: number | null, reads: number | null, totalHits: bigint, totalReads: bigint): number | null {
  if (hits !== null && reads !== null) return hits + reads > 0 ? (hits / (hits + reads)) * 100 : null;
  const all = totalHits + totalReads;
  return all > 0n ? (Number(totalHits) / Number(all)) * 100 : null;
}
