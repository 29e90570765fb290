import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertChange } from '../../../shared/contract/alerting';
import type { DeviceConfig } from '../../../shared/contract/devices';
import { formatMessage } from '../../../shared/messages/format-message';
import { msg } from '../../../shared/messages/message';
import type { State } from '../../../shared/states';
import { silentLogger } from '../log/file-logger';
import { createIncidentTracker, type IncidentTracker } from './incidents';
import type { DeviceStateChange } from './ports';
import { buildTopology } from './topology';

const T0 = 1_700_000_000_000;

function cfg(id: string, parentId: string | null = null): DeviceConfig {
  return {
    id,
    name: id.toUpperCase(),
    kind: 'snmp',
    family: 'auto',
    host: `${id}.lab`,
    port: null,
    intervalSeconds: 60,
    enabled: true,
    snmp: { version: '2c', timeoutMs: 2000, retries: 1, user: '', level: 'authPriv', authProtocol: 'sha', privProtocol: 'aes', context: '' },
    vsphere: null,
    http: null,
    watchedProcesses: [],
    parentId,
    hasSecret: true,
    detectedFamily: null,
    createdAt: T0,
  };
}

// UPS → switch → (srv1, srv2); UPS → srv3; solo has nothing behind it.
const topology = buildTopology({
  configs: [cfg('ups'), cfg('switch', 'ups'), cfg('srv1', 'switch'), cfg('srv2', 'switch'), cfg('srv3', 'ups'), cfg('solo')],
  snapshots: new Map(),
});

let now = T0;
const clock = { now: () => now };
const sent: AlertChange[] = [];
let tracker: IncidentTracker | null = null;

function make(withSend: boolean): IncidentTracker {
  now = T0;
  sent.length = 0;
  tracker = createIncidentTracker({ topology: () => topology, clock, log: silentLogger, ...(withSend ? { send: (c: AlertChange) => sent.push(c) } : {}) });
  return tracker;
}

function change(id: string, previous: State | null, state: State, at = now): DeviceStateChange {
  now = at;
  return { at, deviceId: id, deviceName: id.toUpperCase(), group: 'network', previous, state, detail: msg('check.answers') };
}

afterEach(() => {
  tracker?.dispose();
  vi.useRealTimers();
});

