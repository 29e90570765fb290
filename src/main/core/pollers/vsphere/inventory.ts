import { HOST_SENSOR_PATH, parseHostSensors, type HostSensor } from '../../vsphere/health-sensors';
import type { FollowedObject } from '../../vsphere/updates';
import type { MoRef } from '../../vsphere/xml-build';
import { arrayItems, bool, child, children, date, moRef, num, refKey, text, type XmlNode } from '../../vsphere/xml-parse';

/** vSphere's entity status colours; gray = unknown. */
export type EntityStatus = 'green' | 'yellow' | 'red' | 'gray';

export interface AlarmStateInfo {
  key: string;
  entity: MoRef;
  alarm: MoRef;
  status: EntityStatus;
  time: Date | undefined;
  acknowledged: boolean;
}

export interface HostInfo {
  ref: MoRef;
  name: string;
  parent: MoRef | undefined;
  connectionState: string;
  powerState: string;
  inMaintenance: boolean;
  status: EntityStatus;
  cpuUsedMhz: number | undefined;
  cpuMhzPerCore: number | undefined;
  cores: number | undefined;
  memoryUsedMB: number | undefined;
  memoryBytes: number | undefined;
  uptimeSeconds: number | undefined;
  alarms: AlarmStateInfo[];
  /** Numeric hardware sensors of the health system (empty when the host reports none). */
  sensors: HostSensor[];
}

export interface VmInfo {
  ref: MoRef;
  name: string;
  template: boolean;
  powerState: string;
  host: MoRef | undefined;
  numCpu: number | undefined;
  memoryMB: number | undefined;
  maxCpuMhz: number | undefined;
  cpuUsedMhz: number | undefined;
  entitlementMhz: number | undefined;
  guestMemoryMB: number | undefined;
  hostMemoryMB: number | undefined;
  toolsStatus: string;
  toolsRunning: string;
  /** Creation time (ms) of the VM's oldest snapshot; undefined when it has none. */
  oldestSnapshot: number | undefined;
  status: EntityStatus;
  alarms: AlarmStateInfo[];
}

export interface DatastoreInfo {
  ref: MoRef;
  name: string;
  type: string;
  capacity: number | undefined;
  free: number | undefined;
  accessible: boolean;
  status: EntityStatus;
  alarms: AlarmStateInfo[];
}

export interface NamedEntity {
  ref: MoRef;
  name: string;
  status: EntityStatus;
  alarms: AlarmStateInfo[];
}

export interface Inventory {
  hosts: HostInfo[];
  vms: VmInfo[];
  datastores: DatastoreInfo[];
  clusters: NamedEntity[];
  datacenters: NamedEntity[];
  networks: number;
  /** Every entity's name by reference key (alarms and parents name their entity by reference). */
  names: Map<string, string>;
}

function status(node: XmlNode | undefined): EntityStatus {
  const s = text(node)?.trim();
  return s === 'green' || s === 'yellow' || s === 'red' ? s : 'gray';
}

function alarms(node: XmlNode | undefined): AlarmStateInfo[] {
  const out: AlarmStateInfo[] = [];
  for (const item of arrayItems(node)) {
    const entity = moRef(child(item, 'entity'));
    const alarm = moRef(child(item, 'alarm'));
    if (!entity || !alarm) continue;
    out.push({
      key: text(item, 'key') ?? `${alarm.value}.${entity.value}`,
      entity,
      alarm,
      status: status(child(item, 'overallStatus')),
      time: date(item, 'time'),
      acknowledged: bool(item, 'acknowledged') ?? false,
    });
  }
  return out;
}

function prop(o: FollowedObject, path: string): XmlNode | undefined {
  return o.props.get(path);
}

function str(o: FollowedObject, path: string): string {
  return text(prop(o, path))?.trim() ?? '';
}

function n(o: FollowedObject, path: string): number | undefined {
  return num(prop(o, path));
}

