import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/api';
import type { EventName } from '../../../shared/contract/channels';
import type { DeviceDetail, DeviceKind, DeviceSummary, MetricValue } from '../../../shared/contract/devices';
import type { Notification } from '../../../shared/contract/events';
import type { GuardPort } from '../alerting/ports';
import { createCore, type Core } from '../create-core';
import { DEFAULT_FAMILIES } from '../default-catalog';
import { silentLogger } from '../log/file-logger';
import { PollError, type PollResult, type Source } from '../pollers/source';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { ConfSettingsStore } from '../settings/conf-settings-store';

type Step = PollResult | PollError;

/** A source whose polls play a script: the monitor is what is under test here, not a protocol. */
function scriptedSource(script: Step[], kind: DeviceKind = 'snmp'): Source & { polls: number } {
  const source = {
    kind,
    polls: 0,
    test: () => Promise.reject(new Error('not used')),
    open: () => ({
      poll: () => {
        const step = script[Math.min(source.polls, script.length - 1)]!;
        source.polls += 1;
        return step instanceof PollError ? Promise.reject(step) : Promise.resolve(step);
      },
      close: () => Promise.resolve(),
    }),
  };
  return source;
}

const result = (fsPercent: number, uptime: number): PollResult => ({
  family: 'linux',
  identity: { sysName: 'db-01' },
  metrics: [
    { name: 'fs.used.percent', instance: '/var', value: fsPercent, unit: 'percent' },
    { name: 'cpu.total', instance: '', value: 12.5, unit: 'percent' },
  ] satisfies MetricValue[],
  tables: { filesystems: [{ mount: '/var', usedPercent: fsPercent }] },
  problems: [],
  uptimeSeconds: uptime,
});

let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

function setUp(script: Step[], guard: GuardPort | false = false, kind: DeviceKind = 'snmp') {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-monitor-'));
  const settings = new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'vigie' }));
  const emitted: { event: EventName; payload: unknown }[] = [];
  const notified: Notification[] = [];
  let now = 1_700_000_000_000;
  const source = scriptedSource(script, kind);
  core = createCore({
    paths: { dataDir: dir },
    settings,
    secrets: new MemorySecretStore(),
    clock: { now: () => now },
    sink: { emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void emitted.push({ event, payload }) },
    notifier: { notify: (n) => void notified.push(n) },
    log: silentLogger,
    mode: 'web',
    version: 'test',
    families: DEFAULT_FAMILIES,
    sources: { [kind]: source },
    validateResponses: true,
    // Single devices under test: Vigie's own network is not the question here (unless a test says so).
    guard,
  });
  const c = core;
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const env = await c.dispatch(channel, payload);
    if (!env.ok) throw new Error(env.error.message);
    return env.result as T;
  };
  return { call, emitted, notified, source, advance: (ms: number) => (now += ms), at: () => now };
}