describe('incident tracker', () => {
  it('parent down, then its children: one incident notice listing them, children muted', () => {
    vi.useFakeTimers();
    const t = make(true);
    const root = t.onDeviceState(change('ups', 'ok', 'unknown', T0));
    expect(root.muted).toBe(true);
    expect(root.incidentId).toBe(`inc-ups-${T0}`);
    expect(root.notices).toEqual([]); // held for the dependants' next polls
    const ids = ['switch', 'srv1', 'srv2', 'srv3'];
    const decisions = ids.map((id, i) => t.onDeviceState(change(id, 'ok', 'unknown', T0 + 1000 * (i + 1))));
    expect(decisions.map((d) => d.muted)).toEqual([true, true, true, true]);
    expect(decisions.map((d) => d.incidentId)).toEqual(ids.map(() => `inc-ups-${T0}`));
    // The last dependant completes the picture: the one notice goes out with that decision.
    const notices = decisions.flatMap((d) => d.notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'incident', deviceId: 'ups', state: 'unknown', affected: ['SWITCH', 'SRV1', 'SRV2', 'SRV3'] });
    expect(formatMessage(notices[0]!.text, 'en')).toBe('UPS is down: one incident for it and 4 dependent devices');
    expect(formatMessage(notices[0]!.text, 'fr')).toBe('UPS est en panne : un seul incident pour lui et 4 équipements dépendants');
    vi.advanceTimersByTime(120_000);
    expect(sent).toEqual([]);
    expect(t.incidentOf('srv2')).toBe(`inc-ups-${T0}`);
    expect(t.list(true)[0]!.affected.map((a) => a.deviceId)).toEqual(ids);
    // A leaf with no dependants opens nothing: its failure is its own notification.
    expect(t.onDeviceState(change('solo', 'ok', 'critical'))).toEqual({ muted: false, incidentId: null, notices: [] });
  });

  it('sends a held opening notice when the hold ends with only some dependants down', () => {
    vi.useFakeTimers();
    const t = make(true);
    t.onDeviceState(change('ups', 'ok', 'unknown', T0));
    t.onDeviceState(change('srv3', 'ok', 'unknown', T0 + 2000));
    expect(sent).toEqual([]);
    now = T0 + 30_000;
    vi.advanceTimersByTime(30_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'incident', affected: ['SRV3'], at: T0 + 30_000 });
  });

  it('lets no held notice out during the root\'s maintenance', () => {
    vi.useFakeTimers();
    now = T0;
    sent.length = 0;
    tracker = createIncidentTracker({ topology: () => topology, clock, log: silentLogger, send: (c) => sent.push(c), mayNotify: (id) => id !== 'ups' });
    tracker.onDeviceState(change('ups', 'ok', 'unknown', T0));
    tracker.onDeviceState(change('srv3', 'ok', 'unknown', T0 + 1000));
    now = T0 + 30_000;
    vi.advanceTimersByTime(30_000);
    expect(sent).toEqual([]);
    expect(tracker.list(true)[0]!.affected.map((a) => a.deviceId)).toEqual(['srv3']);
    // Never announced: its end is not announced either, and srv3's recovery is owed to nobody.
    expect(tracker.onDeviceState(change('ups', 'unknown', 'ok', T0 + 60_000)).notices).toEqual([]);
    expect(tracker.onDeviceState(change('srv3', 'unknown', 'ok', T0 + 61_000)).notices).toEqual([]);
  });

  it('joins children that failed shortly before their parent, not older failures', () => {
    const t = make(false);
    expect(t.onDeviceState(change('srv1', 'ok', 'unknown', T0 - 10 * 60_000)).muted).toBe(false); // 10 min before: its own problem
    expect(t.onDeviceState(change('srv2', 'ok', 'unknown', T0 - 50_000)).muted).toBe(false); // not known yet as part of anything
    expect(t.onDeviceState(change('switch', 'ok', 'unknown', T0 - 20_000)).notices[0]).toMatchObject({ kind: 'incident', deviceId: 'switch', affected: ['SRV2'] });
    const root = t.onDeviceState(change('ups', 'ok', 'critical', T0));
    // The switch's own incident (20 s older) merges into the UPS's: one incident for one event.
    expect(root.notices.map((n) => [n.kind, n.deviceId, n.affected])).toEqual([['incident', 'ups', ['SRV2', 'SWITCH']]]);
    expect(t.list(true).map((i) => i.id)).toEqual([`inc-ups-${T0}`]);
    expect(t.list(false).map((i) => i.id)).toEqual([`inc-switch-${T0 - 20_000}`]);
    expect(t.incidentOf('srv1')).toBeNull();
    expect(t.incidentOf('srv2')).toBe(`inc-ups-${T0}`);
  });

  it('closes with one notice when the root recovers; every child recovery is notified', () => {
    const t = make(false);
    t.onDeviceState(change('ups', 'ok', 'unknown', T0));
    t.onDeviceState(change('srv3', 'ok', 'unknown', T0 + 1000));
    t.onDeviceState(change('srv1', 'ok', 'unknown', T0 + 2000));
    // Its failure was told only inside the incident: its recovery is told on its own.
    const childBack = t.onDeviceState(change('srv3', 'unknown', 'ok', T0 + 5000));
    expect(childBack.muted).toBe(false);
    expect(childBack.notices.map((n) => [n.kind, n.deviceId, formatMessage(n.text, 'en')])).toEqual([['recovery', 'srv3', 'SRV3 is OK again']]);
    expect(t.list(true)[0]!.affected).toEqual([
      { deviceId: 'srv3', name: 'SRV3', state: 'ok' },
      { deviceId: 'srv1', name: 'SRV1', state: 'unknown' },
    ]);
    const back = t.onDeviceState(change('ups', 'unknown', 'ok', T0 + 125_000));
    expect(back.muted).toBe(false);
    expect(back.notices).toHaveLength(1);
    expect(back.notices[0]).toMatchObject({ kind: 'incident-closed', severity: 'ok', previous: 'unknown', state: 'ok', deviceId: 'ups' });
    expect(formatMessage(back.notices[0]!.text, 'en')).toBe('UPS is back: incident closed after 2m 5s');
    expect(t.list(true)).toEqual([]);
    expect(t.list(false)[0]).toMatchObject({ id: `inc-ups-${T0}`, closedAt: T0 + 125_000 });
    // A child still down after its root is back: its recovery is still owed, and told.
    expect(t.onDeviceState(change('srv1', 'unknown', 'ok', T0 + 130_000)).notices.map((n) => [n.kind, n.deviceId])).toEqual([['recovery', 'srv1']]);
    // On their own again: a new failure is not muted.
    expect(t.onDeviceState(change('srv3', 'ok', 'unknown', T0 + 140_000)).muted).toBe(false);
  });

  it('rate-limits late joiners to one update per minute (timer path)', () => {
    vi.useFakeTimers();
    const t = make(true);
    t.onDeviceState(change('ups', 'ok', 'unknown', T0));
    now = T0 + 30_000;
    vi.advanceTimersByTime(30_000); // hold over: opening notice with nobody yet
    expect(sent.map((s) => [s.kind, s.affected.length])).toEqual([['incident', 0]]);
    const late = ['srv1', 'srv2', 'srv3'].map((id, i) => t.onDeviceState(change(id, 'ok', 'unknown', T0 + 31_000 + i * 1000)));
    expect(late.every((d) => d.muted && d.notices.length === 0)).toBe(true);
    now = T0 + 90_000;
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ kind: 'incident', affected: ['SRV1', 'SRV2', 'SRV3'] });
    expect(formatMessage(sent[1]!.text, 'en')).toBe('Incident on UPS: 3 dependent devices affected (new: SRV1, SRV2, SRV3)');
    // A joiner after a quiet minute gets its update at once, in its own decision.
    const later = t.onDeviceState(change('switch', 'ok', 'unknown', T0 + 200_000));
    expect(later.notices.map((n) => n.kind)).toEqual(['incident']);
    expect(sent).toHaveLength(2);
  });

  it('rate-limits late joiners without a timer: due updates ride on the next decision', () => {
    const t = make(false);
    expect(t.onDeviceState(change('ups', 'ok', 'unknown', T0)).notices).toHaveLength(1);
    expect(t.onDeviceState(change('srv1', 'ok', 'unknown', T0 + 5000)).notices).toEqual([]);
    expect(t.onDeviceState(change('srv2', 'ok', 'unknown', T0 + 6000)).notices).toEqual([]);
    const next = t.onDeviceState(change('solo', 'ok', 'warning', T0 + 61_000));
    expect(next.notices.map((n) => [n.kind, n.affected])).toEqual([['incident', ['SRV1', 'SRV2']]]);
  });

  it('forgets a removed device', () => {
    const t = make(false);
    t.onDeviceState(change('ups', 'ok', 'unknown', T0));
    t.onDeviceState(change('srv3', 'ok', 'unknown', T0 + 1000));
    t.forget('srv3');
    expect(t.incidentOf('srv3')).toBeNull();
    expect(t.list(true)[0]!.affected).toEqual([]);
    t.forget('ups');
    expect(t.list(true)).toEqual([]);
  });
});
