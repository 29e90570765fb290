import type { ObjectContent } from '../../vsphere/property-collector';
import { arrayItems, bool, child, children, date, moRef, num, refKey, text, xsiType, type XmlNode } from '../../vsphere/xml-parse';
import type { ClusterInfo, DatastoreInfo, EntityInfo, HostInfo, PowerState, RemovableDevice, VmInfo, VmSnapshotInfo } from '../snapshot';

/** Where an object sits: its datacenter, cluster and the names of the folders above it. */
interface Placement {
  datacenter: string | null;
  cluster: string | null;
  folders: string[];
}

interface Node {
  type: string;
  name: string;
  parent: string | null;
}

const ref = (n: XmlNode | undefined): string | null => {
  const r = moRef(n);
  return r ? refKey(r) : null;
};

function placement(nodes: Map<string, Node>, start: string | null): Placement {
  const out: Placement = { datacenter: null, cluster: null, folders: [] };
  let cur = start;
  // Bounded: a malformed answer with a parent cycle must not hang the report.
  for (let i = 0; cur !== null && i < 64; i++) {
    const n = nodes.get(cur);
    if (!n) break;
    if (n.type === 'Datacenter') {
      out.datacenter = n.name;
      break;
    }
    if (n.type === 'ClusterComputeResource' && out.cluster === null) out.cluster = n.name;
    if (n.type === 'Folder') out.folders.push(n.name);
    cur = n.parent;
  }
  return out;
}

function snapshotTree(node: XmlNode, out: VmSnapshotInfo[]): void {
  const created = date(node, 'createTime');
  const r = moRef(child(node, 'snapshot'));
  if (created) {
    out.push({ name: text(node, 'name') ?? '', description: text(node, 'description') ?? '', created, ref: r?.value ?? '', sizeBytes: null, creator: null });
  }
  for (const c of children(node, 'childSnapshotList')) snapshotTree(c, out);
}

/** Per snapshot ref, the size of its own files: state/memory files and the delta disk it froze. */
export function snapshotSizes(layout: XmlNode | undefined, files: XmlNode | undefined): Map<string, number> {
  const sizes = new Map<number, number>();
  for (const f of arrayItems(files)) {
    const key = num(f, 'key');
    if (key !== undefined) sizes.set(key, num(f, 'size') ?? 0);
  }
  const out = new Map<string, number>();
  for (const s of arrayItems(layout)) {
    const snap = moRef(child(s, 'key'));
    if (!snap) continue;
    let total = (sizes.get(num(s, 'dataKey') ?? -1) ?? 0) + (sizes.get(num(s, 'memoryKey') ?? -1) ?? 0);
    for (const d of children(s, 'disk')) {
      const chain = children(d, 'chain');
      const last = chain[chain.length - 1];
      for (const k of children(last, 'fileKey')) total += sizes.get(Number(text(k))) ?? 0;
    }
    out.set(snap.value, total);
  }
  return out;
}

function removableDevices(devices: XmlNode | undefined): RemovableDevice[] {
  const out: RemovableDevice[] = [];
  for (const d of arrayItems(devices)) {
    const type = xsiType(d);
    const kind = type === 'VirtualCdrom' ? 'cdrom' : type === 'VirtualFloppy' ? 'floppy' : null;
    if (kind === null) continue;
    const backing = child(d, 'backing');
    const label = text(d, 'deviceInfo', 'label') ?? `${kind} ${text(d, 'key') ?? ''}`.trim();
    const file = text(backing, 'fileName');
    const device = text(backing, 'deviceName');
    out.push({
      kind,
      label,
      backing: file || device || (xsiType(backing) ?? ''),
      connected: bool(d, 'connectable', 'connected') ?? false,
    });
  }
  return out;
}

const POWER: Record<string, PowerState> = { poweredOn: 'poweredOn', poweredOff: 'poweredOff', suspended: 'suspended' };

export interface ParsedInventory {
  hosts: HostInfo[];
  vms: VmInfo[];
  datastores: DatastoreInfo[];
  clusters: ClusterInfo[];
  entities: EntityInfo[];
}