function host(o: FollowedObject): HostInfo {
  return {
    ref: o.obj,
    name: str(o, 'name') || o.obj.value,
    parent: moRef(prop(o, 'parent')),
    connectionState: str(o, 'runtime.connectionState') || 'unknown',
    powerState: str(o, 'runtime.powerState') || 'unknown',
    inMaintenance: bool(prop(o, 'runtime.inMaintenanceMode')) ?? false,
    status: status(prop(o, 'overallStatus')),
    cpuUsedMhz: n(o, 'summary.quickStats.overallCpuUsage'),
    cpuMhzPerCore: n(o, 'summary.hardware.cpuMhz'),
    cores: n(o, 'summary.hardware.numCpuCores'),
    memoryUsedMB: n(o, 'summary.quickStats.overallMemoryUsage'),
    memoryBytes: n(o, 'summary.hardware.memorySize'),
    uptimeSeconds: n(o, 'summary.quickStats.uptime'),
    alarms: alarms(prop(o, 'triggeredAlarmState')),
    sensors: parseHostSensors(prop(o, HOST_SENSOR_PATH)),
  };
}

/** The oldest createTime in a snapshot tree (VirtualMachineSnapshotInfo.rootSnapshotList, nested). */
function oldestSnapshot(info: XmlNode | undefined): number | undefined {
  let oldest: number | undefined;
  const visit = (node: XmlNode): void => {
    const t = date(node, 'createTime')?.getTime();
    if (t !== undefined && (oldest === undefined || t < oldest)) oldest = t;
    for (const c of children(node, 'childSnapshotList')) visit(c);
  };
  for (const root of children(info, 'rootSnapshotList')) visit(root);
  return oldest;
}

function vm(o: FollowedObject): VmInfo {
  return {
    ref: o.obj,
    name: str(o, 'name') || o.obj.value,
    template: bool(prop(o, 'config.template')) ?? false,
    powerState: str(o, 'runtime.powerState') || 'unknown',
    host: moRef(prop(o, 'runtime.host')),
    numCpu: n(o, 'summary.config.numCpu'),
    memoryMB: n(o, 'summary.config.memorySizeMB'),
    maxCpuMhz: n(o, 'summary.runtime.maxCpuUsage'),
    cpuUsedMhz: n(o, 'summary.quickStats.overallCpuUsage'),
    entitlementMhz: n(o, 'summary.quickStats.staticCpuEntitlement'),
    guestMemoryMB: n(o, 'summary.quickStats.guestMemoryUsage'),
    hostMemoryMB: n(o, 'summary.quickStats.hostMemoryUsage'),
    toolsStatus: str(o, 'guest.toolsStatus'),
    toolsRunning: str(o, 'guest.toolsRunningStatus'),
    oldestSnapshot: oldestSnapshot(prop(o, 'snapshot')),
    status: status(prop(o, 'overallStatus')),
    alarms: alarms(prop(o, 'triggeredAlarmState')),
  };
}

function datastore(o: FollowedObject): DatastoreInfo {
  return {
    ref: o.obj,
    name: str(o, 'name') || o.obj.value,
    type: str(o, 'summary.type'),
    capacity: n(o, 'summary.capacity'),
    free: n(o, 'summary.freeSpace'),
    accessible: bool(prop(o, 'summary.accessible')) ?? true,
    status: status(prop(o, 'overallStatus')),
    alarms: alarms(prop(o, 'triggeredAlarmState')),
  };
}

function named(o: FollowedObject): NamedEntity {
  return { ref: o.obj, name: str(o, 'name') || o.obj.value, status: status(prop(o, 'overallStatus')), alarms: alarms(prop(o, 'triggeredAlarmState')) };
}

/** Typed view of the followed objects, sorted by name for stable tables. */
export function readInventory(objects: Iterable<FollowedObject>): Inventory {
  const inv: Inventory = { hosts: [], vms: [], datastores: [], clusters: [], datacenters: [], networks: 0, names: new Map() };
  for (const o of objects) {
    const name = str(o, 'name');
    if (name) inv.names.set(refKey(o.obj), name);
    switch (o.obj.type) {
      case 'HostSystem':
        inv.hosts.push(host(o));
        break;
      case 'VirtualMachine':
        inv.vms.push(vm(o));
        break;
      case 'Datastore':
        inv.datastores.push(datastore(o));
        break;
      case 'ClusterComputeResource':
        inv.clusters.push(named(o));
        break;
      case 'Datacenter':
        inv.datacenters.push(named(o));
        break;
      default:
        // Network and its subtypes (DistributedVirtualPortgroup, OpaqueNetwork).
        inv.networks++;
    }
  }
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
  inv.hosts.sort(byName);
  inv.vms.sort(byName);
  inv.datastores.sort(byName);
  inv.clusters.sort(byName);
  inv.datacenters.sort(byName);
  return inv;
}
