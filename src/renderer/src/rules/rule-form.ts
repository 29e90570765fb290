import type { AlertRule, EffectiveRule, RuleOverride } from '../../../shared/contract/alerting';

/** The values an administrator edits on a rule; durations in the units the form shows. */
export interface RuleDraft {
  warning: number | null;
  critical: number | null;
  recovery: number | null;
  forMinutes: number;
  renotifyMinutes: number;
  enabled: boolean;
}

export const DRAFT_FIELDS = ['warning', 'critical', 'recovery', 'forSeconds', 'renotifyMinutes', 'enabled'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export function draftOf(rule: AlertRule): RuleDraft {
  return {
    warning: rule.warning,
    critical: rule.critical,
    recovery: rule.recovery,
    forMinutes: rule.forSeconds / 60,
    renotifyMinutes: rule.renotifyMinutes,
    enabled: rule.enabled,
  };
}

/** The rule as the draft would make it: what the preview evaluates and what a custom rule saves. */
export function applyDraft(rule: AlertRule, d: RuleDraft): AlertRule {
  return {
    ...rule,
    warning: d.warning,
    critical: d.critical,
    recovery: d.recovery,
    forSeconds: Math.round(d.forMinutes * 60),
    renotifyMinutes: Math.round(d.renotifyMinutes),
    enabled: d.enabled,
  };
}

/** A draft the contract would refuse, as an i18n key; null when it can be saved. */
export function draftProblem(rule: AlertRule, d: RuleDraft): string | null {
  if (d.warning === null && d.critical === null) return 'rules.needThreshold';
  if (d.forMinutes < 0 || d.forMinutes > 1440) return 'rules.forBounds';
  if (d.renotifyMinutes < 0 || d.renotifyMinutes > 10_080) return 'rules.renotifyBounds';
  // "Worse" is further in the comparison's direction: critical must not come before warning.
  if (d.warning !== null && d.critical !== null) {
    const above = rule.op === '>' || rule.op === '>=';
    const below = rule.op === '<' || rule.op === '<=';
    if ((above && d.critical < d.warning) || (below && d.critical > d.warning)) return 'rules.criticalBeforeWarning';
  }
  return null;
}

/** Where a value comes from: untouched default, or the level of the override that set it. */
export function valueSource(e: EffectiveRule, field: DraftField): EffectiveRule['source'] {
  if (e.source === 'custom' || e.defaults === null) return 'custom';
  return e.rule[field] === e.defaults[field] ? 'default' : e.source;
}

/**
 * The override that makes the rule read as the draft at one level. A field goes in when the draft moves it
 * away from the family default, or away from what the level below gives today (so a device can go back
 * to the default value while the family changed it); other fields keep inheriting.
 */
export function overrideFor(
  e: EffectiveRule,
  d: RuleDraft,
  target: { family: string; deviceId: string | null },
): RuleOverride {
  const next = applyDraft(e.rule, d);
  const base = e.defaults ?? e.rule;
  const out: RuleOverride = { ruleId: e.rule.id, family: target.family, deviceId: target.deviceId, instance: null };
  const changed = (f: DraftField): boolean => next[f] !== base[f] || next[f] !== e.rule[f];
  if (changed('warning')) out.warning = next.warning;
  if (changed('critical')) out.critical = next.critical;
  if (changed('recovery')) out.recovery = next.recovery;
  if (changed('forSeconds')) out.forSeconds = next.forSeconds;
  if (changed('renotifyMinutes')) out.renotifyMinutes = next.renotifyMinutes;
  if (changed('enabled')) out.enabled = next.enabled;
  return out;
}

/** A custom rule's id from its label: stable, readable, within the contract's pattern. */
export function customRuleId(label: string, taken: ReadonlySet<string>): string {
  const slug =
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'rule';
  let id = `custom-${slug}`;
  for (let n = 2; taken.has(id); n++) id = `custom-${slug}-${n}`;
  return id;
}
