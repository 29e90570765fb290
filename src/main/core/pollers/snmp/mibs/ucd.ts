import { MetricList } from '../../metric-list';
import type { MetricValue } from '../../../../../shared/contract/devices';
import type { Row } from '../../source';
import type { SnmpPollContext } from '../family';
import { toCounter, toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpVarbind } from '../session/types';

/**
 * UCD-SNMP-MIB (net-snmp's own MIB, enterprise 2021): CPU time split, load average, memory and disk I/O.
 *  - readUcdCpu(ctx) → metrics cpu.{user,nice,system,iowait,irq,steal,idle,total} (%), from the ssCpuRaw*
 *    tick counters; nothing on the first poll (a split needs two samples).
 *  - readUcdLoad(session) → { load1, load5, load15 } | null    (laLoadInt / 100)
 *  - readUcdMemory(session) → UcdMemory | null                 (bytes)
 *  - readDiskIo(ctx) → { rows, metrics }                      (disk.{read,write}.bps / .ops per device)
 */
const UCD = '1.3.6.1.4.1.2021';

const CPU_RAW = {
  user: `${UCD}.11.50.0`,
  nice: `${UCD}.11.51.0`,
  system: `${UCD}.11.52.0`,
  idle: `${UCD}.11.53.0`,
  wait: `${UCD}.11.54.0`,
  kernel: `${UCD}.11.55.0`,
  interrupt: `${UCD}.11.56.0`,
  softirq: `${UCD}.11.61.0`,
  steal: `${UCD}.11.64.0`,
} as const;
type CpuPart = keyof typeof CPU_RAW;

const LOAD_INT = `${UCD}.10.1.5`;

const MEM = {
  totalSwap: `${UCD}.4.3.0`,
  availSwap: `${UCD}.4.4.0`,
  totalReal: `${UCD}.4.5.0`,
  availReal: `${UCD}.4.6.0`,
  shared: `${UCD}.4.13.0`,
  buffer: `${UCD}.4.14.0`,
  cached: `${UCD}.4.15.0`,
  /** memSysAvail (net-snmp ≥ 5.9): the kernel's MemAvailable estimate. */
  sysAvail: `${UCD}.4.27.0`,
} as const;

const DISK_IO_ENTRY = `${UCD}.13.15.1.1`;

/** The scalars a Linux poll asks for in one GET (CPU counters, load, memory). */
export const UCD_SCALARS: readonly string[] = [...Object.values(CPU_RAW), ...Object.values(MEM), `${LOAD_INT}.1`, `${LOAD_INT}.2`, `${LOAD_INT}.3`];

/**
 * CPU split from the raw tick counters. All ticks together are the elapsed CPU time; "total" is what was not
 * idle nor waiting for I/O. On Linux ssCpuRawKernel is 0 and the parts are disjoint; on BSDs kernel time is
 * reported there and counts as system.
 */
export function ucdCpu(ctx: Pick<SnmpPollContext, 'rate'>, scalars: Map<string, SnmpVarbind>): MetricValue[] {
  const rates = {} as Record<CpuPart, number | null>;
  const parts = Object.keys(CPU_RAW) as CpuPart[];
  const counters = parts.map((part) => toCounter(scalars.get(CPU_RAW[part])));
  // A freshly started snmpd answers 0 for every tick counter until its first 5-second refresh: not a sample.
  if (counters.every((c) => c === null || Number(c.value) === 0)) return [];
  let all = 0;
  let known = 0;
  for (const [i, part] of parts.entries()) {
    const c = counters[i] ?? null;
    const r = c ? ctx.rate(`ucd.cpu|${part}`, { value: c.value, bits: c.bits }) : null;
    rates[part] = r;
    if (r !== null) {
      all += r;
      known++;
    }
  }
  if (known === 0 || all <= 0 || rates.idle === null) return [];
  const pct = (...parts: CpuPart[]): number => (parts.reduce((a, p) => a + (rates[p] ?? 0), 0) / all) * 100;
  const out: MetricValue[] = [
    { name: 'cpu.user', instance: '', value: pct('user'), unit: 'percent' },
    { name: 'cpu.nice', instance: '', value: pct('nice'), unit: 'percent' },
    { name: 'cpu.system', instance: '', value: pct('system', 'kernel'), unit: 'percent' },
    { name: 'cpu.iowait', instance: '', value: pct('wait'), unit: 'percent' },
    { name: 'cpu.irq', instance: '', value: pct('interrupt', 'softirq'), unit: 'percent' },
    { name: 'cpu.steal', instance: '', value: pct('steal'), unit: 'percent' },
    { name: 'cpu.idle', instance: '', value: pct('idle'), unit: 'percent' },
    { name: 'cpu.total', instance: '', value: Math.max(0, 100 - pct('idle', 'wait')), unit: 'percent' },
  ];
  return out;
}

