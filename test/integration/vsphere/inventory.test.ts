import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult, Row } from '../../../src/main/core/pollers/source';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { VimClient } from '../../../src/main/core/vsphere/client';
import { retrieveFromContainer } from '../../../src/main/core/vsphere/property-collector';
import { runTask } from '../../../src/main/core/vsphere/tasks';
import { PropertyFollower } from '../../../src/main/core/vsphere/updates';
import { text } from '../../../src/main/core/vsphere/xml-parse';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';
import { missingPeer } from '../../helpers/peer';

const available = vcsimAvailable();

function metric(r: PollResult, name: string, instance: string): number | undefined {
  return r.metrics.find((m) => m.name === name && m.instance === instance)?.value;
}

function row(rows: Row[] | undefined, key: string, value: string): Row | undefined {
  return rows?.find((r) => r[key] === value);
}

async function powerOff(sim: Vcsim, vmName: string): Promise<void> {
  const client = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint });
  try {
    await client.login();
    const vms = await retrieveFromContainer(client, [{ type: 'VirtualMachine', paths: ['name'] }]);
    const vm = vms.find((o) => text(o.props.get('name')) === vmName);
    if (!vm) throw new Error(`VM ${vmName} not found`);
    await runTask(client, 'PowerOffVM_Task', vm.obj);
  } finally {
    await client.close();
  }
}

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))("vSphere inventory against VMware's simulator", () => {
  let sim: Vcsim;

  beforeAll(async () => {
    sim = await startVcsim({
      cluster: 2,
      host: 3,
      standalone: 1,
      vm: 3,
      ds: 3,
      poweredOff: 2,
      suspended: 1,
      templates: 1,
      maintenance: 1,
      disconnected: 1,
      noTools: 2,
      hotHost: true,
      lowDatastore: true,
      inaccessibleDatastore: true,
      alarms: true,
      hostileName: true,
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('test() identifies the vCenter and counts what the simulator holds', async () => {
    const r = await vsphereSource.test(vcsimTarget(sim), testDeps(), AbortSignal.timeout(30_000));
    expect(r.stage).toBe('ok');
    expect(r.ok).toBe(true);
    expect(r.detected?.family).toBe('vsphere');
    expect(r.detected?.identity).toMatchObject({
      apiType: sim.apiType,
      hosts: sim.counts.hosts,
      clusters: sim.counts.clusters,
      datacenters: sim.counts.datacenters,
      datastores: sim.counts.datastores,
      vmsTotal: sim.counts.vms,
      vmsPoweredOn: sim.counts.vmsPoweredOn,
    });
  });

  it('a poll reports the counts, per-host state, datastores and alarms of the model', async () => {
    const poller = vsphereSource.open(vcsimTarget(sim), testDeps());
    try {
      const r = await poller.poll(AbortSignal.timeout(60_000));
      const c = sim.counts;
      expect(r.identity).toMatchObject({
        apiType: 'VirtualCenter',
        datacenters: c.datacenters,
        clusters: c.clusters,
        hosts: c.hosts,
        vmsTotal: c.vms,
        vmsPoweredOn: c.vmsPoweredOn,
        vmsPoweredOff: c.vmsPoweredOff,
        vmsSuspended: c.vmsSuspended,
        templates: c.templates,
        datastores: c.datastores,
        networks: c.networks,
        vmsSummary: `${c.vmsPoweredOn}/${c.vms}`,
      });
      expect(r.tables.hosts).toHaveLength(c.hosts);
      expect(r.tables.vms).toHaveLength(c.vms);
      expect(r.tables.datastores).toHaveLength(c.datastores);
      // Every VM sits on a host of the hosts table, and the per-host VM counts add up.
      const hostNames = new Set(r.tables.hosts?.map((h) => h.name));
      for (const vm of r.tables.vms ?? []) expect(hostNames.has(vm.host)).toBe(true);
      const perHost = (r.tables.hosts ?? []).reduce((s, h) => s + Number(h.vms), 0);
      expect(perHost).toBe(c.vms);

      const [down] = sim.scenario.disconnectedHosts;
      const [maintenance] = sim.scenario.maintenanceHosts;
      expect(down && maintenance).toBeTruthy();
      expect(row(r.tables.hosts, 'name', down as string)).toMatchObject({ connectionState: 'disconnected', status: 'critical' });
      expect(metric(r, 'host.connected', down as string)).toBe(0);
      expect(r.problems).toContainEqual({ severity: 'critical', message: `host ${down} is disconnected` });
      expect(row(r.tables.hosts, 'name', maintenance as string)).toMatchObject({ maintenance: true, connectionState: 'connected' });
      expect(metric(r, 'host.maintenance', maintenance as string)).toBe(1);
      expect(r.tables.hosts?.filter((h) => h.maintenance === true)).toHaveLength(c.hostsMaintenance);

      // The hot host is above the 90 % rule; the others, with the lab's random load, are not.
      const hot = sim.scenario.hotHost;
      expect(metric(r, 'host.cpu.percent', hot)).toBeGreaterThan(90);
      expect(metric(r, 'host.memory.percent', hot)).toBeGreaterThan(90);
      for (const h of r.tables.hosts ?? []) if (h.name !== hot && h.cpuPercent !== null) expect(Number(h.cpuPercent)).toBeLessThan(90);

      const low = sim.scenario.lowDatastore;
      const lowFree = metric(r, 'datastore.free.percent', low);
      expect(lowFree).toBeGreaterThan(2.5);
      expect(lowFree).toBeLessThan(5);
      const bad = sim.scenario.inaccessibleDatastore;
      expect(row(r.tables.datastores, 'name', bad)).toMatchObject({ accessible: false, status: 'critical' });
      expect(r.problems).toContainEqual({ severity: 'critical', message: `datastore ${bad} is not accessible` });

      for (const name of sim.scenario.noToolsVms) expect(row(r.tables.vms, 'name', name)).toMatchObject({ tools: 'toolsNotInstalled', powerState: 'poweredOn' });
      // Powered-on VMs have CPU and memory figures; allocated CPU % is usage over numCpu × host core MHz.
      const on = (r.tables.vms ?? []).filter((v) => v.powerState === 'poweredOn');
      expect(on).toHaveLength(c.vmsPoweredOn);
      for (const v of on) {
        expect(Number(v.cpuMhz)).toBeGreaterThan(0);
        expect(Number(v.cpuAllocatedPercent)).toBeGreaterThan(0);
        expect(Number(v.cpuAllocatedPercent)).toBeLessThanOrEqual(100);
        expect(Number(v.hostMemory)).toBeGreaterThan(0);
        expect(metric(r, 'vm.cpu.mhz', String(v.name))).toBe(v.cpuMhz);
      }

      // A VM named with markup is data, unchanged, in the table and as a metric instance.
      const hostile = sim.scenario.hostileVm;
      expect(hostile).toContain('<img');
      expect(row(r.tables.vms, 'name', hostile)).toMatchObject({ powerState: 'poweredOn' });
      expect(metric(r, 'vm.cpu.mhz', hostile)).toBeGreaterThan(0);

      const alarms = r.tables.alarms ?? [];
      expect(alarms).toHaveLength(sim.scenario.triggeredAlarms);
      expect(row(alarms, 'entity', down as string)).toMatchObject({ alarm: 'Host connection and power state', status: 'critical', entityType: 'HostSystem' });
      expect(row(alarms, 'entity', hot)).toMatchObject({ alarm: 'Host CPU usage', status: 'warning' });
    } finally {
      await poller.close();
    }
  });

  it('a VM powered off through the API shows as such at the next poll (WaitForUpdatesEx)', async () => {
    const poller = vsphereSource.open(vcsimTarget(sim), testDeps());
    try {
      const before = await poller.poll(AbortSignal.timeout(60_000));
      const victim = (before.tables.vms ?? []).find((v) => v.powerState === 'poweredOn');
      expect(victim).toBeDefined();
      await powerOff(sim, String(victim?.name));
      const after = await poller.poll(AbortSignal.timeout(60_000));
      expect(row(after.tables.vms, 'name', String(victim?.name))?.powerState).toBe('poweredOff');
      expect(after.identity.vmsPoweredOn).toBe(Number(before.identity.vmsPoweredOn) - 1);
      expect(after.identity.vmsPoweredOff).toBe(Number(before.identity.vmsPoweredOff) + 1);
    } finally {
      await poller.close();
    }
  });

  it('the follower reads everything once, then only changes', async () => {
    const client = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint });
    await client.login();
    const follower = new PropertyFollower(client, [{ type: 'VirtualMachine', paths: ['name', 'runtime.powerState'] }]);
    try {
      const first = await follower.sync(0);
      expect(first.full).toBe(true);
      expect(first.changed).toBe(sim.counts.vms + sim.counts.templates);
      expect(follower.objects.size).toBe(sim.counts.vms + sim.counts.templates);
      const idle = await follower.sync(0);
      expect(idle).toMatchObject({ full: false, changed: 0 });
      const target = [...follower.objects.values()].find((o) => text(o.props.get('runtime.powerState')) === 'poweredOn');
      expect(target).toBeDefined();
      const name = text(target?.props.get('name')) ?? '';
      await powerOff(sim, name);
      const next = await follower.sync(0);
      expect(next.full).toBe(false);
      expect(next.changed).toBe(1);
      const updated = [...follower.objects.values()].find((o) => text(o.props.get('name')) === name);
      expect(text(updated?.props.get('runtime.powerState'))).toBe('poweredOff');
    } finally {
      await follower.close();
      await client.close();
    }
  });
});

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))('a standalone ESXi host (HostAgent)', () => {
  let sim: Vcsim;
  beforeAll(async () => {
    sim = await startVcsim({ esx: true, vm: 3, poweredOff: 1 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('is identified as an ESXi host and polled with its uptime', async () => {
    const t = await vsphereSource.test(vcsimTarget(sim), testDeps(), AbortSignal.timeout(30_000));
    expect(t).toMatchObject({ ok: true, stage: 'ok' });
    expect(t.detected?.identity).toMatchObject({ apiType: 'HostAgent', hosts: 1, vmsTotal: sim.counts.vms });
    expect(t.message).toContain('ESXi host');
    const poller = vsphereSource.open(vcsimTarget(sim), testDeps());
    try {
      const r = await poller.poll(AbortSignal.timeout(60_000));
      expect(r.identity).toMatchObject({ apiType: 'HostAgent', hosts: 1, vmsTotal: sim.counts.vms, vmsPoweredOn: sim.counts.vmsPoweredOn });
      expect(r.uptimeSeconds).toBe(r.tables.hosts?.[0]?.uptime);
      expect(r.uptimeSeconds).toBeGreaterThan(0);
    } finally {
      await poller.close();
    }
  });
});
