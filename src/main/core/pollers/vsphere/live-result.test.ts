import { describe, expect, it } from 'vitest';
import type { About } from '../../vsphere/service-content';
import { parseXml, type XmlNode } from '../../vsphere/xml-parse';
import { readInventory, type HostInfo, type Inventory, type VmInfo } from './inventory';
import { buildLiveResult, unknownAlarms } from './live-result';

const about: About = {
  name: 'VMware vCenter Server',
  fullName: 'VMware vCenter Server 8.0.2 build-22385739',
  vendor: 'VMware, Inc.',
  version: '8.0.2',
  build: '22385739',
  apiType: 'VirtualCenter',
  apiVersion: '8.0.2.0',
};

function host(name: string, over: Partial<HostInfo> = {}): HostInfo {
  return {
    ref: { type: 'HostSystem', value: `host-${name}` },
    name,
    parent: { type: 'ClusterComputeResource', value: 'domain-c1' },
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
    ...over,
  };
}

function vm(name: string, hostName: string, over: Partial<VmInfo> = {}): VmInfo {
  return {
    ref: { type: 'VirtualMachine', value: `vm-${name}-${hostName}` },
    name,
    template: false,
    powerState: 'poweredOn',
    host: { type: 'HostSystem', value: `host-${hostName}` },
    numCpu: 2,
    memoryMB: 4096,
    maxCpuMhz: 4000,
    cpuUsedMhz: 1000,
    entitlementMhz: 2000,
    guestMemoryMB: 1024,
    hostMemoryMB: 3072,
    toolsStatus: 'toolsOk',
    toolsRunning: 'guestToolsRunning',
    oldestSnapshot: undefined,
    status: 'green',
    alarms: [],
    ...over,
  };
}

function inventory(over: Partial<Inventory>): Inventory {
  return { hosts: [], vms: [], datastores: [], clusters: [], datacenters: [], networks: 0, names: new Map(), ...over };
}

