import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { readyPercent, vmsCpuReady } from './vms-cpu-ready';

describe('vms-cpu-ready', () => {
  it('converts ready milliseconds per sample to % per vCPU', () => {
    // 2-hour sample, 2 vCPUs: 1,440,000 ms ready = 1440 s of 14,400 vCPU-seconds = 10 %.
    expect(readyPercent(1_440_000, 7200, 2)).toBe(10);
    expect(readyPercent(2000, 20, 1)).toBe(10);
  });
  it('lists VMs above X % per vCPU (critical at twice X), highest first', () => {
    const s = snapshotOf({
      perfIntervalSeconds: 7200,
      perfDays: 1,
      vms: [vm('calm', { props: props({ 'summary.config.numCpu': '4' }) }), vm('busy', { props: props({ 'summary.config.numCpu': '2' }) }), vm('wide', { props: props({ 'summary.config.numCpu': '8' }) })],
      vmCounters: new Map([
        [
          'cpu.ready.summation',
          new Map([
            ['VirtualMachine:calm', { avg: 1_440_000, max: 2_000_000, samples: 12 }],
            ['VirtualMachine:busy', { avg: 2_160_000, max: 3_600_000, samples: 12 }],
            ['VirtualMachine:wide', { avg: 12_960_000, max: 14_400_000, samples: 12 }],
          ]),
        ],
      ]),
    });
    expect(plainRows(vmsCpuReady.run(s, { percent: 10 }))).toEqual([
      { severity: 'critical', vm: 'wide', host: 'esx1', vcpus: 8, readyPercent: 22.5, readyMaxPercent: 25 },
      { severity: 'warning', vm: 'busy', host: 'esx1', vcpus: 2, readyPercent: 15, readyMaxPercent: 25 },
    ]);
  });
  it('is unsupported when the server has no cpu.ready.summation', () => {
    expect(vmsCpuReady.run(snapshotOf({ perfIntervalSeconds: 7200 }), {}).status).toBe('unsupported');
  });
});
