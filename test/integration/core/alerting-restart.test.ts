import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActiveProblem } from '../../../src/shared/contract/alerting';
import type { CheckState, DeviceDetail, DeviceSummary, MetricValue } from '../../../src/shared/contract/devices';
import type { Core } from '../../../src/main/core/create-core';
import { openTestCore } from '../../helpers/test-core';
import type { PollResult, Source } from '../../../src/main/core/pollers/source';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';

const MIN = 60_000;
let core: Core | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await core?.stop();
  core = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A Linux host whose CPU is busy (95 %, the default rule wants 10 min over 90 %) and /var nearly full. */
const busy: PollResult = {
  family: 'linux',
  identity: { sysName: 'db-01' },
  metrics: [
    { name: 'cpu.total', instance: '', value: 95, unit: 'percent' },
    { name: 'fs.used.percent', instance: '/var', value: 97, unit: 'percent' },
  ] satisfies MetricValue[],
  tables: {},
  problems: [],
  uptimeSeconds: 100_000,
};

const source: Source = {
  kind: 'snmp',
  test: () => Promise.reject(new Error('not used')),
  open: () => ({ poll: () => Promise.resolve(busy), close: () => Promise.resolve() }),
};

/** The keychain outlives the process, like the OS keychain does. */
const secrets = new MemorySecretStore();

/** One core on a data folder, its clock set by the test. */
function open(dir: string, clock: { now: number }) {
  const t = openTestCore({ dir, clock, source, secrets });
  core = t.core;
  return t.call;
}

const check = (d: DeviceDetail, id: string): CheckState => {
  const c = d.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${d.checks.map((x) => x.id).join(', ')}`);
  return c;
};

describe('alerting across a restart', () => {
  it('keeps a pending "for 10 min" condition and a problem\'s since when the core is closed and reopened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-alert-restart-'));
    dirs.push(dir);
    const t0 = Date.UTC(2026, 0, 5, 12, 0, 0);
    const clock = { now: t0 };
    let call = open(dir, clock);
    const added = await call<DeviceSummary>('devices:add', { name: 'db-01', kind: 'snmp', host: '192.0.2.7', snmp: { version: '2c' }, secret: { community: 'ro' } });
    await call('devices:poll', { id: added.id });
    clock.now = t0 + 4 * MIN;
    await call('devices:poll', { id: added.id });
    let d = await call<DeviceDetail>('devices:get', { id: added.id });
    expect(check(d, 'cpu')).toMatchObject({ state: 'ok', message: '95 % (for 240 s of 600 s)' });
    expect(check(d, 'filesystem:/var')).toMatchObject({ state: 'critical', since: t0 });
    await core!.stop();
    core = null;

    // Six minutes later, a new process on the same folder.
    clock.now = t0 + 6 * MIN;
    call = open(dir, clock);
    await core!.start(); // tracks the devices of the settings file, as at a real start
    await call('devices:poll', { id: added.id });
    d = await call<DeviceDetail>('devices:get', { id: added.id });
    expect(check(d, 'cpu')).toMatchObject({ state: 'ok', message: '95 % (for 360 s of 600 s)' });
    expect(check(d, 'filesystem:/var')).toMatchObject({ state: 'critical', since: t0 });
    const active = await call<ActiveProblem[]>('alerts:active');
    expect(active).toEqual([expect.objectContaining({ deviceId: added.id, checkId: 'filesystem:/var', state: 'critical', since: t0 })]);

    // The duration counts from the first breach, not from the restart.
    clock.now = t0 + 10 * MIN;
    await call('devices:poll', { id: added.id });
    d = await call<DeviceDetail>('devices:get', { id: added.id });
    expect(check(d, 'cpu')).toMatchObject({ state: 'warning', message: '95 % > 90 %', since: t0 + 10 * MIN });
  });
});