describe('live vSphere result', () => {
  it('computes host and VM percentages from the raw figures', () => {
    const h = host('esx1');
    const v = vm('web', 'esx1');
    const r = buildLiveResult({ about, inventory: inventory({ hosts: [h], vms: [v] }), rates: null, alarmNames: new Map(), now: 1 });
    const m = (name: string, inst: string): number | undefined => r.metrics.find((x) => x.name === name && x.instance === inst)?.value;
    expect(m('host.cpu.percent', 'esx1')).toBeCloseTo((4000 / (2000 * 8)) * 100, 2);
    expect(m('host.memory.percent', 'esx1')).toBeCloseTo((32_768 / (128 * 1024)) * 100, 2);
    const row = r.tables.vms?.[0];
    // Allocated: usage over numCpu × host core MHz; real: usage over the static entitlement.
    expect(row?.cpuAllocatedPercent).toBeCloseTo((1000 / (2 * 2000)) * 100, 2);
    expect(row?.cpuRealPercent).toBeCloseTo((1000 / 2000) * 100, 2);
    expect(row?.guestMemoryPercent).toBeCloseTo((1024 / 4096) * 100, 2);
    expect(row?.hostMemoryPercent).toBeCloseTo((3072 / 4096) * 100, 2);
    expect(row?.hostMemory).toBe(3072 * 1024 * 1024);
    // Without an entitlement the VM's max CPU is the reference.
    const noEnt = buildLiveResult({
      about,
      inventory: inventory({ hosts: [h], vms: [vm('db', 'esx1', { entitlementMhz: 0, maxCpuMhz: 8000 })] }),
      rates: null,
      alarmNames: new Map(),
      now: 1,
    });
    expect(noEnt.tables.vms?.[0]?.cpuRealPercent).toBeCloseTo((1000 / 8000) * 100, 2);
  });

  it('counts VMs by power state without templates, and reports the tile text', () => {
    const vms = [
      vm('a', 'esx1'),
      vm('b', 'esx1', { powerState: 'poweredOff' }),
      vm('c', 'esx1', { powerState: 'suspended' }),
      vm('t', 'esx1', { template: true, powerState: 'poweredOff' }),
    ];
    const r = buildLiveResult({ about, inventory: inventory({ hosts: [host('esx1')], vms }), rates: null, alarmNames: new Map(), now: 42 });
    expect(r.identity).toMatchObject({ vmsTotal: 3, vmsPoweredOn: 1, vmsPoweredOff: 1, vmsSuspended: 1, templates: 1, vmsSummary: '1/3', lastUpdate: 42 });
    expect(r.tables.vms).toHaveLength(3);
    expect(r.tables.hosts?.[0]?.vms).toBe(3);
    // Only running VMs carry load figures.
    expect(r.tables.vms?.find((x) => x.name === 'b')).toMatchObject({ cpuMhz: null, cpuAllocatedPercent: null, hostMemory: null });
  });

  it('reports unreachable hosts and inaccessible datastores as critical problems, without load figures', () => {
    const down = host('esx2', { connectionState: 'notResponding', status: 'gray' });
    const r = buildLiveResult({
      about,
      inventory: inventory({
        hosts: [host('esx1', { status: 'yellow' }), down],
        datastores: [
          { ref: { type: 'Datastore', value: 'ds-1' }, name: 'ds1', type: 'VMFS', capacity: 1000, free: 40, accessible: true, status: 'green', alarms: [] },
          { ref: { type: 'Datastore', value: 'ds-2' }, name: 'ds2', type: 'NFS', capacity: 1000, free: 900, accessible: false, status: 'gray', alarms: [] },
        ],
      }),
      rates: null,
      alarmNames: new Map(),
      now: 1,
    });
    expect(r.problems).toEqual([
      { severity: 'warning', message: 'host esx1 overall status is yellow' },
      { severity: 'critical', message: 'host esx2 is not responding' },
      { severity: 'critical', message: 'datastore ds2 is not accessible' },
    ]);
    expect(r.metrics.some((x) => x.instance === 'esx2' && x.name === 'host.cpu.percent')).toBe(false);
    expect(r.metrics.find((x) => x.instance === 'esx2' && x.name === 'host.connected')?.value).toBe(0);
    expect(r.metrics.find((x) => x.instance === 'ds1' && x.name === 'datastore.free.percent')?.value).toBe(4);
    expect(r.tables.datastores?.find((d) => d.name === 'ds2')).toMatchObject({ accessible: false, status: 'critical' });
  });

  it('keeps metric instances unique when names repeat', () => {
    const r = buildLiveResult({
      about,
      inventory: inventory({ hosts: [host('esx1'), host('esx2')], vms: [vm('app', 'esx1'), vm('app', 'esx2')] }),
      rates: null,
      alarmNames: new Map(),
      now: 1,
    });
    const instances = r.metrics.filter((x) => x.name === 'vm.cpu.mhz').map((x) => x.instance);
    expect(new Set(instances).size).toBe(2);
    expect(instances).toEqual(['app (vm-app-esx1)', 'app (vm-app-esx2)']);
  });

  it('turns NIC rates into bits per second per host/device and lists adapters', () => {
    const r = buildLiveResult({
      about,
      inventory: inventory({ hosts: [host('esx1')] }),
      rates: {
        nics: [{ host: 'esx1', device: 'vmnic0', rx: 1000, tx: 500, rxPackets: 10, txPackets: 5 }],
        adapters: [{ host: 'esx1', device: 'vmhba1', read: 2048, write: 1024, reads: 3, writes: 4 }],
      },
      alarmNames: new Map(),
      now: 1,
    });
    expect(r.metrics.find((x) => x.name === 'host.nic.rx.bps')).toEqual({ name: 'host.nic.rx.bps', instance: 'esx1/vmnic0', value: 8000, unit: 'bitsPerSecond' });
    expect(r.metrics.find((x) => x.name === 'host.storage.read')).toEqual({ name: 'host.storage.read', instance: 'esx1/vmhba1', value: 2048, unit: 'bytesPerSecond' });
    expect(r.tables.nics).toEqual([{ host: 'esx1', device: 'vmnic0', tx: 500, rx: 1000, txPackets: 5, rxPackets: 10 }]);
  });

  it('lists each triggered alarm once, named when the name is known', () => {
    const state = {
      key: 'alarm-7.host-esx1',
      entity: { type: 'HostSystem', value: 'host-esx1' },
      alarm: { type: 'Alarm', value: 'alarm-7' },
      status: 'red' as const,
      time: new Date(1000),
      acknowledged: false,
    };
    const other = { ...state, key: 'alarm-9.host-esx1', alarm: { type: 'Alarm', value: 'alarm-9' }, status: 'yellow' as const, time: new Date(2000) };
    // vCenter repeats a host's alarm on its cluster: listed once.
    const inv = inventory({
      hosts: [host('esx1', { alarms: [state, other] })],
      clusters: [{ ref: { type: 'ClusterComputeResource', value: 'domain-c1' }, name: 'C1', status: 'red', alarms: [state] }],
      names: new Map([['HostSystem:host-esx1', 'esx1']]),
    });
    const names = new Map([['alarm-7', 'Host connection and power state']]);
    expect(unknownAlarms(inv, names)).toEqual([{ type: 'Alarm', value: 'alarm-9' }]);
    const r = buildLiveResult({ about, inventory: inv, rates: null, alarmNames: names, now: 1 });
    expect(r.tables.alarms).toEqual([
      { entity: 'esx1', entityType: 'HostSystem', alarm: 'alarm-9', status: 'warning', time: 2000, acknowledged: false },
      { entity: 'esx1', entityType: 'HostSystem', alarm: 'Host connection and power state', status: 'critical', time: 1000, acknowledged: false },
    ]);
    expect(r.problems).toContainEqual({ severity: 'critical', message: 'cluster C1 overall status is red' });
  });
});

