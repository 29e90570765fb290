import { describe, expect, it } from 'vitest';
import { plainRows, snapshotOf, vm } from './test-snapshot';
import { vmCpuUsage } from './vm-cpu-usage';

describe('vm-cpu-usage', () => {
  it('per host, VMs whose average CPU exceeds X %, critical past the midpoint to 100', () => {
    const s = snapshotOf({
      vms: [vm('busy', { host: 'esx2' }), vm('hot'), vm('calm'), vm('edge')],
      vmCpu: new Map([
        ['VirtualMachine:busy', { vmRef: 'VirtualMachine:busy', avgPercent: 80.04, maxPercent: 99.5 }],
        ['VirtualMachine:hot', { vmRef: 'VirtualMachine:hot', avgPercent: 91, maxPercent: 100 }],
        ['VirtualMachine:calm', { vmRef: 'VirtualMachine:calm', avgPercent: 20, maxPercent: 90 }],
        ['VirtualMachine:edge', { vmRef: 'VirtualMachine:edge', avgPercent: 75, maxPercent: 80 }],
      ]),
    });
    expect(plainRows(vmCpuUsage.run(s, { days: 1, percent: 75 }))).toEqual([
      { severity: 'critical', host: 'esx1', vm: 'hot', cpuAvgPercent: 91, cpuMaxPercent: 100 },
      { severity: 'warning', host: 'esx2', vm: 'busy', cpuAvgPercent: 80, cpuMaxPercent: 99.5 },
    ]);
    expect(plainRows(vmCpuUsage.run(s, { days: 1, percent: 10 })).map((r) => r.vm)).toEqual(['hot', 'edge', 'calm', 'busy']);
  });
  it('is unsupported when performance was read without a cpu.usage.average counter', () => {
    const s = snapshotOf({ perfIntervalSeconds: 7200, vmCounters: new Map([['cpu.ready.summation', new Map()]]) });
    expect(vmCpuUsage.run(s, {}).status).toBe('unsupported');
  });
});
