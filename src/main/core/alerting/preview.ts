import type { AlertingSettings, AlertRule, RulePreview } from '../../../shared/contract/alerting';
import { stateRank, worstState, type State } from '../../../shared/states';
import type { MetricStore } from '../store/metric-store';
import { freshMemory, shownState } from './check-memory';
import { judge, step } from './check-step';
import { instanceMatches } from './resolve-rules';

/** Enough points to show a day's changes at the 5-min tier without reading every raw sample. */
const MAX_POINTS = 1500;

/**
 * When a rule would have fired over the stored data of the last hours: the same judgement and duration
 * logic as live polls (hysteresis, "for N min"), run over the finest tier that fits, per instance.
 */
export function previewRule(
  store: MetricStore,
  deviceId: string,
  rule: AlertRule,
  hours: number,
  now: number,
  flapping: AlertingSettings['flapping'],
): RulePreview {
  const from = now - hours * 3_600_000;
  const series = store.listSeries(deviceId).filter((s) => s.metric === rule.metric && instanceMatches(rule.instance, s.instance));
  const result = store.query(
    series.map((s) => s.key),
    from,
    now,
    MAX_POINTS,
  );
  const instances = series.map((s, i) => {
    const data = result.series[i] ?? { t: [], avg: [] };
    let memory = freshMemory(from);
    let worst: State = 'ok';
    let firings = 0;
    const transitions: RulePreview['instances'][number]['transitions'] = [];
    data.t.forEach((t, j) => {
      const value = data.avg[j];
      if (value === null || value === undefined) return;
      const before = shownState(memory);
      const r = step(memory, judge(rule, value, memory.state), rule.forSeconds, t, flapping);
      memory = r.memory;
      const after = shownState(memory);
      if (!r.changed) return;
      transitions.push({ at: t, state: after, value });
      if (before === 'ok' && after !== 'ok') firings += 1;
      if (stateRank(after) > stateRank(worst)) worst = worstState([worst, after]);
    });
    return { instance: s.instance, transitions, firings, worst };
  });
  return { from, to: now, stepSeconds: Math.max(1, Math.round(result.stepMs / 1000)), instances };
}