describe('monitor', () => {
  it('turns polls into states, one event per change, store series and weather', async () => {
    const fail = new PollError('timeout', 'No SNMP answer from 192.0.2.7:161 (timeout)');
    const t = setUp([result(97, 5000), fail, fail, fail, result(40, 5600), result(40, 30)]);
    const added = await t.call<DeviceSummary>('devices:add', {
      name: 'db-01',
      kind: 'snmp',
      host: '192.0.2.7',
      snmp: { version: '2c' },
      secret: { community: 'ro-db' },
    });
    const poll = async (): Promise<DeviceSummary> => {
      t.advance(60_000);
      return t.call<DeviceSummary>('devices:poll', { id: added.id });
    };

    // A device just added is polled at once; asking for a poll meanwhile joins that run.
    let s = await t.call<DeviceSummary>('devices:poll', { id: added.id });
    expect(s).toMatchObject({ state: 'critical', family: 'linux', group: 'servers', keyFigure: { value: 12.5, unit: 'percent' } });
    expect(s.message).toBe('Filesystem used (/var): 97 % > 95 %');
    for (let i = 0; i < 3; i += 1) s = await poll();
    expect(s.state).toBe('unknown');
    expect(s.message).toBe('Reachability: No SNMP answer from 192.0.2.7:161 (timeout)');
    s = await poll();
    expect(s.state).toBe('ok');
    await poll(); // uptime went from 5600 s to 30 s
    expect(t.source.polls).toBe(6);

    // The community set at add time is an audit entry; this test is about state changes.
    const events = (await t.call<{ kind: string; severity: string; message: string }[]>('events:list', { limit: 50 }))
      .reverse()
      .filter((e) => e.kind !== 'audit');
    expect(events.map((e) => [e.kind, e.severity])).toEqual([
      ['state', 'critical'],
      ['state', 'unknown'],
      ['state', 'ok'],
      ['device', 'warning'],
    ]);
    expect(events[3]!.message).toMatch(/restarted \(uptime went from 5600 s to 30 s\)/);
    // The monitor no longer notifies: the alerting engine hands the changes to the router, whose browser
    // channel shows them in `serve` (mode 'web' here).
    const shown = t.emitted.filter((e) => e.event === 'notify:show').map((e) => (e.payload as Notification).severity);
    expect(shown).toEqual(['critical', 'unknown', 'ok']);
    expect(t.notified).toEqual([]);

    const detail = await t.call<DeviceDetail>('devices:get', { id: added.id });
    expect(detail.snapshot?.tables.filesystems).toEqual([{ mount: '/var', usedPercent: 40 }]);
    expect(detail.series.map((x) => x.key).sort()).toEqual(
      [`${added.id}|cpu.total|`, `${added.id}|device.up|`, `${added.id}|fs.used.percent|/var`, `${added.id}|uptime|`].sort(),
    );
    const up = await t.call<{ tier: string; series: { avg: (number | null)[] }[] }>('metrics:query', {
      series: [`${added.id}|device.up|`],
      from: t.at() - 3_600_000,
      to: t.at() + 1,
    });
    expect(up.tier).toBe('raw');
    expect(up.series[0]!.avg.filter((v) => v !== null)).toEqual([1, 0, 0, 0, 1, 1]);
    const w = detail.summary.weather;
    expect(w.critical).toBeCloseTo(1 / 5);
    expect(w.unknown).toBeCloseTo(3 / 5);
    expect(w.ok).toBeCloseTo(1 / 5);

    const changes = t.emitted.filter((e) => e.event === 'devices:changed').length;
    expect(changes).toBeGreaterThanOrEqual(7); // tracked + one per poll
  });

  it('forgets a removed device: series, history and the renderers are told', async () => {
    const t = setUp([result(10, 100)]);
    const d = await t.call<DeviceSummary>('devices:add', { name: 'tmp', kind: 'snmp', host: '192.0.2.8', snmp: { version: '2c' } });
    await t.call('devices:poll', { id: d.id });
    expect(await t.call('devices:remove', { id: d.id })).toEqual({ removed: true });
    expect(t.emitted.at(-1)).toEqual({ event: 'devices:removed', payload: { id: d.id } });
    await expect(t.call('devices:get', { id: d.id })).rejects.toThrow(/No device with id tmp/);
    const q = await t.call<{ series: { t: number[] }[] }>('metrics:query', { series: [`${d.id}|cpu.total|`], from: 1, to: t.at() + 1 });
    expect(q.series[0]!.t).toEqual([]);
  });
});

describe('down state per kind (issue 15)', () => {
  it('records a database that does not answer as CRITICAL, an SNMP device as UNKNOWN', async () => {
    const refused = new PollError('refused', 'Connection refused by 127.0.0.1:5432');
    const t = setUp([refused], false, 'postgres');
    const db = await t.call<DeviceSummary>('devices:add', { name: 'pg', kind: 'postgres', host: '127.0.0.1', postgres: {} });
    expect((await t.call<DeviceSummary>('devices:poll', { id: db.id })).state).toBe('critical');
    await core?.stop();
    const u = setUp([refused]);
    const sw = await u.call<DeviceSummary>('devices:add', { name: 'sw', kind: 'snmp', host: '192.0.2.3', snmp: { version: '2c' }, secret: { community: 'c' } });
    expect((await u.call<DeviceSummary>('devices:poll', { id: sw.id })).state).toBe('unknown');
  });
});

