import type { MetricValue } from '../../../../../shared/contract/devices';
import type { Row } from '../../source';
import type { SnmpPollContext } from '../family';
import { toNumber, toText } from '../session/decode';
import type { SnmpSession } from '../session/types';

/**
 * HOST-RESOURCES-MIB (RFC 2790) readers shared by every host-like family (Linux, Windows, ESXi, firewalls...).
 * Stable API, reused by other families:
 *  - readHrSystem(session) → { uptimeSeconds, users, processes }   (hrSystem scalars; null when absent)
 *  - readStorage(session) → StorageEntry[]                         (hrStorageTable, sizes in bytes)
 *  - filesystems(ctx-less) → { rows, metrics }                     (fs.* metrics + 'filesystems' table rows)
 *  - readProcessorLoad(session) → { index, load }[]                (hrProcessorLoad per CPU, %)
 *  - readProcesses(session) → ProcessEntry[]                       (hrSWRun + hrSWRunPerf)
 *  - processTable(ctx, processes, watched) → { rows, metrics }     (per-process CPU % rates; watched summary)
 * Everything an agent omits is simply absent (null / empty), never an error.
 */

export const HR = {
  systemUptime: '1.3.6.1.2.1.25.1.1.0',
  systemNumUsers: '1.3.6.1.2.1.25.1.5.0',
  systemProcesses: '1.3.6.1.2.1.25.1.6.0',
  memorySize: '1.3.6.1.2.1.25.2.2.0',
  storageEntry: '1.3.6.1.2.1.25.2.3.1',
  processorLoad: '1.3.6.1.2.1.25.3.3.1.2',
  swRunEntry: '1.3.6.1.2.1.25.4.2.1',
  swRunPerfEntry: '1.3.6.1.2.1.25.5.1.1',
} as const;

const STORAGE_TYPES = [
  'other',
  'ram',
  'virtualMemory',
  'fixedDisk',
  'removableDisk',
  'floppyDisk',
  'compactDisc',
  'ramDisk',
  'flashMemory',
  'networkDisk',
] as const;
export type StorageType = (typeof STORAGE_TYPES)[number] | 'unknown';
const STORAGE_TYPE_PREFIX = '1.3.6.1.2.1.25.2.1.';

export interface StorageEntry {
  index: string;
  type: StorageType;
  descr: string;
  allocationUnits: number;
  /** Bytes (allocation units × hrStorageSize). */
  size: number;
  used: number;
  /** used / size × 100; null for a zero-size entry (empty CD drive, no swap). */
  usedPercent: number | null;
}

export interface HrSystem {
  uptimeSeconds: number | null;
  users: number | null;
  processes: number | null;
}

/** Integer32 sizes of big volumes come back negative from some agents: read them as unsigned. */
function unsigned(n: number | null): number | null {
  if (n === null) return null;
  return n < 0 ? n + 2 ** 32 : n;
}

export async function readHrSystem(session: SnmpSession): Promise<HrSystem> {
  const r = await session.get([HR.systemUptime, HR.systemNumUsers, HR.systemProcesses]);
  const ticks = toNumber(r.get(HR.systemUptime));
  return {
    uptimeSeconds: ticks === null ? null : ticks / 100,
    users: toNumber(r.get(HR.systemNumUsers)),
    processes: toNumber(r.get(HR.systemProcesses)),
  };
}

function storageType(oid: unknown): StorageType {
  if (typeof oid !== 'string' || !oid.startsWith(STORAGE_TYPE_PREFIX)) return 'unknown';
  const n = Number(oid.slice(STORAGE_TYPE_PREFIX.length));
  return STORAGE_TYPES[n - 1] ?? 'unknown';
}

