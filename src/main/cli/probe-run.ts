import { setTimeout as sleep } from 'node:timers/promises';
import type { DeviceSnapshot } from '../../shared/contract/devices';
import { worstState } from '../../shared/states';
import { defaultAlertingConfig } from '../core/alerting/alerting-config';
import { AlertEngine } from '../core/alerting/engine';
import type { Logger } from '../core/ports';
import { PollError, type FamilyModule, type Source } from '../core/pollers/source';
import { withUptimeMetric } from '../core/pollers/uptime-metric';
import type { ProbeConfig } from './probe-options';

/** What `vigie probe` prints: the shape of DeviceSnapshot without its time stamp. */
export type ProbeReport = Omit<DeviceSnapshot, 'at'>;

export interface ProbeDeps {
  source: Source;
  families: readonly FamilyModule[];
  log: Logger;
  now?: () => number;
}

/**
 * Polls the device once (twice, `intervalSeconds` apart, for rates), then judges it with its family's
 * default rules as the monitor would. A poll that fails is explained by Test connection, which says which
 * of DNS, port, community, v3 auth or privacy is wrong.
 */
export async function runProbe(config: ProbeConfig, deps: ProbeDeps, signal: AbortSignal): Promise<ProbeReport> {
  const now = deps.now ?? Date.now;
  const sourceDeps = { clock: { now }, log: deps.log };
  const poller = deps.source.open(config.target, sourceDeps);
  let result;
  try {
    result = withUptimeMetric(await poller.poll(signal));
    if (config.intervalSeconds !== null) {
      await sleep(config.intervalSeconds * 1000, undefined, { signal });
      result = withUptimeMetric(await poller.poll(signal));
    }
  } catch (error) {
    if (error instanceof PollError && error.stage === 'timeout' && !signal.aborted) {
      const diagnosis = await deps.source.test(config.target, sourceDeps, signal);
      if (!diagnosis.ok) throw new PollError(diagnosis.stage, diagnosis.message);
    }
    throw error;
  } finally {
    await poller.close();
  }
  const family = deps.families.find((f) => f.descriptor.id === result.family);
  // The family's default rules, judged as the monitor's engine does (one check per condition), without memory.
  const engine = new AlertEngine({ config: defaultAlertingConfig, defaults: () => family?.rules ?? [], notifier: { send: () => undefined }, log: deps.log });
  const host = config.target.device.host;
  const checks = engine.evaluate({ id: host, name: host, group: '', family: result.family }, result, now());
  const problems: ProbeReport['problems'] = checks.flatMap((c) =>
    c.state === 'ok' ? [] : [{ severity: c.state, message: c.id.startsWith('problem:') ? c.message : `${c.label}: ${c.message}` }],
  );
  return {
    family: result.family,
    identity: result.identity,
    metrics: result.metrics,
    tables: result.tables,
    state: worstState(checks.map((c) => c.state)),
    problems,
  };
}
