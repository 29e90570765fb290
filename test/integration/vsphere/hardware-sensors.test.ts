import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { missingPeer } from '../../helpers/peer';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';

const available = vcsimAvailable();

/**
 * Issue 16 item 3: the ESX/vCenter page shows each host's hardware sensors live (the health system's numeric
 * sensors, followed with the rest of the inventory) and the non-green ones as problems on the device. The
 * simulator's -wave2 gives every host two green sensors and one host a yellow fan and a red CPU temperature.
 */
describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))('host hardware sensors on the vCenter page, against the simulator', () => {
  let sim: Vcsim;

  beforeAll(async () => {
    sim = await startVcsim({ cluster: 1, host: 3, standalone: 1, vm: 5, ds: 3, wave2: true });
  }, 180_000);
  afterAll(async () => {
    await sim?.stop();
  });

  it('lists every connected host sensor with reading, unit and state, and the yellow/red ones as problems', async () => {
    const w = sim.wave2;
    if (!w) throw new Error('the simulator printed no wave2 seeds');
    const poller = vsphereSource.open(vcsimTarget(sim), testDeps());
    try {
      const r = await poller.poll(AbortSignal.timeout(120_000));
      const rows = r.tables.sensors ?? [];
      // Two green sensors on every host, three on the seeded one (one green, the two seeded).
      expect(rows).toHaveLength(2 * (sim.counts.hosts - 1) + 3);
      const seeded = rows.filter((row) => row.host === w.sensorHost);
      expect(seeded).toEqual(
        expect.arrayContaining([
          { host: w.sensorHost, sensor: 'Fan 3 Speed', type: 'fan', reading: 1200, unit: 'RPM', status: 'warning' },
          { host: w.sensorHost, sensor: 'CPU 1 Temp', type: 'temperature', reading: 95.5, unit: 'Degrees C', status: 'critical' },
          { host: w.sensorHost, sensor: 'System Board 1 Ambient Temp', type: 'temperature', reading: 24, unit: 'Degrees C', status: 'ok' },
        ]),
      );
      expect(r.problems.filter((p) => p.message.includes(' sensor '))).toEqual([
        { severity: 'warning', message: `host ${w.sensorHost} sensor Fan 3 Speed is yellow (1200 RPM)` },
        { severity: 'critical', message: `host ${w.sensorHost} sensor CPU 1 Temp is red (95.5 Degrees C)` },
      ]);
    } finally {
      await poller.close();
    }
  });
});
