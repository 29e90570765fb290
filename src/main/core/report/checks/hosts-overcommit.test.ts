import { describe, expect, it } from 'vitest';
import { hostsOvercommit } from './hosts-overcommit';
import { host, plainRows, props, snapshotOf, vm } from './test-snapshot';

const GB = 1024 ** 3;
const mem = (mb: number): ReturnType<typeof props> => props({ 'summary.config.memorySizeMB': String(mb) });

describe('hosts-overcommit', () => {
  it('lists hosts whose powered-on VMs are given more memory than the host has', () => {
    const s = snapshotOf({
      hosts: [host('esx1', { props: props({ 'summary.hardware.memorySize': String(16 * GB) }) }), host('esx2', { props: props({ 'summary.hardware.memorySize': String(64 * GB) }) })],
      vms: [
        vm('a', { props: mem(12_288) }),
        vm('b', { props: mem(8192) }),
        vm('off', { powerState: 'poweredOff', props: mem(65_536) }),
        vm('c', { hostRef: 'HostSystem:esx2', host: 'esx2', props: mem(32_768) }),
      ],
    });
    expect(plainRows(hostsOvercommit.run(s, {}))).toEqual([
      { severity: 'warning', host: 'esx1', cluster: 'C1', vms: 2, vmMemoryMB: 20_480, hostMemoryMB: 16_384, percent: 125 },
    ]);
  });
});
