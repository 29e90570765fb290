import { describe, expect, it } from 'vitest';
import type { About } from '../../vsphere/service-content';
import type { HostInfo, Inventory, VmInfo } from './inventory';
import { buildLiveResult } from './live-result';
import { AUTO_FULL_VMS, effectiveVmHistory, VM_METRICS } from './vm-history';

const about: About = {
  name: 'vc',
  fullName: 'VMware vCenter Server 8.0.2',
  vendor: 'VMware, Inc.',
  version: '8.0.2',
  build: '1',
  apiType: 'VirtualCenter',
  apiVersion: '8.0.2.0',
};

const esx: HostInfo = {
  ref: { type: 'HostSystem', value: 'host-1' },
  name: 'esx1',
  parent: undefined,
  connectionState: 'connected',
  powerState: 'poweredOn',
  inMaintenance: false,
  status: 'green',
  cpuUsedMhz: 4000,
  cpuMhzPerCore: 2000,
  cores: 8,
  memoryUsedMB: 32_768,
  memoryBytes: 128 * 1024 ** 3,
  uptimeSeconds: 86_400,
  alarms: [],
  sensors: [],
};

function vms(n: number): VmInfo[] {
  return Array.from({ length: n }, (_, i) => ({
    ref: { type: 'VirtualMachine', value: `vm-${i}` },
    name: `vm${i}`,
    template: false,
    powerState: 'poweredOn',
    host: esx.ref,
    numCpu: 2,
    memoryMB: 4096,
    maxCpuMhz: 4000,
    cpuUsedMhz: 100 + i,
    entitlementMhz: 2000,
    guestMemoryMB: 1024,
    hostMemoryMB: 3072,
    toolsStatus: 'toolsOk',
    toolsRunning: 'guestToolsRunning',
    oldestSnapshot: undefined,
    status: 'green',
    alarms: [],
  }));
}

function result(n: number, vmHistory?: Parameters<typeof effectiveVmHistory>[0]) {
  const inventory: Inventory = { hosts: [esx], vms: vms(n), datastores: [], clusters: [], datacenters: [], networks: 0, names: new Map() };
  return buildLiveResult({ about, inventory, rates: null, alarmNames: new Map(), now: 1, vmHistory });
}

const vmSeries = (r: ReturnType<typeof result>): number => r.metrics.filter((m) => m.name.startsWith('vm.')).length;

describe('per-VM history policy', () => {
  it('auto keeps full history up to the threshold and table-only values beyond', () => {
    expect(effectiveVmHistory(undefined, AUTO_FULL_VMS)).toBe('full');
    expect(effectiveVmHistory('auto', AUTO_FULL_VMS)).toBe('full');
    expect(effectiveVmHistory('auto', AUTO_FULL_VMS + 1)).toBe('table-only');
    expect(effectiveVmHistory(undefined, 5000)).toBe('table-only');
    // A chosen policy holds whatever the size.
    expect(effectiveVmHistory('full', 5000)).toBe('full');
    expect(effectiveVmHistory('reduced', 3)).toBe('reduced');
    expect(effectiveVmHistory('table-only', 3)).toBe('table-only');
  });

  it('full: every per-VM series, nothing marked reduced', () => {
    const r = result(3, 'full');
    expect(vmSeries(r)).toBe(3 * VM_METRICS.length);
    expect(r.reducedHistory).toBeUndefined();
  });

  it('reduced: the same series, marked for the store to keep without raw; host series are not', () => {
    const r = result(3, 'reduced');
    expect(vmSeries(r)).toBe(12);
    expect(r.reducedHistory).toEqual(VM_METRICS);
    expect(r.reducedHistory).not.toContain('host.cpu.percent');
    expect(r.metrics.find((m) => m.name === 'host.cpu.percent')?.value).toBe(25);
  });

  it('table-only: no per-VM series, and the VM table still has every VM with its live values', () => {
    const r = result(AUTO_FULL_VMS + 1);
    expect(vmSeries(r)).toBe(0);
    expect(r.metrics.some((m) => m.name === 'host.cpu.percent')).toBe(true);
    expect(r.tables.vms).toHaveLength(AUTO_FULL_VMS + 1);
    expect(r.tables.vms?.[7]).toMatchObject({ name: 'vm7', cpuMhz: 107, hostMemory: 3072 * 1024 * 1024 });
  });
});