describe('vCenter problem summary (issue 17 item 14)', () => {
  it('lists every VM the table marks, and running VMs without Tools in one line', () => {
    const vms = [
      vm('ok', 'esx1'),
      vm('red', 'esx1', { status: 'red' }),
      vm('yellow', 'esx1', { status: 'yellow' }),
      vm('notools', 'esx1', { toolsStatus: 'toolsNotInstalled' }),
      vm('stopped-tools', 'esx1', { toolsStatus: 'toolsNotRunning' }),
      vm('off', 'esx1', { powerState: 'poweredOff', toolsStatus: 'toolsNotRunning' }),
    ];
    const r = buildLiveResult({ about, inventory: inventory({ hosts: [host('esx1')], vms }), rates: null, alarmNames: new Map(), now: 1 });
    const marked = (r.tables.vms ?? []).filter((row) => row.status === 'warning' || row.status === 'critical').map((row) => row.name);
    expect(marked).toEqual(['red', 'yellow']);
    expect(r.problems).toEqual([
      { severity: 'critical', message: 'VM red overall status is red' },
      { severity: 'warning', message: 'VM yellow overall status is yellow' },
      { severity: 'warning', message: '2 powered-on VM(s) without VMware Tools running: notools, stopped-tools' },
    ]);
  });
});