export async function readStorage(session: SnmpSession): Promise<StorageEntry[]> {
  const table = await session.table(HR.storageEntry, [2, 3, 4, 5, 6]);
  const out: StorageEntry[] = [];
  for (const [index, col] of table) {
    const units = toNumber(col.get(4));
    const size = unsigned(toNumber(col.get(5)));
    const used = unsigned(toNumber(col.get(6)));
    if (units === null || size === null || units <= 0) continue;
    const sizeBytes = units * size;
    const usedBytes = units * (used ?? 0);
    out.push({
      index,
      type: storageType(col.get(2)?.value),
      descr: toText(col.get(3)) ?? `storage ${index}`,
      allocationUnits: units,
      size: sizeBytes,
      used: usedBytes,
      usedPercent: size > 0 && used !== null ? (used / size) * 100 : null,
    });
  }
  return out;
}

export interface FilesystemOptions {
  /** Storage types that count as filesystems; FixedDisk and NetworkDisk by default. */
  types?: readonly StorageType[];
  /** Mount name from hrStorageDescr; Windows appends " Label:... Serial Number ..." to "C:\". */
  mountOf?: (descr: string) => string;
}

/** Windows' "C:\ Label:Data  Serial Number 1234abcd" → "C:\"; anything else is kept as it is. */
export function windowsMount(descr: string): string {
  const m = /^([A-Za-z]:\\)/.exec(descr);
  return m?.[1] ?? descr;
}

/** Filesystem metrics (fs.size, fs.used, fs.free, fs.used.percent; instance = mount) and 'filesystems' rows. */
export function filesystems(storage: readonly StorageEntry[], options: FilesystemOptions = {}): { rows: Row[]; metrics: MetricValue[] } {
  const types = options.types ?? ['fixedDisk', 'networkDisk'];
  const rows: Row[] = [];
  const metrics: MetricValue[] = [];
  const seen = new Set<string>();
  for (const s of storage) {
    if (!types.includes(s.type) || s.size <= 0) continue;
    let mount = options.mountOf ? options.mountOf(s.descr) : s.descr;
    if (seen.has(mount)) mount = `${mount} #${s.index}`;
    seen.add(mount);
    metrics.push(
      { name: 'fs.size', instance: mount, value: s.size, unit: 'bytes' },
      { name: 'fs.used', instance: mount, value: s.used, unit: 'bytes' },
      { name: 'fs.free', instance: mount, value: Math.max(0, s.size - s.used), unit: 'bytes' },
    );
    if (s.usedPercent !== null) metrics.push({ name: 'fs.used.percent', instance: mount, value: s.usedPercent, unit: 'percent' });
    rows.push({
      mount,
      type: s.type,
      size: s.size,
      used: s.used,
      free: Math.max(0, s.size - s.used),
      usedPercent: s.usedPercent,
    });
  }
  return { rows, metrics };
}

export interface ProcessorLoad {
  /** hrDeviceIndex of the processor. */
  index: string;
  /** Average load over the last minute, %. */
  load: number;
}

export async function readProcessorLoad(session: SnmpSession): Promise<ProcessorLoad[]> {
  const out: ProcessorLoad[] = [];
  const prefix = `${HR.processorLoad}.`;
  for (const vb of await session.walk(HR.processorLoad)) {
    const load = toNumber(vb);
    if (!vb.oid.startsWith(prefix) || load === null) continue;
    out.push({ index: vb.oid.slice(prefix.length), load });
  }
  return out;
}

/** Per-core metrics (cpu.core, instance = 0-based position) and 'cores' rows; the mean as cpu.total when asked. */
export function coreMetrics(loads: readonly ProcessorLoad[]): { rows: Row[]; metrics: MetricValue[]; mean: number | null } {
  const metrics: MetricValue[] = [];
  const rows: Row[] = [];
  loads.forEach((p, i) => {
    metrics.push({ name: 'cpu.core', instance: String(i), value: p.load, unit: 'percent' });
    rows.push({ core: i, device: Number(p.index), load: p.load });
  });
  const mean = loads.length ? loads.reduce((a, p) => a + p.load, 0) / loads.length : null;
  return { rows, metrics, mean };
}

/** 1,024 CPUs fully busy: anything faster is a counter reset, not a rate. */
const MAX_PROCESS_CS_PER_S = 102_400;

const RUN_STATUS = ['', 'running', 'runnable', 'notRunnable', 'invalid'];
const RUN_TYPE = ['', 'unknown', 'operatingSystem', 'deviceDriver', 'application'];

