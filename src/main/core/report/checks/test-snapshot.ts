import { emptySnapshot, type DatastoreInfo, type HostInfo, type InventorySnapshot, type ReportEvent, type VmInfo } from '../snapshot';

/** Hand-built snapshots for the checks' unit tests: every field set, overridable per test. */
export const NOW = Date.parse('2026-06-15T12:00:00Z');
export const DAY = 86_400_000;

export function host(name: string, over: Partial<HostInfo> = {}): HostInfo {
  return {
    ref: `HostSystem:${name}`,
    name,
    cluster: 'C1',
    datacenter: 'DC1',
    folders: ['host'],
    connectionState: 'connected',
    inMaintenance: false,
    ntpServers: ['ntp1', 'ntp2'],
    ntpdRunning: true,
    skewSeconds: null,
    datastoreRefs: [],
    ...over,
  };
}

export function vm(name: string, over: Partial<VmInfo> = {}): VmInfo {
  return {
    ref: `VirtualMachine:${name}`,
    name,
    hostRef: 'HostSystem:esx1',
    host: 'esx1',
    cluster: 'C1',
    datacenter: 'DC1',
    folders: ['vm'],
    powerState: 'poweredOn',
    template: false,
    toolsStatus: 'toolsOk',
    toolsRunningStatus: 'guestToolsRunning',
    snapshots: [],
    datastoreRefs: [],
    removable: [],
    ...over,
  };
}

export function datastore(name: string, over: Partial<DatastoreInfo> = {}): DatastoreInfo {
  return {
    ref: `Datastore:${name}`,
    name,
    datacenter: 'DC1',
    folders: ['datastore'],
    type: 'VMFS',
    capacityBytes: 1000 * 1024 * 1024,
    freeBytes: 500 * 1024 * 1024,
    accessible: true,
    hostRefs: ['HostSystem:esx1', 'HostSystem:esx2'],
    ...over,
  };
}

let key = 0;
export function event(type: string, over: Partial<ReportEvent> = {}): ReportEvent {
  return {
    key: ++key,
    type,
    time: new Date(NOW - DAY / 2),
    user: 'VSPHERE.LOCAL\\admin',
    message: `${type} message`,
    vm: null,
    vmRef: null,
    host: null,
    hostRef: null,
    sourceHost: null,
    computeResource: null,
    datacenter: 'DC1',
    category: 'info',
    ...over,
  };
}

export function snapshotOf(over: Partial<InventorySnapshot> = {}): InventorySnapshot {
  return { ...emptySnapshot(NOW, { name: 'vc', version: '8.0.2', build: '1', apiType: 'VirtualCenter' }), ...over };
}

/** A check's rows as plain objects (severity + cells) for exact comparison. */
export function plainRows(out: { status: string; rows?: { severity: string; cells: Record<string, unknown> }[] }): Record<string, unknown>[] {
  if (out.status !== 'rows' || !out.rows) throw new Error(`expected rows, got ${out.status}`);
  return out.rows.map((r) => ({ severity: r.severity, ...r.cells }));
}