describe('key figure age (issue 17 item 12)', () => {
  it('dates the figure by the last answered poll, older than a failed poll that followed', async () => {
    const t = setUp([result(10, 1000), new PollError('timeout', 'No SNMP answer')]);
    const d = await t.call<DeviceSummary>('devices:add', { name: 'srv', kind: 'snmp', host: '192.0.2.9', snmp: { version: '2c' } });
    await t.call('devices:poll', { id: d.id });
    const answeredAt = t.at();
    t.advance(60_000);
    await t.call('devices:poll', { id: d.id });
    const s = (await t.call<DeviceDetail>('devices:get', { id: d.id })).summary;
    expect(s).toMatchObject({ state: 'unknown', keyFigure: { value: 12.5 }, keyFigureAt: answeredAt, lastPollAt: answeredAt + 60_000 });
  });
});

describe('uptime statistics', () => {
  it('counts availability, outages, restarts and uptime between restarts', async () => {
    const fail = new PollError('timeout', 'No SNMP answer');
    // Polls one minute apart: up 1000 s, then 1060 s, an outage of two polls, back after a reboot (uptime 50 s),
    // up again, one more failed poll, then up.
    const t = setUp([result(10, 1000), result(10, 1060), fail, fail, result(10, 50), result(10, 110), fail, result(10, 230)]);
    const d = await t.call<DeviceSummary>('devices:add', { name: 'srv', kind: 'snmp', host: '192.0.2.9', snmp: { version: '2c' } });
    await t.call('devices:poll', { id: d.id });
    for (let i = 0; i < 7; i += 1) {
      t.advance(60_000);
      await t.call('devices:poll', { id: d.id });
    }
    const detail = await t.call<DeviceDetail>('devices:get', { id: d.id });
    expect(detail.uptime.currentSeconds).toBe(230);
    expect(detail.uptime.lastRestartAt).toBe(t.at() - 230_000);
    const day = detail.uptime.periods.find((p) => p.period === 'day')!;
    expect(day).toEqual({
      period: 'day',
      observedSeconds: 7 * 60,
      availabilityPercent: (5 / 8) * 100,
      outages: 2,
      restarts: 1,
      minUptimeSeconds: 230,
      avgUptimeSeconds: (1060 + 230) / 2,
      maxUptimeSeconds: 1060,
    });
    expect(detail.uptime.periods.map((p) => p.period)).toEqual(['day', 'week', 'month', 'year']);
    // Seven minutes of polls say so for every period, not "last year" (issue 17 item 11).
    expect(detail.uptime.periods.map((p) => p.observedSeconds)).toEqual([420, 420, 420, 420]);
  });

  it('shows a device without its credential as "credential missing", not as unreachable', async () => {
    const t = setUp([new PollError('timeout', 'No SNMP answer from 192.0.2.9:161 (timeout)')]);
    const v3 = await t.call<DeviceSummary>('devices:add', {
      name: 'v3-imported',
      kind: 'snmp',
      host: '192.0.2.9',
      snmp: { version: '3', user: 'monitor', level: 'authPriv' },
    });
    let s = await t.call<DeviceSummary>('devices:poll', { id: v3.id });
    expect(s).toMatchObject({ state: 'unknown', credentialMissing: true });
    expect(s.message).toBe('Credential: Credential missing (SNMPv3 authentication key, SNMPv3 privacy key): edit the device and enter it');
    expect(t.source.polls).toBe(0); // never sent to the device without its keys

    const v2 = await t.call<DeviceSummary>('devices:add', { name: 'v2-imported', kind: 'snmp', host: '192.0.2.9', snmp: { version: '2c' } });
    s = await t.call<DeviceSummary>('devices:poll', { id: v2.id });
    expect(s).toMatchObject({ state: 'unknown', credentialMissing: true });
    expect(s.message).toBe(
      'Credential: Credential missing (SNMP community): edit the device and enter it (the default "public" got: No SNMP answer from 192.0.2.9:161 (timeout))',
    );
    const events = await t.call<{ message: string }[]>('events:list', { limit: 10 });
    expect(events.map((e) => e.message)).toContain(`v2-imported is UNKNOWN: ${s.message}`);

    const withCommunity = await t.call<DeviceSummary>('devices:add', {
      name: 'v2-known',
      kind: 'snmp',
      host: '192.0.2.9',
      snmp: { version: '2c' },
      secret: { community: 'ro' },
    });
    s = await t.call<DeviceSummary>('devices:poll', { id: withCommunity.id });
    expect(s).toMatchObject({ state: 'unknown', credentialMissing: false });
    expect(s.message).toBe('Reachability: No SNMP answer from 192.0.2.9:161 (timeout)');
  });

  it('bounds what an endless table can put in the store, with a problem on the device', async () => {
    const flood: PollResult = {
      ...result(10, 100),
      metrics: Array.from({ length: 5_000 }, (_, i) => ({ name: 'cpu.core.percent', instance: String(i), value: 3, unit: 'percent' as const })),
      tables: { cores: Array.from({ length: 5_000 }, (_, i) => ({ index: i })) },
    };
    const t = setUp([flood]);
    const d = await t.call<DeviceSummary>('devices:add', { name: 'hostile', kind: 'snmp', host: '192.0.2.10', snmp: { version: '2c' }, secret: { community: 'c' } });
    const s = await t.call<DeviceSummary>('devices:poll', { id: d.id });
    expect(s.state).toBe('warning');
    expect(s.message).toContain('Series limit reached: the device reported 5001 series, only 1000 are kept');
    const detail = await t.call<DeviceDetail>('devices:get', { id: d.id });
    expect(detail.series).toHaveLength(1_001); // the bound, plus device.up that the monitor adds
    expect(detail.snapshot?.tables.cores).toHaveLength(5_000);
  });
});