describe('old snapshots in the vCenter problem summary (issue 17 item 14)', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 11, 3, 4, 0, 0);

  it('reads the oldest snapshot of a VM from its followed snapshot tree, nested ones included', () => {
    const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
    const tree =
      '<currentSnapshot type="VirtualMachineSnapshot">snapshot-3</currentSnapshot><rootSnapshotList>' +
      '<snapshot type="VirtualMachineSnapshot">snapshot-1</snapshot><name>before upgrade</name><createTime>2026-11-20T10:00:00Z</createTime>' +
      '<childSnapshotList><snapshot type="VirtualMachineSnapshot">snapshot-2</snapshot><name>nested</name><createTime>2026-11-01T08:30:00Z</createTime></childSnapshotList>' +
      '</rootSnapshotList>';
    const root = parseXml(`<val ${XSI}>${tree}</val>`);
    const props = (snapshot: boolean): Map<string, XmlNode> =>
      new Map<string, XmlNode>([
        ['name', snapshot ? 'with-snap' : 'no-snap'],
        ...(snapshot ? [['snapshot', (root.val as XmlNode | undefined) ?? ''] as [string, XmlNode]] : []),
      ]);
    const inv = readInventory([
      { obj: { type: 'VirtualMachine', value: 'vm-1' }, props: props(true) },
      { obj: { type: 'VirtualMachine', value: 'vm-2' }, props: props(false) },
    ]);
    const byName = new Map(inv.vms.map((v) => [v.name, v.oldestSnapshot]));
    expect(byName.get('with-snap')).toBe(Date.UTC(2026, 10, 1, 8, 30));
    expect(byName.get('no-snap')).toBeUndefined();
  });

  it('flags VMs whose oldest snapshot is over 14 days old as one warning, and no others', () => {
    const vms = [
      vm('fresh', 'esx1', { oldestSnapshot: now - 3 * DAY }),
      vm('borderline', 'esx1', { oldestSnapshot: now - 14 * DAY }),
      vm('old', 'esx1', { oldestSnapshot: now - 15 * DAY }),
      vm('ancient-off', 'esx1', { oldestSnapshot: now - 400 * DAY, powerState: 'poweredOff' }),
      vm('none', 'esx1'),
    ];
    const r = buildLiveResult({ about, inventory: inventory({ hosts: [host('esx1')], vms }), rates: null, alarmNames: new Map(), now });
    expect(r.problems).toEqual([{ severity: 'warning', message: '2 VM(s) with a snapshot older than 14 days: old, ancient-off' }]);
  });

  it('names five and counts the rest on a large farm', () => {
    const vms = Array.from({ length: 8 }, (_, i) => vm(`vm${i}`, 'esx1', { oldestSnapshot: now - 30 * DAY }));
    const r = buildLiveResult({ about, inventory: inventory({ hosts: [host('esx1')], vms }), rates: null, alarmNames: new Map(), now });
    expect(r.problems).toEqual([
      { severity: 'warning', message: '8 VM(s) with a snapshot older than 14 days: vm0, vm1, vm2, vm3, vm4 and 3 more' },
    ]);
  });
});

describe('host hardware sensors on the live page (issue 16)', () => {
  const sensor = (name: string, status: 'green' | 'yellow' | 'red' | 'unknown', reading: number | null, unit: string): HostInfo['sensors'][number] => ({
    name,
    type: 'temperature',
    reading,
    unit,
    status,
    statusLabel: status,
  });
  it('lists every sensor of connected hosts, and yellow/red ones as problems with their reading', () => {
    const r = buildLiveResult({
      inventory: inventory({
        hosts: [
          host('esx1', { sensors: [sensor('Ambient', 'green', 24, 'Degrees C'), sensor('CPU 1 Temp', 'red', 95.5, 'Degrees C'), sensor('Slot 4', 'unknown', null, '')] }),
          host('esx2', { sensors: [sensor('Fan 3', 'yellow', 1200, 'RPM')] }),
          host('esx3', { connectionState: 'disconnected', sensors: [sensor('PSU', 'red', 0, 'Watts')] }),
        ],
      }),
      about,
      rates: null,
      alarmNames: new Map(),
      now: 0,
    });
    expect(r.tables.sensors).toEqual([
      { host: 'esx1', sensor: 'Ambient', type: 'temperature', reading: 24, unit: 'Degrees C', status: 'ok' },
      { host: 'esx1', sensor: 'CPU 1 Temp', type: 'temperature', reading: 95.5, unit: 'Degrees C', status: 'critical' },
      { host: 'esx1', sensor: 'Slot 4', type: 'temperature', reading: null, unit: '', status: 'unknown' },
      { host: 'esx2', sensor: 'Fan 3', type: 'temperature', reading: 1200, unit: 'RPM', status: 'warning' },
    ]);
    expect(r.problems).toContainEqual({ severity: 'critical', message: 'host esx1 sensor CPU 1 Temp is red (95.5 Degrees C)' });
    expect(r.problems).toContainEqual({ severity: 'warning', message: 'host esx2 sensor Fan 3 is yellow (1200 RPM)' });
    expect(r.problems.filter((p) => p.message.includes('sensor'))).toHaveLength(2);
  });
});
