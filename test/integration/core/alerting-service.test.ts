import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActiveProblem, EffectiveRule } from '../../../src/shared/contract/alerting';
import type { DeviceSummary, MetricValue } from '../../../src/shared/contract/devices';
import type { EventRecord, Notification } from '../../../src/shared/contract/events';
import type { Core } from '../../../src/main/core/create-core';
import { formatMessage } from '../../../src/shared/messages/format-message';
import { openTestCore } from '../../helpers/test-core';
import type { PollResult, Source } from '../../../src/main/core/pollers/source';

const MIN = 60_000;
let core: Core | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await core?.stop();
  core = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A Linux host whose /var usage the test sets before each poll. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-alert-service-'));
  dirs.push(dir);
  const disk = { used: 50 };
  const poll = (): PollResult => ({
    family: 'linux',
    identity: {},
    metrics: [{ name: 'fs.used.percent', instance: '/var', value: disk.used, unit: 'percent' }] satisfies MetricValue[],
    tables: {},
    problems: [],
    uptimeSeconds: 1000,
  });
  const source: Source = {
    kind: 'snmp',
    test: () => Promise.reject(new Error('not used')),
    open: () => ({ poll: () => Promise.resolve(poll()), close: () => Promise.resolve() }),
  };
  const clock = { now: Date.UTC(2026, 0, 5, 12, 0, 0) };
  const t = openTestCore({ dir, clock, source });
  core = t.core;
  const { call, emitted } = t;
  const shown = (): Notification[] => emitted.filter((e) => e.event === 'notify:show').map((e) => e.payload as Notification);
  return { call, disk, clock, emitted, shown };
}

describe('alerting service through the contract', () => {
  it('overrides a default per device, acknowledges, silences by maintenance, and audits each change', async () => {
    const t = setUp();
    const d = await t.call<DeviceSummary>('devices:add', { name: 'db-01', kind: 'snmp', host: '192.0.2.7', snmp: { version: '2c' }, secret: { community: 'ro' } });
    const poll = async (used: number): Promise<DeviceSummary> => {
      t.disk.used = used;
      t.clock.now += MIN;
      return t.call<DeviceSummary>('devices:poll', { id: d.id });
    };
    expect((await poll(50)).state).toBe('ok');

    // The default (85 %) lowered to 40 % for this device only.
    await t.call('alerts:save-override', { override: { ruleId: 'filesystem', family: 'linux', deviceId: d.id, warning: 40 } });
    const rules = await t.call<EffectiveRule[]>('alerts:rules', { deviceId: d.id });
    expect(rules.find((r) => r.rule.id === 'filesystem')).toMatchObject({ source: 'device', rule: { warning: 40, critical: 95 }, defaults: { warning: 85 } });
    expect((await t.call<EffectiveRule[]>('alerts:rules', { family: 'linux' })).find((r) => r.rule.id === 'filesystem')?.rule.warning).toBe(85);

    expect((await poll(50)).state).toBe('warning');
    expect(t.shown().map((n) => n.severity)).toEqual(['warning']);
    const [problem] = await t.call<ActiveProblem[]>('alerts:active');
    expect(problem).toMatchObject({ deviceId: d.id, checkId: 'filesystem:/var', state: 'warning', label: { code: 'rule.filesystem', params: { instance: '/var', where: ' (/var)' } }, detail: { code: 'check.threshold' } });
    expect(t.emitted.some((e) => e.event === 'alerts:changed' && (e.payload as { active: number }).active === 1)).toBe(true);

    expect(await t.call('alerts:ack', { deviceId: d.id, checkId: 'filesystem:/var', comment: 'archiving logs', mode: 'until-worse' })).toEqual({ ok: true });
    expect((await t.call<ActiveProblem[]>('alerts:active'))[0]?.acknowledgement).toMatchObject({ comment: 'archiving logs', mode: 'until-worse', state: 'warning' });

    // A maintenance window now: the critical state is recorded and shown, not notified.
    await t.call('maintenance:save', {
      window: { id: 'disk', name: 'Disk swap', deviceIds: [d.id], schedule: { type: 'once', start: t.clock.now, end: t.clock.now + 10 * MIN } },
    });
    expect((await poll(97)).state).toBe('critical');
    expect(t.shown()).toHaveLength(1);
    expect((await t.call<ActiveProblem[]>('alerts:active'))[0]).toMatchObject({ state: 'critical', maintenance: 'Disk swap', acknowledgement: null });
    const events = await t.call<EventRecord[]>('events:list', { limit: 50 });
    const stateEvents = events.filter((e) => e.kind === 'state');
    expect(stateEvents[0]).toMatchObject({ severity: 'critical', text: { code: 'alert.in-maintenance' } });
    expect(stateEvents[0]!.message).toBe('db-01 is CRITICAL (in maintenance: Disk swap): Filesystem used (/var): 97 % > 95 %');

    // Back to normal after the window: the recovery of the notified problem goes out.
    t.clock.now += 10 * MIN;
    expect((await poll(10)).state).toBe('ok');
    expect(t.shown().map((n) => n.severity)).toEqual(['warning', 'ok']);

    const audit = events.filter((e) => e.kind === 'audit').map((e) => e.message);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Alert rule filesystem overridden for device db-01 \(warning\)/),
        expect.stringMatching(/^Problem acknowledged \(until-worse\): filesystem:\/var: archiving logs/),
        expect.stringMatching(/^Maintenance window added: Disk swap/),
      ]),
    );
    // The French reader reads the overridden field in French, not its stored key.
    const override = events.find((e) => e.text?.code === 'audit.override-device');
    expect(override?.text && formatMessage(override.text, 'fr', 'fr-FR')).toMatch(
      /^Règle d’alerte filesystem ajustée pour l’équipement db-01 \(seuil d’avertissement\) \(par utilisateur du poste/,
    );
  });

  it('refuses a custom rule that takes a default rule id, and previews a rule over stored polls', async () => {
    const t = setUp();
    const d = await t.call<DeviceSummary>('devices:add', { name: 'db-02', kind: 'snmp', host: '192.0.2.8', snmp: { version: '2c' }, secret: { community: 'ro' } });
    await expect(
      t.call('alerts:save-rule', { rule: { id: 'filesystem', family: 'linux', label: 'Mine', metric: 'fs.used.percent', op: '>', warning: 1 } }),
    ).rejects.toThrow(/conflict: "filesystem" is a default rule of linux/);
    for (const used of [50, 50, 70, 72, 50]) {
      t.disk.used = used;
      t.clock.now += MIN;
      await t.call('devices:poll', { id: d.id });
    }
    const preview = await t.call<{ instances: { instance: string; firings: number; transitions: { state: string; value: number }[] }[] }>('alerts:preview', {
      deviceId: d.id,
      hours: 1,
      rule: { id: 'custom-var', family: 'linux', label: 'Var', metric: 'fs.used.percent', instance: '/var', op: '>', warning: 60 },
    });
    expect(preview.instances).toEqual([
      expect.objectContaining({
        instance: '/var',
        firings: 1,
        transitions: [expect.objectContaining({ state: 'warning', value: 70 }), expect.objectContaining({ state: 'ok', value: 50 })],
      }),
    ]);
  });
});
