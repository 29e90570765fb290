import type { TestResult } from '../../../../shared/contract/devices';
import { PollError, type DevicePoller, type DeviceTarget, type Source, type SourceDeps } from '../source';
import { classify, newClient } from './connect';
import { MISSING_GRANT, PostgresFigures } from './poll-result';
import { readStats, type PostgresStats } from './read-stats';

/** One session per poll: the response time includes the connection, as a client would see it. */
async function session(target: DeviceTarget, deps: SourceDeps, signal: AbortSignal): Promise<PostgresStats> {
  const started = deps.clock.now();
  let client;
  try {
    client = newClient(target);
  } catch (error) {
    throw classify(error, target);
  }
  // A late error event (server gone mid-poll) must not become an unhandled 'error'.
  client.on('error', () => undefined);
  const abort = (): void => void client.end().catch(() => undefined);
  signal.addEventListener('abort', abort, { once: true });
  try {
    await client.connect();
    return await readStats(client, started, () => deps.clock.now());
  } catch (error) {
    throw classify(error, target);
  } finally {
    signal.removeEventListener('abort', abort);
    await client.end().catch(() => undefined);
  }
}

class PostgresPoller implements DevicePoller {
  private readonly figures = new PostgresFigures();

  constructor(
    private readonly target: DeviceTarget,
    private readonly deps: SourceDeps,
  ) {}

  async poll(signal: AbortSignal) {
    const stats = await session(this.target, this.deps, signal);
    return this.figures.result(stats, this.deps.clock.now());
  }

  async close(): Promise<void> {}
}

export const postgresSource: Source = {
  kind: 'postgres',
  async test(target, deps, signal): Promise<TestResult> {
    const started = deps.clock.now();
    const done = (r: Omit<TestResult, 'durationMs' | 'certificate'>): TestResult => ({ ...r, durationMs: deps.clock.now() - started, certificate: null });
    try {
      const stats = await session(target, deps, signal);
      const identity = new PostgresFigures().result(stats, deps.clock.now()).identity;
      if (!stats.canReadAllStats)
        return done({
          ok: false,
          stage: 'permission',
          message: `Connected as "${stats.user}" (PostgreSQL ${stats.version}), but this user lacks the ${MISSING_GRANT} role: pg_stat_activity of other users and pg_stat_replication are hidden. Run: GRANT ${MISSING_GRANT} TO "${stats.user}";`,
          detected: { family: 'postgres', identity },
        });
      return done({
        ok: true,
        stage: 'ok',
        message: `PostgreSQL ${stats.version} (${stats.inRecovery ? 'replica' : 'primary'}), ${stats.databases.length} databases, answered in ${Math.round(stats.responseMs)} ms${stats.tls ? ' over TLS' : ''}`,
        detected: { family: 'postgres', identity },
      });
    } catch (error) {
      const e = error instanceof PollError ? error : classify(error, target);
      return done({ ok: false, stage: e.stage, message: e.message, detected: null });
    }
  },
  open: (target, deps) => new PostgresPoller(target, deps),
};
