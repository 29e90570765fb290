import type { AlertChange, MaintenanceWindow } from '../../../shared/contract/alerting';
import type { CheckState, MetricValue } from '../../../shared/contract/devices';
import { worstState, type State } from '../../../shared/states';
import { silentLogger } from '../log/file-logger';
import type { AlertCheckStore } from '../events/alert-check-store';
import type { PollResult } from '../pollers/source';
import { defaultAlertingConfig, type AlertingConfig } from './alerting-config';
import { AlertEngine, type AlertDevice } from './engine';
import type { IncidentPort } from './ports';
import type { Rule } from './rule';

/**
 * Drives the engine as the monitor does (evaluate, then settle with the recorded state) with a fake clock,
 * for the engine's unit and property tests.
 */
export interface Harness {
  engine: AlertEngine;
  sent: AlertChange[];
  cfg: AlertingConfig;
  now(): number;
  advance(ms: number): void;
  /** One answered poll with these metric values; returns the device's checks. */
  poll(metrics: MetricValue[], problems?: PollResult['problems'], device?: AlertDevice): CheckState[];
  /** One failed poll (unreachable). */
  fail(message: string, device?: AlertDevice): CheckState[];
  state(device?: AlertDevice): State | null;
}

export const DEVICE: AlertDevice = { id: 'srv-1', name: 'srv-1', group: 'servers', family: 'test' };

export function harness(opts: {
  rules: Rule[];
  start?: number;
  store?: AlertCheckStore;
  incidents?: IncidentPort;
  maintenance?: MaintenanceWindow[];
  config?: (c: AlertingConfig) => AlertingConfig;
}): Harness {
  let now = opts.start ?? Date.UTC(2026, 0, 5, 12, 0, 0);
  const sent: AlertChange[] = [];
  let cfg = defaultAlertingConfig();
  if (opts.maintenance) cfg = { ...cfg, maintenance: opts.maintenance };
  if (opts.config) cfg = opts.config(cfg);
  const recorded = new Map<string, State | null>();
  const h: Harness = {
    engine: new AlertEngine({
      ...(opts.store ? { store: opts.store } : {}),
      config: () => h.cfg,
      defaults: () => opts.rules,
      notifier: { send: (c) => void sent.push(c) },
      ...(opts.incidents ? { incidents: opts.incidents } : {}),
      log: silentLogger,
    }),
    sent,
    cfg,
    now: () => now,
    advance: (ms) => void (now += ms),
    poll(metrics, problems = [], device = DEVICE) {
      const poll: PollResult = { family: device.family, identity: {}, metrics, tables: {}, problems, uptimeSeconds: null };
      const checks = h.engine.evaluate(device, poll, now);
      settle(device, checks);
      return checks;
    },
    fail(message, device = DEVICE) {
      const checks = h.engine.unreachable(device, message, now);
      settle(device, checks);
      return checks;
    },
    state: (device = DEVICE) => recorded.get(device.id) ?? null,
  };
  const settle = (device: AlertDevice, checks: CheckState[]): void => {
    const state = worstState(checks.map((c) => c.state));
    h.engine.settle(device, recorded.get(device.id) ?? null, state, now);
    recorded.set(device.id, state);
  };
  return h;
}

export const pct = (name: string, value: number, instance = ''): MetricValue => ({ name, instance, value, unit: 'percent' });
