import { describe, expect, it } from 'vitest';
import type { PollResult, Rule } from '../pollers/source';
import { RuleEvaluator } from './rule-evaluator';

const poll = (metrics: PollResult['metrics'], problems: PollResult['problems'] = []): PollResult => ({
  family: 'linux',
  identity: {},
  metrics,
  tables: {},
  problems,
  uptimeSeconds: null,
});

const fsRule: Rule = { id: 'fs', label: 'Filesystem used', metric: 'fs.used.percent', op: '>', warning: 85, critical: 95 };
const cpuRule: Rule = { id: 'cpu', label: 'CPU', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 };

describe('rule evaluator', () => {
  it('judges each instance against warning and critical thresholds', () => {
    const e = new RuleEvaluator();
    const checks = e.evaluate('d', [fsRule], poll([
      { name: 'fs.used.percent', instance: '/', value: 40, unit: 'percent' },
      { name: 'fs.used.percent', instance: '/var', value: 90, unit: 'percent' },
      { name: 'fs.used.percent', instance: '/data', value: 97.5, unit: 'percent' },
    ]), 1000);
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId['fs:/']!.state).toBe('ok');
    expect(byId['fs:/var']!.state).toBe('warning');
    expect(byId['fs:/data']!.state).toBe('critical');
    expect(byId['fs:/data']!.message).toBe('97.5 % > 95 %');
    expect(byId['reachability']!.state).toBe('ok');
  });

  it('waits for a breach to last forSeconds before raising it', () => {
    const e = new RuleEvaluator();
    const hot = poll([{ name: 'cpu.total', instance: '', value: 97, unit: 'percent' }]);
    expect(e.evaluate('d', [cpuRule], hot, 0).find((c) => c.id === 'cpu')!.state).toBe('ok');
    expect(e.evaluate('d', [cpuRule], hot, 300_000).find((c) => c.id === 'cpu')!.state).toBe('ok');
    const raised = e.evaluate('d', [cpuRule], hot, 600_000).find((c) => c.id === 'cpu')!;
    expect(raised.state).toBe('warning');
    expect(raised.since).toBe(600_000);
    // A dip resets the clock.
    e.evaluate('d', [cpuRule], poll([{ name: 'cpu.total', instance: '', value: 20, unit: 'percent' }]), 660_000);
    expect(e.evaluate('d', [cpuRule], hot, 720_000).find((c) => c.id === 'cpu')!.state).toBe('ok');
  });

  it('keeps since across polls in the same state and turns problems into checks', () => {
    const e = new RuleEvaluator();
    const p = poll([], [{ severity: 'critical', message: 'Global status: critical' }]);
    e.evaluate('d', [], p, 10);
    const again = e.evaluate('d', [], p, 20);
    const problem = again.find((c) => c.id === 'problem:0')!;
    expect(problem).toMatchObject({ state: 'critical', since: 10 });
  });

  it('reports an unreachable device as one unknown check', () => {
    const e = new RuleEvaluator();
    expect(e.unreachable('d', 'No SNMP answer', 5)).toEqual([
      { id: 'reachability', label: 'Reachability', state: 'unknown', message: 'No SNMP answer', value: null, since: 5 },
    ]);
  });
});
