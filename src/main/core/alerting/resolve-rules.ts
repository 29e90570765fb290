import type { AlertRule, EffectiveRule, RuleOverride } from '../../../shared/contract/alerting';
import type { AlertingConfig } from './alerting-config';
import type { Rule } from './rule';

/** A family's declared default as the rule an administrator sees and overrides (origin 'default'). */
export function toAlertRule(family: string, r: Rule): AlertRule {
  const flag = r.flagCode !== undefined;
  return {
    id: r.id,
    family,
    deviceId: null,
    label: r.label,
    labelCode: r.labelCode ?? null,
    metric: r.metric,
    instance: r.instance ?? '*',
    op: r.op,
    warning: r.warning ?? null,
    critical: r.critical ?? null,
    recovery: r.recovery ?? null,
    forSeconds: r.forSeconds ?? 0,
    renotifyMinutes: r.renotifyMinutes ?? 0,
    style: flag ? 'flag' : 'threshold',
    flagCode: r.flagCode ?? null,
    enabled: true,
    origin: 'default',
  };
}

function applyOverride(rule: AlertRule, o: RuleOverride): AlertRule {
  const next = { ...rule };
  if (o.enabled !== undefined) next.enabled = o.enabled;
  if (o.warning !== undefined) next.warning = o.warning;
  if (o.critical !== undefined) next.critical = o.critical;
  if (o.recovery !== undefined) next.recovery = o.recovery;
  if (o.forSeconds !== undefined) next.forSeconds = o.forSeconds;
  if (o.renotifyMinutes !== undefined) next.renotifyMinutes = o.renotifyMinutes;
  return next;
}

/** '*' every instance, '' the metric without instance, else a glob ('eth*', 'disk?'). */
export function instanceMatches(pattern: string, instance: string): boolean {
  if (pattern === '*') return true;
  if (pattern === '') return instance === '';
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(instance);
}

/** A rule as it applies to one device, ready for each instance (instance overrides last). */
export interface ResolvedRule {
  effective: EffectiveRule;
  forInstance(this: void, instance: string): AlertRule | null;
}

function appliesTo(o: RuleOverride, rule: AlertRule, family: string): boolean {
  return o.ruleId === rule.id && (o.family === family || o.family === rule.family);
}

/**
 * Precedence: the family's default → the family-wide override → the device's override → the instance's
 * override (family-wide for that instance, then the device's). Custom rules (the family's, '*' or this
 * device's own) follow the same overrides.
 */
export function resolveRules(
  family: string,
  deviceId: string | null,
  defaults: readonly AlertRule[],
  cfg: Pick<AlertingConfig, 'rules' | 'overrides'>,
): ResolvedRule[] {
  const custom = cfg.rules.filter((r) => (r.family === family || r.family === '*') && (r.deviceId === null || r.deviceId === deviceId));
  return [...defaults, ...custom].map((base) => {
    const mine = cfg.overrides.filter((o) => appliesTo(o, base, family));
    const familyWide = mine.find((o) => o.deviceId === null && o.instance === null);
    const device = deviceId === null ? undefined : mine.find((o) => o.deviceId === deviceId && o.instance === null);
    let rule = base;
    if (familyWide) rule = applyOverride(rule, familyWide);
    if (device) rule = applyOverride(rule, device);
    const instanceOverrides = mine
      .filter((o) => o.instance !== null && (o.deviceId === null || o.deviceId === deviceId))
      .sort((a, b) => (a.deviceId === null ? 0 : 1) - (b.deviceId === null ? 0 : 1));
    const disabledInstances = [
      ...new Set(
        instanceOverrides
          .map((o) => o.instance ?? '')
          .filter((inst) => instanceOverrides.filter((o) => o.instance === inst).reduce((on, o) => o.enabled ?? on, true) === false),
      ),
    ];
    const effective: EffectiveRule = {
      rule,
      defaults: base.origin === 'default' ? base : null,
      source: base.origin === 'custom' ? 'custom' : device ? 'device' : familyWide ? 'family' : 'default',
      disabledInstances,
    };
    const resolved = rule;
    return {
      effective,
      forInstance(instance: string): AlertRule | null {
        let r = resolved;
        for (const o of instanceOverrides) if (o.instance === instance) r = applyOverride(r, o);
        return r.enabled ? r : null;
      },
    };
  });
}
