import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { vmsBalloonSwap } from './vms-balloon-swap';

describe('vms-balloon-swap', () => {
  const mem = (ballooned: number, swapped: number): ReturnType<typeof props> =>
    props({ 'summary.quickStats.balloonedMemory': String(ballooned), 'summary.quickStats.swappedMemory': String(swapped) });
  it('lists powered-on VMs with ballooned (warning) or swapped (critical) memory', () => {
    const s = snapshotOf({
      vms: [
        vm('fine', { props: mem(0, 0) }),
        vm('balloon', { props: mem(512, 0) }),
        vm('swap', { props: mem(0, 64) }),
        vm('both', { props: mem(100, 20) }),
        vm('off', { powerState: 'poweredOff', props: mem(512, 512) }),
      ],
    });
    expect(plainRows(vmsBalloonSwap.run(s, {}))).toEqual([
      { severity: 'warning', vm: 'balloon', host: 'esx1', balloonedMB: 512, swappedMB: 0 },
      { severity: 'critical', vm: 'swap', host: 'esx1', balloonedMB: 0, swappedMB: 64 },
      { severity: 'critical', vm: 'both', host: 'esx1', balloonedMB: 100, swappedMB: 20 },
    ]);
  });
});
