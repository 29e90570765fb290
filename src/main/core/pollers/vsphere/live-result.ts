import type { VmHistoryPolicy } from '../../../../shared/kinds/vsphere';
import type { Unit } from '../../../../shared/units';
import type { HostSensor } from '../../vsphere/health-sensors';
import type { About } from '../../vsphere/service-content';
import { refKey } from '../../vsphere/xml-parse';
import { MetricList } from '../metric-list';
import type { PollResult, Row } from '../source';
import type { HostRates } from './host-rates';
import { effectiveVmHistory, VM_METRICS } from './vm-history';
import type { AlarmStateInfo, EntityStatus, HostInfo, Inventory, VmInfo } from './inventory';

export const VSPHERE_FAMILY = 'vsphere';
const MB = 1024 * 1024;
/** Older than this, a snapshot is a problem (issue 17 item 14): the daily report's snapshots-old default. */
const OLD_SNAPSHOT_DAYS = 14;
const OLD_SNAPSHOT_MS = OLD_SNAPSHOT_DAYS * 86_400_000;

export interface LiveInput {
  about: About;
  inventory: Inventory;
  rates: HostRates | null;
  /** Alarm names by alarm reference value (alarm-12 → "Host CPU usage"). */
  alarmNames: ReadonlyMap<string, string>;
  now: number;
  /** The device's per-VM history policy (absent: auto). */
  vmHistory?: VmHistoryPolicy | undefined;
}