export interface UcdLoad {
  load1: number;
  load5: number;
  load15: number;
}

export function ucdLoad(scalars: Map<string, SnmpVarbind>): UcdLoad | null {
  const l1 = toNumber(scalars.get(`${LOAD_INT}.1`));
  const l5 = toNumber(scalars.get(`${LOAD_INT}.2`));
  const l15 = toNumber(scalars.get(`${LOAD_INT}.3`));
  if (l1 === null || l5 === null || l15 === null) return null;
  return { load1: l1 / 100, load5: l5 / 100, load15: l15 / 100 };
}

export interface UcdMemory {
  total: number;
  /** Free RAM (memAvailReal, which despite its name is MemFree). */
  free: number;
  /** What programs can still get: memSysAvail when the agent has it, else free + buffers + cached. */
  available: number;
  buffers: number | null;
  cached: number | null;
  shared: number | null;
  swapTotal: number | null;
  swapFree: number | null;
}

export function ucdMemory(scalars: Map<string, SnmpVarbind>): UcdMemory | null {
  const kb = (oid: string): number | null => {
    const n = toNumber(scalars.get(oid));
    return n === null || n < 0 ? null : n * 1024;
  };
  const total = kb(MEM.totalReal);
  const free = kb(MEM.availReal);
  if (total === null || free === null || total <= 0) return null;
  const buffers = kb(MEM.buffer);
  const cached = kb(MEM.cached);
  const sysAvail = kb(MEM.sysAvail);
  return {
    total,
    free,
    available: Math.min(total, sysAvail ?? free + (buffers ?? 0) + (cached ?? 0)),
    buffers,
    cached,
    shared: kb(MEM.shared),
    swapTotal: kb(MEM.totalSwap),
    swapFree: kb(MEM.availSwap),
  };
}

/** Block devices that are not disks: RAM disks and loop devices clutter the table with zeros. */
const PSEUDO_DISK = /^(ram|loop)\d+$/;

/** Disk I/O per block device: 64-bit byte counters (diskIONReadX/WrittenX) when present, else the 32-bit ones. */
export async function readDiskIo(ctx: SnmpPollContext): Promise<{ rows: Row[]; metrics: MetricValue[] }> {
  const table = await ctx.session.table(DISK_IO_ENTRY, [2, 3, 4, 5, 6, 12, 13]);
  const rows: Row[] = [];
  const metrics = new MetricList();
  for (const [index, col] of table) {
    const device = toText(col.get(2));
    if (!device || PSEUDO_DISK.test(device)) continue;
    const read = toCounter(col.get(12)) ?? toCounter(col.get(3));
    const written = toCounter(col.get(13)) ?? toCounter(col.get(4));
    const rate = (what: string, c: ReturnType<typeof toCounter>): number | null =>
      c ? ctx.rate(`disk.${what}|${index}|${device}`, { value: c.value, bits: c.bits }) : null;
    const readBps = rate('read', read);
    const writeBps = rate('write', written);
    const readOps = rate('reads', toCounter(col.get(5)));
    const writeOps = rate('writes', toCounter(col.get(6)));
    const push = (name: string, value: number | null, unit: MetricValue['unit']): void =>
      metrics.add(name, value, unit, device);
    push('disk.read.bps', readBps, 'bytesPerSecond');
    push('disk.write.bps', writeBps, 'bytesPerSecond');
    push('disk.read.ops', readOps, 'perSecond');
    push('disk.write.ops', writeOps, 'perSecond');
    rows.push({ device, readBps, writeBps, readOps, writeOps });
  }
  return { rows, metrics: metrics.values };
}

/** One GET for every UCD scalar a host poll uses. */
export function readUcdScalars(session: SnmpSession): Promise<Map<string, SnmpVarbind>> {
  return session.get(UCD_SCALARS);
}
