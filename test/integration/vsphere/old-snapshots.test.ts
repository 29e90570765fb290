import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { missingPeer } from '../../helpers/peer';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';

const available = vcsimAvailable();

/**
 * Issue 17 item 14: the live poller follows VMs' snapshot trees and flags, in the vCenter's problem
 * summary, the VMs whose oldest snapshot is over 14 days old (the simulator dates them 30 and 20 days back),
 * and not those with a fresh one.
 */
describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))(
  'old snapshots on the vCenter page, against the simulator',
  () => {
    let sim: Vcsim;

    beforeAll(async () => {
      sim = await startVcsim({ cluster: 1, host: 2, vm: 4, ds: 1, snapshots: 4, oldSnapshots: 2 });
    });
    afterAll(async () => {
      await sim?.stop();
    });

    it('lists the VMs with an old snapshot in one warning', async () => {
      const { snapshotVms, oldSnapshotVms } = sim.scenario;
      expect(oldSnapshotVms).toHaveLength(2);
      expect(snapshotVms.length).toBeGreaterThan(oldSnapshotVms.length);
      const poller = vsphereSource.open(vcsimTarget(sim), testDeps());
      try {
        const r = await poller.poll(AbortSignal.timeout(60_000));
        const warning = r.problems.find((p) => p.message.includes('with a snapshot older than 14 days'));
        expect(warning?.severity).toBe('warning');
        expect(warning?.message).toMatch(/^2 VM\(s\) with a snapshot older than 14 days: /u);
        for (const name of oldSnapshotVms) expect(warning?.message).toContain(name);
        for (const name of snapshotVms.filter((n) => !oldSnapshotVms.includes(n)))
          expect(warning?.message).not.toContain(name);
      } finally {
        await poller.close();
      }
    });
  },
);
