import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VimClient } from '../../../src/main/core/vsphere/client';
import { readEvents } from '../../../src/main/core/vsphere/events';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { missingPeer } from '../../helpers/peer';

const available = vcsimAvailable();
const DAY = 86_400_000;

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))("vSphere events against VMware's simulator", () => {
  let sim: Vcsim;
  let client: VimClient;

  beforeAll(async () => {
    sim = await startVcsim({ cluster: 1, host: 3, standalone: 0, vm: 2, migrations: 13, eventDays: 12, removed: 3 });
    client = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint });
    await client.login();
  });
  afterAll(async () => {
    await client?.close();
    await sim?.stop();
  });

  it('reads a type of event page by page', async () => {
    const page = await readEvents(client, { types: ['DrsVmMigratedEvent'], pageSize: 5, collectorMaxCount: 1000 });
    expect(page.events).toHaveLength(sim.scenario.migrations.length);
    expect(page.pages).toBe(Math.ceil(sim.scenario.migrations.length / 5));
    expect(page.truncated).toBe(false);
    expect(new Set(page.events.map((e) => e.type))).toEqual(new Set(['DrsVmMigratedEvent']));
    const expected = sim.scenario.migrations.map((m) => `${m.vm}@${new Date(m.created).toISOString()}`).sort();
    expect(page.events.map((e) => `${e.vm?.name}@${e.createdTime.toISOString()}`).sort()).toEqual(expected);
  });

  it('keeps only the events of the time window, even when the server ignores it', async () => {
    const begin = new Date(Date.now() - 5 * DAY);
    const page = await readEvents(client, { types: ['DrsVmMigratedEvent'], begin, pageSize: 4, collectorMaxCount: 1000 });
    const inWindow = sim.scenario.migrations.filter((m) => new Date(m.created) >= begin);
    expect(inWindow.length).toBeGreaterThan(0);
    expect(inWindow.length).toBeLessThan(sim.scenario.migrations.length);
    expect(page.events.map((e) => e.vm?.name).sort()).toEqual(inWindow.map((m) => m.vm).sort());
    for (const e of page.events) expect(e.createdTime.getTime()).toBeGreaterThanOrEqual(begin.getTime());
    // The simulator returned the older ones anyway: the client dropped them.
    expect(page.filteredOut).toBe(sim.scenario.migrations.length - inWindow.length);
  });

  it('filters by type: removed VMs, and several types at once', async () => {
    const removed = await readEvents(client, { types: ['VmRemovedEvent'], collectorMaxCount: 1000 });
    expect(removed.events.map((e) => e.vm?.name).sort()).toEqual([...sim.scenario.removedVms].sort());
    const both = await readEvents(client, { types: ['VmRemovedEvent', 'DrsVmMigratedEvent'], pageSize: 3, collectorMaxCount: 1000 });
    expect(both.events).toHaveLength(sim.scenario.removedVms.length + sim.scenario.migrations.length);
    expect(both.pages).toBeGreaterThan(1);
  });

  it('stops at maxEvents and says the read was truncated', async () => {
    const page = await readEvents(client, { types: ['DrsVmMigratedEvent'], pageSize: 2, maxEvents: 5, collectorMaxCount: 1000 });
    expect(page.events).toHaveLength(5);
    expect(page.truncated).toBe(true);
  });
});
