import { parseXml, type XmlNode } from '../../vsphere/xml-parse';
import { emptySnapshot, type ClusterInfo, type DatastoreInfo, type EntityInfo, type HostInfo, type InventorySnapshot, type ReportEvent, type VmInfo } from '../snapshot';

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
    props: new Map(),
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
    props: new Map(),
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
    props: new Map(),
    ...over,
  };
}

export function cluster(name: string, over: Partial<ClusterInfo> = {}): ClusterInfo {
  return { ref: `ClusterComputeResource:${name}`, name, datacenter: 'DC1', folders: ['host'], hostRefs: [], props: new Map(), ...over };
}

export function entity(type: string, name: string, over: Partial<EntityInfo> = {}): EntityInfo {
  return { ref: `${type}:${name}`, type, name, datacenter: 'DC1', props: new Map(), ...over };
}

/**
 * A property value as a vCenter sends it (the `<val>` of a propSet), written as XML text: the checks' tests
 * feed them recorded or hand-written vim25 answers, parsed by the same reader as the collector's.
 */
export function val(xml: string): XmlNode {
  const root = parseXml(`<val xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${xml}</val>`).val;
  if (root === undefined || Array.isArray(root)) throw new Error('bad test XML');
  return root;
}

/** Raw properties from path → XML text. */
export function props(entries: Record<string, string>): Map<string, XmlNode> {
  return new Map(Object.entries(entries).map(([k, v]) => [k, val(v)]));
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
