import type { MetricValue } from '../../../src/shared/contract/devices';
import type { Comparison, Rule } from '../../../src/main/core/alerting/rule';
import type { DevicePoller, PollResult } from '../../../src/main/core/pollers/source';
import { snmpFamily } from '../../../src/main/core/pollers/snmp/families';
import { createSnmpSession } from '../../../src/main/core/pollers/snmp/session/net-snmp-session';
import type { SnmpSession } from '../../../src/main/core/pollers/snmp/session/types';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import type { SnmpsimPeer } from '../../helpers/snmpsim';
import { snmpTarget, testDeps } from './engine-target';

export { metric } from './engine-target';

/**
 * Shared by the family integration tests: a device pointing at one recording served by snmpsim, polled by
 * the real SNMP source (detection among every registered family, then the family's poll), plus a raw
 * session to read objects the way a test computes its expectations, and the default rules applied to a
 * poll's metrics. A poller is kept open across polls (counters need two samples).
 */
export function openPoller(peer: SnmpsimPeer, recording: string): DevicePoller {
  return snmpSource.open(snmpTarget({ port: peer.port, community: peer.community(recording), timeoutMs: 5000 }), testDeps());
}

/** One poll through the engine, family detected. */
export async function pollOnce(peer: SnmpsimPeer, recording: string): Promise<PollResult> {
  const poller = openPoller(peer, recording);
  try {
    return await poller.poll(AbortSignal.timeout(60_000));
  } finally {
    await poller.close();
  }
}

export function rawSession(peer: SnmpsimPeer, recording: string): SnmpSession {
  return createSnmpSession({ host: '127.0.0.1', port: peer.port, version: '2c', community: peer.community(recording), timeoutMs: 5000, retries: 1 });
}

export function rulesOf(familyId: string): Rule[] {
  const family = snmpFamily(familyId);
  if (!family) throw new Error(`family ${familyId} is not registered`);
  return family.rules;
}

function compare(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

export type RuleState = 'ok' | 'warning' | 'critical';

/**
 * Default rules applied to one poll's metrics, instantly (a `forSeconds` rule is treated as already held):
 * "ruleId|instance" → state. Enough to check that a family's figures cross its own thresholds; the real
 * alert engine (durations, hysteresis) is the monitor's.
 */
export function evaluateRules(rules: readonly Rule[], metrics: readonly MetricValue[]): Map<string, RuleState> {
  const out = new Map<string, RuleState>();
  for (const rule of rules) {
    for (const m of metrics) {
      if (m.name !== rule.metric) continue;
      if (rule.instance && rule.instance !== '*' && rule.instance !== m.instance) continue;
      let state: RuleState = 'ok';
      if (rule.critical !== undefined && compare(m.value, rule.op, rule.critical)) state = 'critical';
      else if (rule.warning !== undefined && compare(m.value, rule.op, rule.warning)) state = 'warning';
      out.set(`${rule.id}|${m.instance}`, state);
    }
  }
  return out;
}

/** Only the rule results that are not ok, sorted, for exact comparisons. */
export function raised(states: Map<string, RuleState>): [string, RuleState][] {
  return [...states].filter(([, s]) => s !== 'ok').sort(([a], [b]) => a.localeCompare(b));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The settings of a snmpsim `numeric` variation line ("initial=…,rate=…,wrap=1"). */
export function variation(value: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (value ?? '').split(',')) {
    const [k, v] = part.split('=');
    if (k && v !== undefined) out[k] = Number(v);
  }
  return out;
}