function pct(part: number | undefined, whole: number | undefined): number | null {
  if (part === undefined || whole === undefined || whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 100;
}

/** The colour of a vSphere entity as a console state. */
export function statusState(s: EntityStatus): 'ok' | 'warning' | 'critical' | 'unknown' {
  return s === 'green' ? 'ok' : s === 'yellow' ? 'warning' : s === 'red' ? 'critical' : 'unknown';
}

function statusLevel(s: EntityStatus): number | null {
  return s === 'green' ? 0 : s === 'yellow' ? 1 : s === 'red' ? 2 : null;
}

export function hostCpuPercent(h: HostInfo): number | null {
  return pct(h.cpuUsedMhz, h.cpuMhzPerCore !== undefined && h.cores !== undefined ? h.cpuMhzPerCore * h.cores : undefined);
}

export function hostMemoryPercent(h: HostInfo): number | null {
  return pct(h.memoryUsedMB, h.memoryBytes !== undefined ? h.memoryBytes / MB : undefined);
}

/** Usage against what the VM's vCPUs could use on its host: numCpu × the host's core MHz. */
export function vmAllocatedCpuPercent(vm: VmInfo, host: HostInfo | undefined): number | null {
  const mhz = host?.cpuMhzPerCore;
  return pct(vm.cpuUsedMhz, vm.numCpu !== undefined && mhz !== undefined ? vm.numCpu * mhz : undefined);
}

/** Usage against what the VM is entitled to (static entitlement: reservations, shares, limits), else its max. */
export function vmRealCpuPercent(vm: VmInfo): number | null {
  const ent = vm.entitlementMhz !== undefined && vm.entitlementMhz > 0 ? vm.entitlementMhz : vm.maxCpuMhz;
  return pct(vm.cpuUsedMhz, ent);
}

/** Instance names must be unique per metric: a repeated name gets its reference appended. */
function uniqueNames<T extends { ref: { value: string }; name: string }>(items: readonly T[]): Map<T, string> {
  const seen = new Map<string, number>();
  for (const i of items) seen.set(i.name, (seen.get(i.name) ?? 0) + 1);
  return new Map(items.map((i) => [i, (seen.get(i.name) ?? 0) > 1 ? `${i.name} (${i.ref.value})` : i.name]));
}

/** Turns the followed inventory (and the latest perf sample) into one poll result. */
export function buildLiveResult(input: LiveInput): PollResult {
  const { inventory: inv, about, rates } = input;
  const metrics = new MetricList();
  const push = (name: string, instance: string, value: number | null | undefined, unit: Unit): void =>
    metrics.add(name, value, unit, instance);
  const problems: PollResult['problems'] = [];
  const hostsByKey = new Map(inv.hosts.map((h) => [refKey(h.ref), h]));
  const parentName = (h: HostInfo): string => (h.parent && h.parent.type === 'ClusterComputeResource' ? (inv.names.get(refKey(h.parent)) ?? '') : '');

  const vms = inv.vms.filter((v) => !v.template);
  const on = vms.filter((v) => v.powerState === 'poweredOn').length;
  const suspended = vms.filter((v) => v.powerState === 'suspended').length;
  const off = vms.length - on - suspended;
  const templates = inv.vms.length - vms.length;
  push('vms.total', '', vms.length, 'count');
  push('vms.poweredOn', '', on, 'count');
  push('vms.poweredOff', '', off, 'count');
  push('vms.suspended', '', suspended, 'count');
  push('vms.templates', '', templates, 'count');
  push('hosts.total', '', inv.hosts.length, 'count');

  const vmCount = new Map<string, number>();
  for (const v of vms) if (v.host) vmCount.set(refKey(v.host), (vmCount.get(refKey(v.host)) ?? 0) + 1);

  const hostNames = uniqueNames(inv.hosts);
  const hostRows: Row[] = [];
  for (const h of inv.hosts) {
    const name = hostNames.get(h) ?? h.name;
    const connected = h.connectionState === 'connected';
    const cpu = connected ? hostCpuPercent(h) : null;
    const mem = connected ? hostMemoryPercent(h) : null;
    push('host.connected', name, connected ? 1 : 0, '');
    push('host.maintenance', name, h.inMaintenance ? 1 : 0, '');
    push('host.status', name, statusLevel(h.status), '');
    push('host.cpu.percent', name, cpu, 'percent');
    push('host.memory.percent', name, mem, 'percent');
    if (connected) {
      push('host.cpu.mhz', name, h.cpuUsedMhz, 'megahertz');
      push('host.memory.used', name, h.memoryUsedMB !== undefined ? h.memoryUsedMB * MB : undefined, 'bytes');
    }
    if (!connected) {
      problems.push({ severity: 'critical', message: `host ${name} is ${h.connectionState === 'notResponding' ? 'not responding' : h.connectionState}` });
    } else if (h.status === 'red' || h.status === 'yellow') {
      problems.push({ severity: h.status === 'red' ? 'critical' : 'warning', message: `host ${name} overall status is ${h.status}` });
    }
    hostRows.push({
      name,
      cluster: parentName(h),
      connectionState: h.connectionState,
      powerState: h.powerState,
      maintenance: h.inMaintenance,
      status: connected ? statusState(h.status) : 'critical',
      vms: vmCount.get(refKey(h.ref)) ?? 0,
      cpuPercent: cpu,
      memoryPercent: mem,
      uptime: connected ? (h.uptimeSeconds ?? null) : null,
    });
  }

  const sensorRows = sensorTable(inv.hosts, hostNames, problems);

  // Per-VM values always reach the VM table; the policy decides what of them becomes series.
  const vmHistory = effectiveVmHistory(input.vmHistory, vms.length);
  const vmNames = uniqueNames(vms);
  const vmRows: Row[] = [];
  const withoutTools: string[] = [];
  const oldSnapshots: string[] = [];
  for (const v of vms) {
    const name = vmNames.get(v) ?? v.name;
    // The summary lists what the table marks: a VM's own red or yellow status is a problem like a host's.
    if (v.status === 'red' || v.status === 'yellow') {
      problems.push({ severity: v.status === 'red' ? 'critical' : 'warning', message: `VM ${name} overall status is ${v.status}` });
    }
    if (v.powerState === 'poweredOn' && (v.toolsStatus === 'toolsNotInstalled' || v.toolsStatus === 'toolsNotRunning')) withoutTools.push(name);
    if (v.oldestSnapshot !== undefined && input.now - v.oldestSnapshot > OLD_SNAPSHOT_MS) oldSnapshots.push(name);
    const host = v.host ? hostsByKey.get(refKey(v.host)) : undefined;
    const running = v.powerState === 'poweredOn';
    const allocated = running ? vmAllocatedCpuPercent(v, host) : null;
    const real = running ? vmRealCpuPercent(v) : null;
    const guestPct = running ? pct(v.guestMemoryMB, v.memoryMB) : null;
    const hostPct = running ? pct(v.hostMemoryMB, v.memoryMB) : null;
    if (running && vmHistory !== 'table-only') {
      push('vm.cpu.mhz', name, v.cpuUsedMhz, 'megahertz');
      push('vm.cpu.percent', name, allocated, 'percent');
      push('vm.memory.host', name, v.hostMemoryMB !== undefined ? v.hostMemoryMB * MB : undefined, 'bytes');
      push('vm.memory.guest.percent', name, guestPct, 'percent');
    }
    vmRows.push({
      name,
      powerState: v.powerState,
      status: statusState(v.status),
      cpuMhz: running ? (v.cpuUsedMhz ?? null) : null,
      cpuAllocatedPercent: allocated,
      cpuRealPercent: real,
      guestMemory: running && v.guestMemoryMB !== undefined ? v.guestMemoryMB * MB : null,
      hostMemory: running && v.hostMemoryMB !== undefined ? v.hostMemoryMB * MB : null,
      guestMemoryPercent: guestPct,
      hostMemoryPercent: hostPct,
      host: host ? (hostNames.get(host) ?? host.name) : '',
      tools: v.toolsStatus,
      toolsRunning: v.toolsRunning,
    });
  }

  if (withoutTools.length > 0) {
    // One line for all of them: a farm may have dozens, and each is a shortcoming, not an outage.
    const shown = withoutTools.slice(0, 5).join(', ');
    const more = withoutTools.length > 5 ? ` and ${withoutTools.length - 5} more` : '';
    problems.push({
      severity: 'warning',
      message: `${withoutTools.length} powered-on VM(s) without VMware Tools running: ${shown}${more}`,
    });
  }

  if (oldSnapshots.length > 0) {
    // A snapshot kept for weeks grows its delta disk and slows the VM: a warning, listed like Tools.
    const shown = oldSnapshots.slice(0, 5).join(', ');
    const more = oldSnapshots.length > 5 ? ` and ${oldSnapshots.length - 5} more` : '';
    problems.push({
      severity: 'warning',
      message: `${oldSnapshots.length} VM(s) with a snapshot older than ${OLD_SNAPSHOT_DAYS} days: ${shown}${more}`,
    });
  }

  const dsNames = uniqueNames(inv.datastores);
  const dsRows: Row[] = [];
  for (const d of inv.datastores) {
    const name = dsNames.get(d) ?? d.name;
    const freePct = pct(d.free, d.capacity);
    push('datastore.capacity', name, d.capacity, 'bytes');
    push('datastore.free', name, d.free, 'bytes');
    push('datastore.free.percent', name, freePct, 'percent');
    push('datastore.accessible', name, d.accessible ? 1 : 0, '');
    push('datastore.status', name, statusLevel(d.status), '');
    if (!d.accessible) problems.push({ severity: 'critical', message: `datastore ${name} is not accessible` });
    else if (d.status === 'red' || d.status === 'yellow') {
      problems.push({ severity: d.status === 'red' ? 'critical' : 'warning', message: `datastore ${name} overall status is ${d.status}` });
    }
    dsRows.push({
      name,
      type: d.type,
      capacity: d.capacity ?? null,
      free: d.free ?? null,
      freePercent: freePct,
      accessible: d.accessible,
      status: d.accessible ? statusState(d.status) : 'critical',
    });
  }

  for (const c of inv.clusters) {
    push('cluster.status', c.name, statusLevel(c.status), '');
    if (c.status === 'red' || c.status === 'yellow') {
      problems.push({ severity: c.status === 'red' ? 'critical' : 'warning', message: `cluster ${c.name} overall status is ${c.status}` });
    }
  }

  const nicRows: Row[] = [];
  const adapterRows: Row[] = [];
  for (const n of rates?.nics ?? []) {
    const instance = `${n.host}/${n.device}`;
    push('host.nic.rx.bps', instance, n.rx !== null ? n.rx * 8 : null, 'bitsPerSecond');
    push('host.nic.tx.bps', instance, n.tx !== null ? n.tx * 8 : null, 'bitsPerSecond');
    push('host.nic.rx.pps', instance, n.rxPackets, 'perSecond');
    push('host.nic.tx.pps', instance, n.txPackets, 'perSecond');
    nicRows.push({ host: n.host, device: n.device, tx: n.tx, rx: n.rx, txPackets: n.txPackets, rxPackets: n.rxPackets });
  }
  for (const a of rates?.adapters ?? []) {
    const instance = `${a.host}/${a.device}`;
    push('host.storage.read', instance, a.read, 'bytesPerSecond');
    push('host.storage.write', instance, a.write, 'bytesPerSecond');
    push('host.storage.reads', instance, a.reads, 'perSecond');
    push('host.storage.writes', instance, a.writes, 'perSecond');
    adapterRows.push({ host: a.host, device: a.device, read: a.read, write: a.write, reads: a.reads, writes: a.writes });
  }

  const alarmRows = alarmTable(inv, input.alarmNames);
  const standalone = about.apiType === 'HostAgent';
  return {
    family: VSPHERE_FAMILY,
    identity: {
      product: about.fullName,
      name: about.name,
      version: about.version,
      build: about.build,
      apiType: about.apiType,
      apiVersion: about.apiVersion,
      datacenters: inv.datacenters.length,
      clusters: inv.clusters.length,
      hosts: inv.hosts.length,
      vmsTotal: vms.length,
      vmsPoweredOn: on,
      vmsPoweredOff: off,
      vmsSuspended: suspended,
      templates,
      datastores: inv.datastores.length,
      networks: inv.networks,
      vmsSummary: `${on}/${vms.length}`,
      lastUpdate: input.now,
    },
    metrics: metrics.values,
    tables: { hosts: hostRows, vms: vmRows, datastores: dsRows, nics: nicRows, storageAdapters: adapterRows, alarms: alarmRows, sensors: sensorRows },
    problems,
    uptimeSeconds: standalone ? (inv.hosts[0]?.uptimeSeconds ?? null) : null,
    ...(vmHistory === 'reduced' && { reducedHistory: VM_METRICS }),
  };
}

/** Triggered alarms of every entity, once each (vCenter repeats a descendant's alarm on its ancestors). */
function alarmTable(inv: Inventory, alarmNames: ReadonlyMap<string, string>): Row[] {
  const all: AlarmStateInfo[] = [
    ...inv.hosts.flatMap((h) => h.alarms),
    ...inv.vms.flatMap((v) => v.alarms),
    ...inv.datastores.flatMap((d) => d.alarms),
    ...inv.clusters.flatMap((c) => c.alarms),
    ...inv.datacenters.flatMap((d) => d.alarms),
  ];
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const a of all) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    rows.push({
      entity: inv.names.get(refKey(a.entity)) ?? a.entity.value,
      entityType: a.entity.type,
      alarm: alarmNames.get(a.alarm.value) ?? a.alarm.value,
      status: statusState(a.status),
      time: a.time ? a.time.getTime() : null,
      acknowledged: a.acknowledged,
    });
  }
  return rows.sort((a, b) => Number(b.time ?? 0) - Number(a.time ?? 0));
}

