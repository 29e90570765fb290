import type { DeviceConfig, DeviceSnapshot } from '../../../shared/contract/devices';
import type { Topology, TopologyInput } from './ports';

/**
 * Which device depends on which, for incidents: a parent down takes its children's failures into one
 * incident. Parents are declared on the device form (`parentId`: the switch or UPS a device hangs on) or
 * derived from what Vigie already polls: a vCenter's host table (an ESX host monitored on its own depends on
 * the vCenter that manages it) and its VM table (a server that is a VM depends on the device monitoring the
 * ESX host it runs on, else on the vCenter). A derived parent never overrides a declared one, and an edge
 * that would close a cycle is dropped: a cycle has no root to open an incident on.
 */

type Row = Record<string, string | number | boolean | null>;

/** One derived or declared edge, for the log and for tests. */
export interface TopologyEdge {
  child: string;
  parent: string;
  origin: 'declared' | 'vcenter-host' | 'vm-host' | 'vm-vcenter';
}

export interface BuiltTopology extends Topology {
  edges: readonly TopologyEdge[];
  /** Edges left out because they would have closed a cycle. */
  ignored: readonly TopologyEdge[];
  /** Every device below this one (children, their children…), nearest first. */
  descendantsOf(deviceId: string): readonly string[];
  ancestorsOf(deviceId: string): readonly string[];
}

/** Lower-case names a device answers to: its address, its short host name and its display name. */
function namesOf(d: DeviceConfig): Set<string> {
  const out = new Set<string>();
  const add = (s: string): void => {
    const v = s.trim().toLowerCase().replace(/\.$/, '');
    if (!v) return;
    out.add(v);
    // "web01.corp.lan" polled by name is the VM called "web01" in vCenter; an IP has no short form.
    if (!/^[\d.]+$/.test(v) && !v.includes(':') && v.includes('.')) out.add(v.slice(0, v.indexOf('.')));
  };
  add(d.host);
  add(d.name);
  return out;
}

function cellNames(row: Row, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const v = row[k];
    if (typeof v !== 'string') continue;
    // A guest may report several addresses in one cell ("10.0.0.5, fe80::1").
    for (const part of v.split(/[\s,;]+/)) {
      const p = part.trim().toLowerCase().replace(/\.$/, '');
      if (p) out.push(p);
    }
  }
  return out;
}

/** VM-table cells that can name a guest: the VM name today; guest host name and IPs where a poller adds them. */
const VM_NAME_KEYS = ['name', 'guestHostName', 'hostName', 'guestIp', 'ipAddress', 'ip'] as const;
const HOST_NAME_KEYS = ['name', 'ip', 'ipAddress'] as const;

function rowsOf(snapshot: DeviceSnapshot | null | undefined, table: string): Row[] {
  return snapshot?.tables[table] ?? [];
}

function isVcenter(d: DeviceConfig): boolean {
  return d.kind === 'vsphere';
}

/**
 * A graph of parents and children. `parentsOf` has at most one declared parent, plus derived ones for a
 * device without a declaration.
 */
