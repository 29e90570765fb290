import type { XmlNode } from '../vsphere/xml-parse';
import type { ReportCheck } from './check';
import type { NtpProbe } from './collect/ntp-probe';

/**
 * The raw values of the properties the enabled checks declared (path → parsed vim25 XML). Checks that need
 * a property nobody else reads parse it themselves (`checks/props.ts`), so a new check needs no change to the
 * collector; absent when the object does not have it or no enabled check asked for it.
 */
export type RawProps = ReadonlyMap<string, XmlNode>;

/**
 * What the collector read from one vCenter, in plain typed values: the checks work on this in memory and
 * never call the server. Fields a check did not ask for stay empty (the collector reads only what the
 * enabled checks declare), so a check must only read what its `needs` asked for.
 */

export interface HostInfo {
  ref: string;
  name: string;
  cluster: string | null;
  datacenter: string | null;
  /** Names of the folders above the host (closest first). */
  folders: string[];
  connectionState: string;
  inMaintenance: boolean;
  /** config.dateTimeInfo.ntpConfig.server; null when the property was not read or not set. */
  ntpServers: string[] | null;
  /** config.service.service[key=ntpd].running; null when unknown. */
  ntpdRunning: boolean | null;
  /** Host clock minus the console's clock, seconds; null when unknown. */
  skewSeconds: number | null;
  /** Datastores the host mounts (its `datastore` property; empty when not read). */
  datastoreRefs: string[];
  props: RawProps;
}

export interface VmSnapshotInfo {
  name: string;
  description: string;
  created: Date;
  /** The snapshot's managed object id (snapshot-12), to match its creation task. */
  ref: string;
  /** Size of the snapshot's own files (layoutEx), null when unknown. */
  sizeBytes: number | null;
  /** User who created it (task or event), null when unknown. */
  creator: string | null;
}

export interface RemovableDevice {
  kind: 'cdrom' | 'floppy';
  label: string;
  /** ISO path, host device name, or the backing type when neither. */
  backing: string;
  connected: boolean;
}

export type PowerState = 'poweredOn' | 'poweredOff' | 'suspended';

export interface VmInfo {
  ref: string;
  name: string;
  hostRef: string | null;
  host: string | null;
  cluster: string | null;
  datacenter: string | null;
  folders: string[];
  powerState: PowerState;
  template: boolean;
  toolsStatus: string | null;
  toolsRunningStatus: string | null;
  /** Every snapshot, nested ones included, in tree order. */
  snapshots: VmSnapshotInfo[];
  datastoreRefs: string[];
  removable: RemovableDevice[];
  props: RawProps;
}

export interface DatastoreInfo {
  ref: string;
  name: string;
  datacenter: string | null;
  folders: string[];
  type: string;
  capacityBytes: number;
  freeBytes: number;
  accessible: boolean;
  /** Hosts that mount it (refs). */
  hostRefs: string[];
  props: RawProps;
}

export interface ClusterInfo {
  ref: string;
  name: string;
  datacenter: string | null;
  folders: string[];
  /** Hosts of the cluster (its `host` property; empty when not read). */
  hostRefs: string[];
  props: RawProps;
}

/** Any other managed entity a check asked properties of (networks, port groups, datacenters, folders…). */
export interface EntityInfo {
  ref: string;
  /** Managed object type (Network, DistributedVirtualPortgroup, Datacenter, Folder…). */
  type: string;
  name: string;
  datacenter: string | null;
  props: RawProps;
}

/** One licence of LicenseManager.licenses. */
export interface LicenseInfo {
  name: string;
  /** The key with its middle masked: the report never shows a whole licence key. */
  maskedKey: string;
  editionKey: string;
  total: number;
  used: number;
  costUnit: string;
  /** From the licence's `expirationDate` property; null = perpetual. */
  expires: Date | null;
}

/** Per VM, one counter's samples over the window read (raw values as the server sends them). */
export interface CounterStat {
  avg: number;
  max: number;
  samples: number;
}

export interface ReportEvent {
  key: number;
  type: string;
  time: Date;
  user: string;
  message: string;
  vm: string | null;
  vmRef: string | null;
  host: string | null;
  hostRef: string | null;
  /** DRS/vMotion source host. */
  sourceHost: string | null;
  /** Cluster or standalone compute resource. */
  computeResource: string | null;
  datacenter: string | null;
  /** error / warning / info / user: from the server's event description, or EventEx severity. */
  category: string;
}

export interface VmCpuStat {
  vmRef: string;
  avgPercent: number;
  maxPercent: number;
}

export interface ServiceState {
  service: string;
  state: string;
  startup: string;
  health: string;
}

export interface HealthState {
  component: string;
  status: string;
  message: string;
}

export interface LogLine {
  hostRef: string;
  time: Date | null;
  line: string;
}

/** A call a check needs that this server lacks or refused: the check says unsupported / error with it. */
export interface CallFailure {
  kind: 'unsupported' | 'error';
  message: string;
}

export interface InventorySnapshot {
  vcenter: { name: string; version: string; build: string; apiType: string };
  /** The console's clock at collection time (ms). */
  now: number;
  hosts: HostInfo[];
  vms: VmInfo[];
  datastores: DatastoreInfo[];
  clusters: ClusterInfo[];
  /** Other entities whose properties a check asked for (every type but hosts, VMs, datastores, clusters). */
  entities: EntityInfo[];
  /** Alarm ref (Alarm:alarm-12) → its name, for the alarms triggered on the objects read. */
  alarmNames: Map<string, string>;
  /** LicenseManager.licenses; null when no check asked or it could not be read. */
  licenses: LicenseInfo[] | null;
  /** Per counter (group.name.rollup), per VM ref: samples of the performance window read. */
  vmCounters: Map<string, Map<string, CounterStat>>;
  /** The sampling period (s) of those samples; null when no performance was read. */
  perfIntervalSeconds: number | null;
  /** The window (days) of those samples: the widest the enabled performance checks asked for. */
  perfDays: number | null;
  /** Events of the types the checks asked for, inside the widest window asked for, oldest first. */
  events: ReportEvent[];
  /** Per VM ref, over the window vm-cpu-usage asked for. */
  vmCpu: Map<string, VmCpuStat>;
  services: ServiceState[] | null;
  health: HealthState[] | null;
  vmkernel: LogLine[] | null;
  /** NTP servers probed from the console: set on the first vCenter read only, so each shows once. */
  ntpProbes: NtpProbe[] | null;
  /** Per call name ('QueryPerf', 'CreateCollectorForTasks'...), what went wrong. */
  failures: Map<string, CallFailure>;
  /** Notes for a check (e.g. the skew could not be read), by check id. */
  notes: Map<string, string>;
}

export function emptySnapshot(now: number, vcenter: InventorySnapshot['vcenter']): InventorySnapshot {
  return {
    vcenter,
    now,
    hosts: [],
    vms: [],
    datastores: [],
    clusters: [],
    entities: [],
    alarmNames: new Map(),
    licenses: null,
    vmCounters: new Map(),
    perfIntervalSeconds: null,
    perfDays: null,
    events: [],
    vmCpu: new Map(),
    services: null,
    health: null,
    vmkernel: null,
    ntpProbes: null,
    failures: new Map(),
    notes: new Map(),
  };
}

/** A check of the daily report, run on this snapshot. */
export type SnapshotCheck = ReportCheck<InventorySnapshot>;
