import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { VimClient } from '../../../src/main/core/vsphere/client';
import { PerfManager, REALTIME_INTERVAL } from '../../../src/main/core/vsphere/perf';
import { retrieveFromContainer } from '../../../src/main/core/vsphere/property-collector';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';
import { missingPeer } from '../../helpers/peer';

const available = vcsimAvailable();

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))("vSphere performance counters against VMware's simulator", () => {
  let sim: Vcsim;
  let client: VimClient;

  beforeAll(async () => {
    sim = await startVcsim({ cluster: 1, host: 3, standalone: 1, vm: 1, disconnected: 1 });
    client = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint });
    await client.login();
  });
  afterAll(async () => {
    await client?.close();
    await sim?.stop();
  });

  it('reads the counter catalog by name and the devices a host has', async () => {
    const perf = new PerfManager(client);
    const counters = await perf.counters();
    const rx = counters.get('net.received.average');
    expect(rx).toMatchObject({ group: 'net', name: 'received', rollup: 'average', unit: 'kiloBytesPerSecond' });
    // QueryPerfCounter crashes this simulator's handler (a nil dereference in govmomi 0.24): the dropped
    // connection is a clean, typed error and the session goes on (the catalog above uses the perfCounter
    // property, which every server has).
    await expect(perf.queryCounters([rx?.key ?? -1])).rejects.toMatchObject({ name: 'VsphereNetworkError', stage: 'protocol' });
    const [host] = await retrieveFromContainer(client, [{ type: 'HostSystem', paths: ['name'] }]);
    const available = await perf.availableMetrics(host?.obj ?? { type: 'HostSystem', value: 'none' });
    const instances = new Set(available.filter((m) => m.counterId === rx?.key).map((m) => m.instance));
    expect(instances.has('vmnic0')).toBe(true);
    expect((await perf.providerSummary(host?.obj ?? { type: 'HostSystem', value: 'none' })).refreshRate).toBe(REALTIME_INTERVAL);
    // The simulator defines no historical intervals (vCenter has four); reading them is still a valid call.
    expect(await perf.historicalIntervals()).toEqual([]);
  });

  it('queries realtime and historical samples for many hosts in one batched QueryPerf', async () => {
    const perf = new PerfManager(client);
    const usage = (await perf.counters()).get('cpu.usage.average');
    const hosts = await retrieveFromContainer(client, [{ type: 'HostSystem', paths: ['name'] }]);
    const metrics = [{ counterId: usage?.key ?? -1, instance: '' }];
    const realtime = await perf.query(hosts.map((h) => ({ entity: h.obj, metrics })));
    expect(realtime.map((r) => r.entity.value).sort()).toEqual(hosts.map((h) => h.obj.value).sort());
    for (const r of realtime) {
      expect(r.samples).toHaveLength(1);
      expect(r.samples[0]?.interval).toBe(REALTIME_INTERVAL);
      // cpu.usage is in hundredths of a percent.
      expect(r.series[0]?.values[0]).toBeGreaterThanOrEqual(0);
      expect(r.series[0]?.values[0]).toBeLessThanOrEqual(10_000);
    }
    const start = new Date(Date.now() - 3600_000);
    const [history] = await perf.query([{ entity: hosts[0]?.obj ?? { type: 'HostSystem', value: 'none' }, metrics, intervalId: 300, start, maxSample: 100 }]);
    expect(history?.samples.length).toBeGreaterThan(1);
    expect(history?.samples.every((s) => s.interval === 300)).toBe(true);
    expect(history?.series[0]?.values).toHaveLength(history?.samples.length ?? -1);
  });

  it('a poll carries host NIC and storage adapter rates per device', async () => {
    const poller = vsphereSource.open(vcsimTarget(sim), testDeps());
    try {
      const r = await poller.poll(AbortSignal.timeout(60_000));
      const connected = (r.tables.hosts ?? []).filter((h) => h.connectionState === 'connected').map((h) => String(h.name));
      expect(connected).toHaveLength(sim.counts.hostsConnected);
      const nics = r.tables.nics ?? [];
      expect([...new Set(nics.map((n) => n.host))].sort()).toEqual([...connected].sort());
      for (const n of nics) {
        expect(n.device).toBe('vmnic0');
        for (const k of ['rx', 'tx', 'rxPackets', 'txPackets']) expect(Number(n[k])).toBeGreaterThanOrEqual(0);
      }
      // The simulator serves non-zero sample data for net.received: the rates are real numbers, not placeholders.
      const rx = r.metrics.filter((m) => m.name === 'host.nic.rx.bps');
      expect(rx).toHaveLength(nics.length);
      expect(rx.some((m) => m.value > 0)).toBe(true);
      expect(rx.find((m) => m.instance === `${connected[0]}/vmnic0`)?.value).toBe(Number(nics.find((n) => n.host === connected[0])?.rx) * 8);
      const adapters = r.tables.storageAdapters ?? [];
      expect(adapters.length).toBeGreaterThanOrEqual(connected.length);
      for (const a of adapters) expect(String(a.device)).toMatch(/^vmhba\d+$/);
      // A disconnected host is not queried.
      const [down] = sim.scenario.disconnectedHosts;
      expect(nics.some((n) => n.host === down)).toBe(false);
    } finally {
      await poller.close();
    }
  });
});