/** Alarm references whose names are still unknown. */
export function unknownAlarms(inv: Inventory, known: ReadonlyMap<string, string>): { type: string; value: string }[] {
  const refs = new Map<string, { type: string; value: string }>();
  for (const list of [inv.hosts, inv.vms, inv.datastores, inv.clusters, inv.datacenters]) {
    for (const e of list) for (const a of e.alarms) if (!known.has(a.alarm.value)) refs.set(a.alarm.value, a.alarm);
  }
  return [...refs.values()];
}

const SENSOR_STATE: Record<HostSensor['status'], 'ok' | 'warning' | 'critical' | 'unknown'> = { green: 'ok', yellow: 'warning', red: 'critical', unknown: 'unknown' };

/**
 * Each connected host's hardware sensors (a disconnected host's last readings are stale); yellow and red
 * ones are problems on the device, as the report's hosts-hardware-health lists them.
 */
function sensorTable(hosts: readonly HostInfo[], names: ReadonlyMap<HostInfo, string>, problems: PollResult['problems']): Row[] {
  const rows: Row[] = [];
  for (const h of hosts) {
    if (h.connectionState !== 'connected') continue;
    const host = names.get(h) ?? h.name;
    for (const s of h.sensors) {
      rows.push({ host, sensor: s.name, type: s.type, reading: s.reading, unit: s.unit, status: SENSOR_STATE[s.status] });
      if (s.status === 'yellow' || s.status === 'red') {
        const reading = s.reading === null ? '' : ` (${s.reading}${s.unit ? ` ${s.unit}` : ''})`;
        problems.push({ severity: s.status === 'red' ? 'critical' : 'warning', message: `host ${host} sensor ${s.name} is ${s.status}${reading}` });
      }
    }
  }
  return rows;
}