describe('own-reachability guard (issue 14 item 5)', () => {
  it('keeps devices as they were and records one event for the outage when Vigie itself lost its network', async () => {
    const fail = new PollError('timeout', 'No SNMP answer');
    let networkUp = true;
    let asked = 0;
    const guard: GuardPort = {
      networkOk: () => {
        asked += 1;
        return Promise.resolve(networkUp ? { ok: true, detail: '10.0.0.1 answered' } : { ok: false, detail: 'gateway 10.0.0.1 did not answer' });
      },
    };
    // Every device plays the same script: up, down three times, up.
    const t = setUp([result(10, 1000), fail, fail, fail, result(10, 1300)], guard);
    const d = await t.call<DeviceSummary>('devices:add', { name: 'srv', kind: 'snmp', host: '192.0.2.9', snmp: { version: '2c' }, secret: { community: 'ro' } });
    await t.call('devices:poll', { id: d.id });
    networkUp = false;
    for (let i = 0; i < 3; i += 1) {
      t.advance(60_000);
      const s = await t.call<DeviceSummary>('devices:poll', { id: d.id });
      expect(s.state).toBe('ok');
    }
    expect(asked).toBe(3);
    networkUp = true;
    t.advance(60_000);
    expect((await t.call<DeviceSummary>('devices:poll', { id: d.id })).state).toBe('ok');
    const events = (await t.call<{ kind: string; severity: string; message: string; text?: { code: string } }[]>('events:list', { limit: 50 }))
      .reverse()
      .filter((e) => e.kind !== 'audit');
    expect(events.map((e) => [e.kind, e.severity, e.text?.code])).toEqual([
      ['system', 'critical', 'system.network-lost'],
      ['system', 'ok', 'system.network-back'],
    ]);
    expect(events[0]!.message).toBe('Vigie lost its network: gateway 10.0.0.1 did not answer');
    expect(events[1]!.message).toBe('Vigie has its network back after 180 s');
    const detail = await t.call<DeviceDetail>('devices:get', { id: d.id });
    expect(detail.summary.weather.unknown).toBe(0);
  });
});