/** Turns one PropertyCollector read into the snapshot's typed objects. */
export function parseInventory(objects: readonly ObjectContent[]): ParsedInventory {
  const nodes = new Map<string, Node>();
  for (const o of objects) {
    nodes.set(refKey(o.obj), { type: o.obj.type, name: text(o.props.get('name')) ?? o.obj.value, parent: ref(o.props.get('parent')) });
  }
  const out: ParsedInventory = { hosts: [], vms: [], datastores: [], clusters: [], entities: [] };
  const hostPlace = new Map<string, { name: string } & Placement>();
  for (const o of objects) {
    if (o.obj.type !== 'HostSystem') continue;
    const key = refKey(o.obj);
    const p = placement(nodes, nodes.get(key)?.parent ?? null);
    const name = nodes.get(key)?.name ?? o.obj.value;
    hostPlace.set(key, { name, ...p });
    const dt = o.props.get('config.dateTimeInfo');
    const services = o.props.get('config.service');
    const ntpd = children(services, 'service').find((s) => text(s, 'key') === 'ntpd');
    out.hosts.push({
      ref: key,
      name,
      ...p,
      connectionState: text(o.props.get('runtime.connectionState')) ?? 'unknown',
      inMaintenance: bool(o.props.get('runtime.inMaintenanceMode')) ?? false,
      ntpServers: dt === undefined ? null : children(child(dt, 'ntpConfig'), 'server').map((s) => text(s) ?? '').filter((s) => s !== ''),
      ntpdRunning: ntpd === undefined ? null : (bool(ntpd, 'running') ?? false),
      skewSeconds: null,
      datastoreRefs: arrayItems(o.props.get('datastore')).map(ref).filter((r): r is string => r !== null),
      props: o.props,
    });
  }
  for (const o of objects) {
    const key = refKey(o.obj);
    if (o.obj.type === 'VirtualMachine') {
      const hostRef = ref(o.props.get('runtime.host'));
      const h = hostRef ? hostPlace.get(hostRef) : undefined;
      const own = placement(nodes, nodes.get(key)?.parent ?? null);
      const snapshots: VmSnapshotInfo[] = [];
      for (const root of children(o.props.get('snapshot'), 'rootSnapshotList')) snapshotTree(root, snapshots);
      out.vms.push({
        ref: key,
        name: nodes.get(key)?.name ?? o.obj.value,
        hostRef,
        host: h?.name ?? null,
        cluster: h?.cluster ?? null,
        datacenter: own.datacenter ?? h?.datacenter ?? null,
        folders: own.folders,
        powerState: POWER[text(o.props.get('runtime.powerState')) ?? ''] ?? 'poweredOff',
        template: bool(o.props.get('config.template')) ?? false,
        toolsStatus: text(o.props.get('guest.toolsStatus')) ?? null,
        toolsRunningStatus: text(o.props.get('guest.toolsRunningStatus')) ?? null,
        snapshots,
        datastoreRefs: arrayItems(o.props.get('datastore')).map(ref).filter((r): r is string => r !== null),
        removable: removableDevices(o.props.get('config.hardware.device')),
        props: o.props,
      });
    } else if (o.obj.type === 'Datastore') {
      const s = o.props.get('summary');
      const p = placement(nodes, nodes.get(key)?.parent ?? null);
      out.datastores.push({
        ref: key,
        name: nodes.get(key)?.name ?? o.obj.value,
        datacenter: p.datacenter,
        folders: p.folders,
        type: text(s, 'type') ?? '',
        capacityBytes: num(s, 'capacity') ?? 0,
        freeBytes: num(s, 'freeSpace') ?? 0,
        accessible: bool(s, 'accessible') ?? true,
        hostRefs: arrayItems(o.props.get('host'))
          .map((m) => ref(child(m, 'key')))
          .filter((r): r is string => r !== null),
        props: o.props,
      });
    } else if (o.obj.type === 'ClusterComputeResource') {
      const p = placement(nodes, nodes.get(key)?.parent ?? null);
      out.clusters.push({
        ref: key,
        name: nodes.get(key)?.name ?? o.obj.value,
        datacenter: p.datacenter,
        folders: p.folders,
        hostRefs: arrayItems(o.props.get('host')).map(ref).filter((r): r is string => r !== null),
        props: o.props,
      });
    } else {
      // Datacenters, folders, networks, port groups…: only alarms and network checks read them.
      out.entities.push({ ref: key, type: o.obj.type, name: nodes.get(key)?.name ?? o.obj.value, datacenter: placement(nodes, key).datacenter, props: o.props });
    }
  }
  return out;
}
