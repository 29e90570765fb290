import { describe, expect, it } from 'vitest';
import { RuleOverrideSchema, type AlertRule, type EffectiveRule } from '../../../shared/contract/alerting';
import { applyDraft, customRuleId, draftOf, draftProblem, overrideFor, valueSource } from './rule-form';

const defaults: AlertRule = {
  id: 'filesystem',
  family: 'this-computer',
  deviceId: null,
  label: 'Filesystem used',
  labelCode: null,
  metric: 'fs.used.percent',
  instance: '*',
  op: '>',
  warning: 85,
  critical: 95,
  recovery: null,
  forSeconds: 0,
  renotifyMinutes: 0,
  style: 'threshold',
  flagCode: null,
  enabled: true,
  origin: 'default',
};

describe('rule form', () => {
  it('turns a draft into the smallest override that reads as it, valid for the contract', () => {
    const family: EffectiveRule = { rule: { ...defaults, warning: 70 }, defaults, source: 'family', disabledInstances: [] };
    expect(valueSource(family, 'warning')).toBe('family');
    expect(valueSource(family, 'critical')).toBe('default');
    const draft = { ...draftOf(family.rule), critical: 90, forMinutes: 5 };
    const o = overrideFor(family, draft, { family: 'this-computer', deviceId: 'pc' });
    expect(o).toEqual({ ruleId: 'filesystem', family: 'this-computer', deviceId: 'pc', instance: null, warning: 70, critical: 90, forSeconds: 300 });
    expect(RuleOverrideSchema.safeParse(o).success).toBe(true);
    // Back to the default value on one device while the family changed it: the value is written.
    const back = overrideFor(family, { ...draftOf(family.rule), warning: 85 }, { family: 'this-computer', deviceId: 'pc' });
    expect(back.warning).toBe(85);
    expect(applyDraft(defaults, draft)).toMatchObject({ warning: 70, critical: 90, forSeconds: 300 });
  });

  it('refuses drafts the engine could not use', () => {
    expect(draftProblem(defaults, { ...draftOf(defaults), warning: null, critical: null })).toBe('rules.needThreshold');
    expect(draftProblem(defaults, { ...draftOf(defaults), critical: 50 })).toBe('rules.criticalBeforeWarning');
    expect(draftProblem({ ...defaults, op: '<' }, { ...draftOf(defaults), warning: 10, critical: 5 })).toBeNull();
    expect(draftProblem(defaults, { ...draftOf(defaults), forMinutes: 2000 })).toBe('rules.forBounds');
    expect(draftProblem(defaults, draftOf(defaults))).toBeNull();
  });

  it('makes custom rule ids within the contract pattern, unique', () => {
    expect(customRuleId('Température CPU > 80', new Set())).toBe('custom-temperature-cpu-80');
    expect(customRuleId('!!', new Set(['custom-rule']))).toBe('custom-rule-2');
  });
});