export function buildTopology(input: TopologyInput): BuiltTopology {
  const configs = input.configs.filter((c) => c.enabled);
  const byId = new Map(configs.map((c) => [c.id, c]));
  const parents = new Map<string, string[]>();
  const edges: TopologyEdge[] = [];
  const ignored: TopologyEdge[] = [];
  const declared = new Set(configs.filter((c) => c.parentId && byId.has(c.parentId)).map((c) => c.id));

  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const cur = stack.pop()!;
      if (cur === to) return true;
      if (seen.has(cur)) continue;
      seen.add(cur);
      for (const p of parents.get(cur) ?? []) stack.push(p);
    }
    return false;
  };
  const addEdge = (edge: TopologyEdge): void => {
    if (edge.child === edge.parent) return;
    if (edge.origin !== 'declared' && declared.has(edge.child)) return;
    const list = parents.get(edge.child) ?? [];
    if (list.includes(edge.parent)) return;
    // child → parent closes a cycle when the parent already depends (transitively) on the child.
    if (reaches(edge.parent, edge.child)) {
      ignored.push(edge);
      return;
    }
    list.push(edge.parent);
    parents.set(edge.child, list);
    edges.push(edge);
  };

  for (const c of configs) {
    if (c.parentId && byId.has(c.parentId)) addEdge({ child: c.id, parent: c.parentId, origin: 'declared' });
  }

  // Devices by each name they answer to, in inventory order: a 5,000-VM table against 2,000 devices is
  // 10 million name comparisons when each row scans the inventory, a few thousand lookups here.
  const byName = new Map<string, DeviceConfig[]>();
  for (const c of configs) {
    if (c.kind === 'local') continue;
    for (const n of namesOf(c)) {
      const same = byName.get(n);
      if (same) same.push(c);
      else byName.set(n, [c]);
    }
  }
  const deviceNamed = (name: string, except: string): DeviceConfig | undefined => byName.get(name)?.find((c) => c.id !== except);

  for (const vc of configs.filter(isVcenter)) {
    const snapshot = input.snapshots.get(vc.id);
    // ESX hosts first, so that a VM can then hang on the device monitoring its host.
    const hostDevice = new Map<string, string>();
    for (const row of rowsOf(snapshot, 'hosts')) {
      const hostNames = cellNames(row, HOST_NAME_KEYS);
      const match = hostNames.map((n) => deviceNamed(n, vc.id)).find((d) => d !== undefined);
      if (!match) continue;
      const key = cellNames(row, ['name'])[0];
      if (key) hostDevice.set(key, match.id);
      addEdge({ child: match.id, parent: vc.id, origin: 'vcenter-host' });
    }
    for (const row of rowsOf(snapshot, 'vms')) {
      const match = cellNames(row, VM_NAME_KEYS)
        .map((n) => deviceNamed(n, vc.id))
        .find((d) => d !== undefined);
      if (!match || isVcenter(match)) continue;
      const host = cellNames(row, ['host'])[0];
      const hostId = host ? hostDevice.get(host) : undefined;
      if (hostId && hostId !== match.id) addEdge({ child: match.id, parent: hostId, origin: 'vm-host' });
      else addEdge({ child: match.id, parent: vc.id, origin: 'vm-vcenter' });
    }
  }

  const children = new Map<string, string[]>();
  for (const [child, ps] of parents) for (const p of ps) children.set(p, [...(children.get(p) ?? []), child]);

  const walk = (start: string, next: (id: string) => readonly string[]): string[] => {
    const out: string[] = [];
    const seen = new Set([start]);
    const queue = [...next(start)];
    while (queue.length) {
      const cur = queue.shift()!;
      if (seen.has(cur)) continue;
      seen.add(cur);
      out.push(cur);
      queue.push(...next(cur));
    }
    return out;
  };
  const parentsOf = (id: string): readonly string[] => parents.get(id) ?? [];
  const childrenOf = (id: string): readonly string[] => children.get(id) ?? [];
  return {
    parentsOf,
    childrenOf,
    edges,
    ignored,
    descendantsOf: (id) => walk(id, childrenOf),
    ancestorsOf: (id) => walk(id, parentsOf),
  };
}

/**
 * Would giving `deviceId` the parent `parentId` close a cycle of declared parents? Returns the loop as
 * device ids (the device first, then up to the device again), or null. The inventory refuses such a save.
 */
export function declaredCycle(
  configs: readonly Pick<DeviceConfig, 'id' | 'parentId'>[],
  deviceId: string,
  parentId: string | null,
): string[] | null {
  if (!parentId) return null;
  const parentOf = new Map(configs.map((c) => [c.id, c.parentId]));
  parentOf.set(deviceId, parentId);
  const path = [deviceId];
  const seen = new Set([deviceId]);
  let cur: string | null | undefined = parentId;
  while (cur) {
    path.push(cur);
    if (cur === deviceId) return path;
    if (seen.has(cur)) return null; // a loop above, not through this device: not this save's doing
    seen.add(cur);
    cur = parentOf.get(cur);
  }
  return null;
}

/**
 * The topology for the incident tracker, rebuilt when the inventory changes (settings hand out a new device
 * array on every change, so identity tells) and otherwise at most every `maxAgeMs`, for what polls find in
 * vCenter tables. A parent set on the form counts from the next state change, not 10 s later.
 */
export function topologyCache(
  configs: () => readonly DeviceConfig[],
  snapshots: () => ReadonlyMap<string, DeviceSnapshot | null>,
  clock: { now(): number },
  maxAgeMs = 10_000,
): () => BuiltTopology {
  let cached: { at: number; configs: readonly DeviceConfig[]; topology: BuiltTopology } | null = null;
  return () => {
    const now = clock.now();
    const list = configs();
    if (!cached || cached.configs !== list || now - cached.at >= maxAgeMs || now < cached.at) {
      cached = { at: now, configs: list, topology: buildTopology({ configs: list, snapshots: snapshots() }) };
    }
    return cached.topology;
  };
}
