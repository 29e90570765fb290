import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VmHistoryPolicy } from '../../../src/shared/kinds/vsphere';
import { pollSamples } from '../../../src/main/core/monitor/poll-samples';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { openMetricStore } from '../../../src/main/core/store/sqlite-metric-store';
import { HOUR, MINUTE } from '../../../src/main/core/store/tiers';
import { missingPeer } from '../../helpers/peer';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';

const available = vcsimAvailable();
const T0 = Date.UTC(2024, 2, 4);

/**
 * Issue 18 item 3: a vCenter's per-VM history policy, from the live poll of the simulator to the store. The
 * poll's samples go to the store as the monitor writes them (pollSamples), once a minute for two hours of
 * store time (the simulator's figures do not change in between: the policy is what is looked at).
 */
describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))('per-VM history policy against the simulator', () => {
  let sim: Vcsim;
  let dir: string;

  beforeAll(async () => {
    sim = await startVcsim({ cluster: 1, host: 2, vm: 3, ds: 1 });
    dir = mkdtempSync(join(tmpdir(), 'vigie-vm-history-'));
  });
  afterAll(async () => {
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function poll(vmHistory: VmHistoryPolicy): Promise<PollResult> {
    const target = vcsimTarget(sim);
    const vsphere = target.device.vsphere;
    if (!vsphere) throw new Error('vcsimTarget gave no vSphere settings');
    const poller = vsphereSource.open({ ...target, device: { ...target.device, vsphere: { ...vsphere, vmHistory } } }, testDeps());
    try {
      return await poller.poll(AbortSignal.timeout(60_000));
    } finally {
      await poller.close();
    }
  }

  it('reduced: per-VM series get no raw chunk, host series do; the VM table has every VM', async () => {
    const result = await poll('reduced');
    expect(result.tables.vms?.length).toBe(sim.counts.vms);
    const store = openMetricStore(join(dir, 'reduced.db'));
    try {
      const samples = pollSamples('vc', result);
      expect(samples.filter((s) => s.metric.startsWith('vm.')).every((s) => s.history === 'reduced')).toBe(true);
      for (let t = T0; t < T0 + 2 * HOUR; t += MINUTE) {
        store.ingest(t, samples);
        store.maintain(t);
      }
      const rawBySid = new Map(
        store.database
          .prepare<[], { sid: number; n: number }>('SELECT id % 33554432 AS sid, count(*) AS n FROM chunk_raw GROUP BY sid')
          .all()
          .map((r) => [r.sid, r.n]),
      );
      const series = store.database.prepare<[], { id: number; metric: string; history: string }>('SELECT id, metric, history FROM series').all();
      const vm = series.filter((s) => s.metric.startsWith('vm.'));
      const host = series.filter((s) => s.metric.startsWith('host.'));
      expect(vm.length).toBeGreaterThan(0);
      expect(host.length).toBeGreaterThan(0);
      for (const s of vm) {
        expect(s.history).toBe('reduced');
        expect(rawBySid.get(s.id)).toBeUndefined();
      }
      for (const s of host) {
        expect(s.history).toBe('full');
        expect(rawBySid.get(s.id)).toBe(1);
      }
      // The sealed hour of a VM is there at 5 minutes.
      const running = result.metrics.find((m) => m.name === 'vm.cpu.mhz');
      expect(running).toBeDefined();
      const key = `vc|vm.cpu.mhz|${running?.instance ?? ''}`;
      expect(store.queryTier(key, '5m', T0, T0 + HOUR).count).toEqual(new Array(12).fill(5));
    } finally {
      store.close();
    }
  });

  it('table-only: no per-VM series at all, the VM table keeps their live values', async () => {
    const result = await poll('table-only');
    expect(result.metrics.filter((m) => m.name.startsWith('vm.'))).toEqual([]);
    expect(result.metrics.some((m) => m.name === 'host.cpu.percent')).toBe(true);
    const running = result.tables.vms?.filter((r) => r.powerState === 'poweredOn') ?? [];
    expect(running.length).toBeGreaterThan(0);
    for (const r of running) expect(typeof r.cpuMhz).toBe('number');
  });
});
