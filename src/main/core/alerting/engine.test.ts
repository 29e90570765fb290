import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MaintenanceWindow, RuleOverride } from '../../../shared/contract/alerting';
import { formatMessage } from '../../../shared/messages/format-message';
import { openMetricStore, type SqliteMetricStore } from '../store/sqlite-metric-store';
import { DEVICE, harness, pct } from './engine-harness';
import { windowActive } from './maintenance';
import { previewRule } from './preview';
import { resolveRules, toAlertRule } from './resolve-rules';
import type { Rule } from './rule';

const MIN = 60_000;
const CPU: Rule = { id: 'cpu', label: 'CPU', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 };
const FS: Rule = { id: 'filesystem', label: 'Filesystem used', metric: 'fs.used.percent', op: '>', warning: 85, critical: 95 };
const kinds = (h: { sent: { kind: string }[] }): string[] => h.sent.map((c) => c.kind);

describe('alert engine', () => {
  it('holds a breach as pending until it has lasted the rule duration, then notifies once', () => {
    const h = harness({ rules: [CPU] });
    let checks = h.poll([pct('cpu.total', 95)]);
    expect(checks.find((c) => c.id === 'cpu')).toMatchObject({ state: 'ok', message: '95 % (for 0 s of 600 s)' });
    for (let i = 0; i < 9; i += 1) {
      h.advance(MIN);
      checks = h.poll([pct('cpu.total', 96)]);
    }
    expect(checks.find((c) => c.id === 'cpu')).toMatchObject({ state: 'ok', message: '96 % (for 540 s of 600 s)' });
    expect(checks.find((c) => c.id === 'cpu')?.text).toEqual({
      code: 'check.pending',
      params: { value: { value: 96, unit: 'percent' }, elapsed: { value: 540, unit: 'seconds' }, duration: { value: 600, unit: 'seconds' } },
    });
    expect(h.sent).toEqual([]);
    h.advance(MIN);
    checks = h.poll([pct('cpu.total', 97)]);
    expect(checks.find((c) => c.id === 'cpu')).toMatchObject({ state: 'warning', message: '97 % > 90 %', since: h.now() });
    expect(kinds(h)).toEqual(['problem']);
    // A dip below the threshold resets the duration: the next breach waits again.
    h.advance(MIN);
    h.poll([pct('cpu.total', 20)]);
    h.advance(MIN);
    checks = h.poll([pct('cpu.total', 99)]);
    expect(checks.find((c) => c.id === 'cpu')?.state).toBe('ok');
    expect(kinds(h)).toEqual(['problem', 'recovery']);
    // A breach not watched for longer than the duration (Vigie was stopped) starts its wait over.
    h.advance(20 * MIN);
    checks = h.poll([pct('cpu.total', 99)]);
    expect(checks.find((c) => c.id === 'cpu')).toMatchObject({ state: 'ok', message: '99 % (for 0 s of 600 s)' });
  });

  it('recovers only past the recovery threshold (hysteresis)', () => {
    const h = harness({ rules: [{ ...FS, recovery: 80 }] });
    const state = (v: number): string => h.poll([pct('fs.used.percent', v, '/var')]).find((c) => c.id === 'filesystem:/var')!.state;
    expect(state(96)).toBe('critical');
    h.advance(MIN);
    expect(state(90)).toBe('warning');
    h.advance(MIN);
    expect(state(84)).toBe('warning'); // under the warning threshold, above the recovery one
    h.advance(MIN);
    expect(state(81)).toBe('warning');
    h.advance(MIN);
    expect(state(79)).toBe('ok');
    h.advance(MIN);
    expect(state(84)).toBe('ok'); // from OK, 84 is no breach
    expect(kinds(h)).toEqual(['problem', 'problem', 'recovery']);
  });

  it('turns a flapping check into one flapping state and one notification, until stable for the window', () => {
    const h = harness({ rules: [{ ...FS, critical: undefined }], config: (c) => ({ ...c, settings: { ...c.settings, flapping: { windowMinutes: 10, maxChanges: 3 } } }) });
    const poll = (v: number) => h.poll([pct('fs.used.percent', v, '/')]).find((c) => c.id === 'filesystem:/')!;
    const seen: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      seen.push(poll(i % 2 === 0 ? 90 : 50).state);
      h.advance(MIN);
    }
    // Four changes (ok→warning→ok→warning) exceed 3: flapping from then on, shown as the window's worst.
    expect(seen).toEqual(['warning', 'ok', 'warning', 'warning', 'warning', 'warning', 'warning', 'warning']);
    expect(kinds(h).filter((k) => k === 'flapping')).toHaveLength(1);
    expect(h.engine.memoryOf(DEVICE.id, 'filesystem:/')?.flapping).toBe(true);
    expect(h.engine.active(h.now())[0]).toMatchObject({ checkId: 'filesystem:/', flapping: true, state: 'warning' });
    const before = h.sent.length;
    for (let i = 0; i < 11; i += 1) {
      poll(50);
      h.advance(MIN);
    }
    expect(poll(50).state).toBe('ok');
    expect(h.engine.memoryOf(DEVICE.id, 'filesystem:/')?.flapping).toBe(false);
    expect(kinds(h).slice(before)).toEqual(['recovery']);
  });

  it('acknowledged until recovery: no re-notification, and the acknowledgement ends when OK', () => {
    const h = harness({ rules: [{ ...FS, renotifyMinutes: 30 }] });
    h.poll([pct('fs.used.percent', 90, '/var')]);
    expect(h.engine.acknowledge(DEVICE.id, 'filesystem:/var', { by: 'alice', at: h.now(), comment: 'cleaning up', mode: 'until-recovery' })).toBe(true);
    expect(h.engine.active(h.now())[0]?.acknowledgement).toMatchObject({ by: 'alice', comment: 'cleaning up', state: 'warning' });
    h.advance(31 * MIN);
    h.poll([pct('fs.used.percent', 97, '/var')]); // worse, but acknowledged until recovery
    expect(kinds(h)).toEqual(['problem']);
    h.advance(MIN);
    h.poll([pct('fs.used.percent', 10, '/var')]);
    expect(kinds(h)).toEqual(['problem', 'recovery']);
    expect(h.engine.memoryOf(DEVICE.id, 'filesystem:/var')?.ack).toBeNull();
  });

  it('acknowledged until worse: a worse state ends it and is notified', () => {
    const h = harness({ rules: [FS] });
    h.poll([pct('fs.used.percent', 90, '/var')]);
    h.engine.acknowledge(DEVICE.id, null, { by: 'bob', at: h.now(), comment: 'known', mode: 'until-worse' });
    h.advance(MIN);
    h.poll([pct('fs.used.percent', 91, '/var')]);
    expect(kinds(h)).toEqual(['problem']);
    h.advance(MIN);
    h.poll([pct('fs.used.percent', 96, '/var')]);
    expect(h.engine.memoryOf(DEVICE.id, 'filesystem:/var')?.ack).toBeNull();
    expect(h.sent.map((c) => [c.kind, c.state])).toEqual([
      ['problem', 'warning'],
      ['problem', 'critical'],
    ]);
  });

  it('a silenced problem is not notified until the silence ends', () => {
    const h = harness({ rules: [{ ...FS, renotifyMinutes: 10 }] });
    h.poll([pct('fs.used.percent', 90, '/var')]);
    h.engine.silence(DEVICE.id, null, h.now() + 30 * MIN);
    h.advance(MIN);
    h.poll([pct('fs.used.percent', 97, '/var')]);
    h.advance(20 * MIN);
    h.poll([pct('fs.used.percent', 97, '/var')]);
    expect(kinds(h)).toEqual(['problem']);
    h.advance(10 * MIN);
    h.poll([pct('fs.used.percent', 97, '/var')]);
    expect(h.sent.map((c) => [c.kind, c.state])).toEqual([
      ['problem', 'warning'],
      ['renotify', 'critical'],
    ]);
  });

  it('re-notifies a lasting problem every renotifyMinutes', () => {
    const h = harness({ rules: [{ ...FS, renotifyMinutes: 30 }] });
    for (let i = 0; i <= 70; i += 1) {
      h.poll([pct('fs.used.percent', 90, '/var')]);
      h.advance(MIN);
    }
    expect(kinds(h)).toEqual(['problem', 'renotify', 'renotify']);
    expect(formatMessage(h.sent[1]!.text, 'en')).toBe('srv-1 is still WARNING: Filesystem used (/var): 90 % > 85 %');
  });

  it('notifies nothing during a one-off maintenance window, then the recovery it held back', () => {
    const start = Date.UTC(2026, 0, 5, 12, 0, 0);
    const window: MaintenanceWindow = {
      id: 'upgrade',
      name: 'Upgrade',
      deviceIds: [DEVICE.id],
      groups: [],
      schedule: { type: 'once', start: start + 10 * MIN, end: start + 40 * MIN },
      comment: '',
    };
    const h = harness({ rules: [FS], start, maintenance: [window] });
    h.poll([pct('fs.used.percent', 90, '/var')]); // notified before the window
    h.advance(15 * MIN);
    h.poll([pct('fs.used.percent', 97, '/var')]);
    h.advance(MIN);
    h.poll([pct('fs.used.percent', 10, '/var')]);
    expect(kinds(h)).toEqual(['problem']);
    expect(h.engine.active(h.now())).toEqual([]);
    h.advance(MIN);
    h.poll([pct('fs.used.percent', 99, '/var')]);
    expect(h.engine.active(h.now())[0]).toMatchObject({ state: 'critical', maintenance: 'Upgrade' });
    h.advance(MIN);
    h.poll([pct('fs.used.percent', 10, '/var')]);
    expect(kinds(h)).toEqual(['problem']);
    h.advance(30 * MIN); // the window is over
    h.poll([pct('fs.used.percent', 10, '/var')]);
    expect(kinds(h)).toEqual(['problem', 'recovery']);
  });

  it('weekly windows follow local time and run across midnight', () => {
    const w: MaintenanceWindow = {
      id: 'backup',
      name: 'Nightly backup',
      deviceIds: [],
      groups: ['storage'],
      schedule: { type: 'weekly', days: [5], start: '23:30', durationMinutes: 120 },
      comment: '',
    };
    // Friday 2 January 2026, local time of the machine running the test.
    const at = (d: number, h: number, m: number): number => new Date(2026, 0, d, h, m).getTime();
    expect(new Date(at(2, 12, 0)).getDay()).toBe(5);
    expect(windowActive(w, at(2, 23, 29))).toBe(false);
    expect(windowActive(w, at(2, 23, 30))).toBe(true);
    expect(windowActive(w, at(3, 0, 45))).toBe(true); // Saturday, after midnight
    expect(windowActive(w, at(3, 1, 30))).toBe(false);
    expect(windowActive(w, at(3, 23, 45))).toBe(false); // Saturday night is not a Friday
    expect(windowActive(w, at(9, 23, 45))).toBe(true);
  });

  it('words yes/no conditions instead of "1 >= 1" and never repeats the label in the detail', () => {
    const onBattery: Rule = { id: 'ups-on-battery', label: 'On battery', metric: 'ups.power.severity', op: '>=', warning: 1, critical: 2, flagCode: 'flag.on-battery' };
    const h = harness({ rules: [onBattery] });
    const metric = (v: number) => ({ name: 'ups.power.severity', instance: '', value: v, unit: 'count' as const });
    // The UPS module states the same condition as a problem: one check, the rule's.
    const checks = h.poll([metric(1)], [{ id: 'ups-on-battery', severity: 'warning', message: 'On battery (12 min left)' }]);
    expect(checks.map((c) => c.id)).toEqual(['reachability', 'ups-on-battery']);
    const c = checks[1]!;
    expect(c).toMatchObject({ state: 'warning', label: 'On battery', message: 'on battery', text: { code: 'flag.on-battery', params: {} } });
    expect(formatMessage(c.text!, 'fr')).toBe('sur batterie');
    expect(c.message).not.toContain('>=');
    h.advance(MIN);
    expect(h.poll([metric(0)])[1]).toMatchObject({ state: 'ok', message: 'normal' });
    // A problem of its own (no rule for it) is one check with a stable id from its content.
    const a = h.poll([metric(0)], [{ severity: 'critical', message: 'Output off (off)' }]).at(-1)!;
    const b = h.poll([metric(0)], [{ severity: 'critical', message: 'Output off (off)' }]).at(-1)!;
    expect(a.id).toMatch(/^problem:[0-9a-f]{12}$/);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ label: 'Reported by the device', message: 'Output off (off)' });
  });

  it('names checks by rule and instance, whatever order the metrics come in', () => {
    const h = harness({ rules: [FS] });
    const one = h.poll([pct('fs.used.percent', 10, '/'), pct('fs.used.percent', 90, '/var')]).map((c) => c.id);
    const two = h.poll([pct('fs.used.percent', 90, '/var'), pct('fs.used.percent', 10, '/')]).map((c) => c.id);
    expect(one).toEqual(['reachability', 'filesystem:/', 'filesystem:/var']);
    expect([...two].sort()).toEqual([...one].sort());
  });

  it('resolves defaults, then the family override, the device override and the instance override', () => {
    const defaults = [toAlertRule('linux', FS)];
    const o = (x: Partial<RuleOverride>): RuleOverride => ({ ruleId: 'filesystem', family: 'linux', deviceId: null, instance: null, ...x });
    const overrides = [o({ warning: 70 }), o({ deviceId: 'db-1', warning: 60, critical: 80 }), o({ deviceId: 'db-1', instance: '/boot', enabled: false }), o({ instance: '/tmp', warning: 99 })];
    const cfg = { rules: [], overrides };
    const [generic] = resolveRules('linux', 'web-1', defaults, cfg);
    expect(generic!.effective).toMatchObject({ source: 'family', rule: { warning: 70, critical: 95 } });
    expect(generic!.forInstance('/tmp')?.warning).toBe(99);
    const [db] = resolveRules('linux', 'db-1', defaults, cfg);
    expect(db!.effective).toMatchObject({ source: 'device', rule: { warning: 60, critical: 80 }, disabledInstances: ['/boot'] });
    expect(db!.effective.defaults).toMatchObject({ warning: 85, critical: 95 });
    expect(db!.forInstance('/boot')).toBeNull();
    expect(db!.forInstance('/tmp')).toMatchObject({ warning: 99, critical: 80 });
    expect(db!.forInstance('/var')).toMatchObject({ warning: 60 });
    const [untouched] = resolveRules('linux', 'x', defaults, { rules: [], overrides: [] });
    expect(untouched!.effective.source).toBe('default');
  });
});

