import type { CheckState, MetricValue } from '../../../shared/contract/devices';
import type { State } from '../../../shared/states';
import type { Unit } from '../../../shared/units';
import type { Comparison, PollResult, Rule } from '../pollers/source';

export const CREDENTIAL_CHECK_ID = 'credential';

const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

const SUFFIX: Partial<Record<Unit, string>> = {
  percent: ' %',
  celsius: ' °C',
  volts: ' V',
  seconds: ' s',
  milliseconds: ' ms',
  perSecond: '/s',
  hertz: ' Hz',
  megahertz: ' MHz',
  watts: ' W',
  amperes: ' A',
};

export function formatForMessage(value: number, unit: Unit): string {
  if (unit === 'bytes') {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1024 && i < units.length - 1) {
      v /= 1024;
      i += 1;
    }
    return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
  }
  const rounded = Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded}${SUFFIX[unit] ?? ''}`;
}

function severity(rule: Rule, value: number): State {
  if (rule.critical !== undefined && COMPARE[rule.op](value, rule.critical)) return 'critical';
  if (rule.warning !== undefined && COMPARE[rule.op](value, rule.warning)) return 'warning';
  return 'ok';
}

/**
 * Evaluates a family's default rules against one poll. Keeps, per check, when its current state began and
 * when a breach began, so that "for 10 min" rules stay OK (pending) until the breach has lasted that long.
 * Hysteresis, per-device overrides and notifications arrive with the alerting issue and build on this.
 */
export class RuleEvaluator {
  private readonly since = new Map<string, { state: State; since: number }>();
  private readonly breachSince = new Map<string, number>();

  evaluate(deviceId: string, rules: readonly Rule[], poll: PollResult, now: number): CheckState[] {
    const checks: CheckState[] = [{ id: 'reachability', label: 'Reachability', state: 'ok', message: 'answers', value: null, since: now }];
    for (const rule of rules) {
      const matching = poll.metrics.filter(
        (m: MetricValue) => m.name === rule.metric && (!rule.instance || rule.instance === '*' || rule.instance === m.instance),
      );
      for (const m of matching) {
        const id = m.instance ? `${rule.id}:${m.instance}` : rule.id;
        const label = m.instance ? `${rule.label} (${m.instance})` : rule.label;
        let state = severity(rule, m.value);
        const key = `${deviceId}|${id}`;
        let pending = '';
        if (state !== 'ok' && rule.forSeconds) {
          const started = this.breachSince.get(key) ?? now;
          this.breachSince.set(key, started);
          if (now - started < rule.forSeconds * 1000) {
            pending = ` (for ${Math.round((now - started) / 1000)} s of ${rule.forSeconds} s)`;
            state = 'ok';
          }
        } else if (state === 'ok') {
          this.breachSince.delete(key);
        }
        const threshold = rule.critical !== undefined && state === 'critical' ? rule.critical : rule.warning ?? rule.critical;
        const message =
          state === 'ok'
            ? `${formatForMessage(m.value, m.unit)}${pending}`
            : `${formatForMessage(m.value, m.unit)} ${rule.op} ${threshold !== undefined ? formatForMessage(threshold, m.unit) : ''}`.trim();
        checks.push({ id, label, state, message, value: m.value, since: now });
      }
    }
    poll.problems.forEach((p, i) => {
      checks.push({ id: `problem:${i}`, label: p.message, state: p.severity, message: p.message, value: null, since: now });
    });
    return checks.map((c) => this.stamp(deviceId, c));
  }

  /** The check for a device that could not be polled at all. */
  unreachable(deviceId: string, message: string, now: number): CheckState[] {
    return [this.stamp(deviceId, { id: 'reachability', label: 'Reachability', state: 'unknown', message, value: null, since: now })];
  }

  /** A device that cannot be polled for want of its credential: not unreachable, and said so. */
  credentialMissing(deviceId: string, message: string, now: number): CheckState[] {
    return [this.stamp(deviceId, { id: CREDENTIAL_CHECK_ID, label: 'Credential', state: 'unknown', message, value: null, since: now })];
  }

  private stamp(deviceId: string, check: CheckState): CheckState {
    const key = `${deviceId}|${check.id}`;
    const prev = this.since.get(key);
    if (prev && prev.state === check.state) return { ...check, since: prev.since };
    this.since.set(key, { state: check.state, since: check.since });
    return check;
  }

  forget(deviceId: string): void {
    const prefix = `${deviceId}|`;
    for (const k of this.since.keys()) if (k.startsWith(prefix)) this.since.delete(k);
    for (const k of this.breachSince.keys()) if (k.startsWith(prefix)) this.breachSince.delete(k);
  }
}