export interface ProcessEntry {
  /** hrSWRunIndex: the PID on Linux and Windows. */
  pid: number;
  name: string;
  path: string;
  type: string | null;
  status: string | null;
  /** hrSWRunPerfCPU: centi-seconds of CPU consumed since start (a counter). */
  cpuCentiSeconds: number | null;
  /** hrSWRunPerfMem in bytes (the MIB says KBytes). */
  memory: number | null;
}

export async function readProcesses(session: SnmpSession): Promise<ProcessEntry[]> {
  const run = await session.table(HR.swRunEntry, [2, 4, 6, 7]);
  if (run.size === 0) return [];
  const perf = await session.table(HR.swRunPerfEntry, [1, 2]);
  const out: ProcessEntry[] = [];
  for (const [index, col] of run) {
    const pid = Number(index);
    if (!Number.isInteger(pid)) continue;
    const p = perf.get(index);
    const type = toNumber(col.get(6));
    const status = toNumber(col.get(7));
    const mem = toNumber(p?.get(2));
    out.push({
      pid,
      name: toText(col.get(2)) ?? '',
      path: toText(col.get(4)) ?? '',
      type: type === null ? null : (RUN_TYPE[type] ?? String(type)),
      status: status === null ? null : (RUN_STATUS[status] ?? String(status)),
      cpuCentiSeconds: toNumber(p?.get(1)),
      memory: mem === null ? null : mem * 1024,
    });
  }
  return out;
}

/** Does a process answer to a watched name? Exact name, or the last element of its path (case-insensitive). */
export function matchesWatched(p: Pick<ProcessEntry, 'name' | 'path'>, watched: string): boolean {
  const w = watched.toLowerCase();
  if (p.name.toLowerCase() === w) return true;
  const base = p.path.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  return base === w;
}

/**
 * The 'processes' table (every process, so that the page can offer "watch this process") with CPU % from
 * hrSWRunPerfCPU (centi-seconds per second = % of one CPU), and per watched name: process.count (running
 * instances; 0 = not running), process.cpu (% of one CPU, summed), process.memory (bytes, summed).
 */
export function processTable(
  ctx: Pick<SnmpPollContext, 'rate'>,
  processes: readonly ProcessEntry[],
  watched: readonly string[],
): { rows: Row[]; metrics: MetricValue[] } {
  const rows: Row[] = [];
  const cpuByPid = new Map<number, number | null>();
  for (const p of processes) {
    // Keyed by PID and name: a recycled PID with another program must not yield a rate across the two.
    // No process burns more than 100 cs/s per CPU: the ceiling turns a restart mistaken for a wrap into a gap.
    const cpu =
      p.cpuCentiSeconds === null
        ? null
        : ctx.rate(`proc.cpu|${p.pid}|${p.name}`, { value: p.cpuCentiSeconds >>> 0, bits: 32, maxRate: MAX_PROCESS_CS_PER_S });
    cpuByPid.set(p.pid, cpu);
    rows.push({ pid: p.pid, name: p.name, path: p.path, type: p.type, status: p.status, cpu, memory: p.memory });
  }
  const metrics: MetricValue[] = [];
  for (const name of watched) {
    const matching = processes.filter((p) => p.status !== 'invalid' && matchesWatched(p, name));
    metrics.push({ name: 'process.count', instance: name, value: matching.length, unit: 'count' });
    if (matching.length === 0) continue;
    const rates = matching.map((p) => cpuByPid.get(p.pid)).filter((c): c is number => typeof c === 'number');
    if (rates.length > 0) metrics.push({ name: 'process.cpu', instance: name, value: rates.reduce((a, b) => a + b, 0), unit: 'percent' });
    const mems = matching.map((p) => p.memory).filter((m): m is number => m !== null);
    if (mems.length > 0) metrics.push({ name: 'process.memory', instance: name, value: mems.reduce((a, b) => a + b, 0), unit: 'bytes' });
  }
  return { rows, metrics };
}