describe('rule preview', () => {
  let store: SqliteMetricStore | null = null;
  afterEach(() => {
    store?.close();
    store = null;
  });

  it('replays a rule over the stored series and counts when it would have fired', () => {
    store = openMetricStore(join(mkdtempSync(join(tmpdir(), 'vigie-preview-')), 'metrics.db'));
    const now = Date.UTC(2026, 0, 5, 12, 0, 0);
    const start = now - 6 * 3_600_000;
    // One sample a minute for 6 h: two bursts over 90 % on /var (40 min and 5 min), / always low.
    for (let t = start; t < now; t += MIN) {
      const m = (t - start) / MIN;
      const burst = (m >= 60 && m < 100) || (m >= 200 && m < 205);
      store.ingest(t, [
        { deviceId: 'srv', metric: 'fs.used.percent', instance: '/var', unit: 'percent', value: burst ? 96 : 50 },
        { deviceId: 'srv', metric: 'fs.used.percent', instance: '/', unit: 'percent', value: 20 },
      ]);
    }
    const rule = { ...toAlertRule('linux', { ...FS, critical: undefined }), forSeconds: 600 };
    const p = previewRule(store, 'srv', rule, 24, now, { windowMinutes: 60, maxChanges: 6 });
    expect(p.stepSeconds).toBe(60);
    const byInstance = Object.fromEntries(p.instances.map((i) => [i.instance, i]));
    expect(byInstance['/']).toMatchObject({ firings: 0, worst: 'ok', transitions: [] });
    // Only the long burst outlasts the 10-min duration: it fires 10 min in, and recovers when it ends.
    expect(byInstance['/var']).toMatchObject({ firings: 1, worst: 'warning' });
    expect(byInstance['/var']!.transitions).toEqual([
      { at: start + 70 * MIN, state: 'warning', value: 96 },
      { at: start + 100 * MIN, state: 'ok', value: 50 },
    ]);
  });
});
