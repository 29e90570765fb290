import type { MetricValue } from '../../../../../shared/contract/devices';
import type { Row } from '../../source';
import { toNumber, toText } from '../session/decode';
import type { SnmpSession } from '../session/types';

/**
 * Cisco CPU and memory, for switches, routers and access points.
 *  - readCiscoCpu(session) → { rows, metrics, total }: CISCO-PROCESS-MIB cpmCPUTotalTable; the *Rev columns
 *    (0..100 Gauge32, IOS ≥ 12.0(3)T) when present, else the deprecated 5sec/1min/5min ones. Metrics
 *    cpu.5sec / cpu.1min / cpu.5min per CPU (instance = table index), cpu.total = mean of the 1-minute values.
 *  - readCiscoMemory(session) → { rows, metrics }: CISCO-MEMORY-POOL-MIB (.9.9.48) pools, falling back to
 *    CISCO-ENHANCED-MEMPOOL-MIB (.9.9.221, IOS-XE) when the old table is empty. memory.pool.* per pool name,
 *    memory.used / memory.total / memory.used.percent over all pools.
 */
const CPM_CPU_TOTAL_ENTRY = '1.3.6.1.4.1.9.9.109.1.1.1.1';
const MEMPOOL_ENTRY = '1.3.6.1.4.1.9.9.48.1.1.1';
const ENH_MEMPOOL_ENTRY = '1.3.6.1.4.1.9.9.221.1.1.1.1';

export async function readCiscoCpu(session: SnmpSession): Promise<{ rows: Row[]; metrics: MetricValue[]; total: number | null }> {
  const table = await session.table(CPM_CPU_TOTAL_ENTRY, [2, 3, 4, 5, 6, 7, 8]);
  const rows: Row[] = [];
  const metrics: MetricValue[] = [];
  const oneMinute: number[] = [];
  for (const [index, col] of table) {
    const pick = (rev: number, old: number): number | null => toNumber(col.get(rev)) ?? toNumber(col.get(old));
    const sec5 = pick(6, 3);
    const min1 = pick(7, 4);
    const min5 = pick(8, 5);
    if (sec5 === null && min1 === null && min5 === null) continue;
    const add = (name: string, value: number | null): void => {
      if (value !== null) metrics.push({ name, instance: index, value, unit: 'percent' });
    };
    add('cpu.5sec', sec5);
    add('cpu.1min', min1);
    add('cpu.5min', min5);
    if (min1 !== null) oneMinute.push(min1);
    rows.push({ cpu: index, physicalIndex: toNumber(col.get(2)), sec5, min1, min5 });
  }
  const total = oneMinute.length ? oneMinute.reduce((a, b) => a + b, 0) / oneMinute.length : null;
  if (total !== null) metrics.push({ name: 'cpu.total', instance: '', value: total, unit: 'percent' });
  return { rows, metrics, total };
}

interface Pool {
  name: string;
  used: number;
  free: number;
  largestFree: number | null;
}

async function oldPools(session: SnmpSession): Promise<Pool[]> {
  const table = await session.table(MEMPOOL_ENTRY, [2, 5, 6, 7]);
  const pools: Pool[] = [];
  for (const [index, col] of table) {
    const used = toNumber(col.get(5));
    const free = toNumber(col.get(6));
    if (used === null || free === null) continue;
    pools.push({ name: toText(col.get(2)) ?? `pool ${index}`, used, free, largestFree: toNumber(col.get(7)) });
  }
  return pools;
}

async function enhancedPools(session: SnmpSession): Promise<Pool[]> {
  // cempMemPoolName .3, Used .7, Free .8, LargestFree .10, HCUsed .18, HCFree .20
  const table = await session.table(ENH_MEMPOOL_ENTRY, [3, 7, 8, 10, 18, 20]);
  const pools: Pool[] = [];
  for (const [index, col] of table) {
    const used = toNumber(col.get(18)) ?? toNumber(col.get(7));
    const free = toNumber(col.get(20)) ?? toNumber(col.get(8));
    if (used === null || free === null) continue;
    pools.push({ name: toText(col.get(3)) ?? `pool ${index}`, used, free, largestFree: toNumber(col.get(10)) });
  }
  return pools;
}

export async function readCiscoMemory(session: SnmpSession): Promise<{ rows: Row[]; metrics: MetricValue[] }> {
  let pools = await oldPools(session);
  if (pools.length === 0) pools = await enhancedPools(session);
  const rows: Row[] = [];
  const metrics: MetricValue[] = [];
  let used = 0;
  let total = 0;
  for (const p of pools) {
    const size = p.used + p.free;
    const percent = size > 0 ? (p.used / size) * 100 : null;
    metrics.push(
      { name: 'memory.pool.used', instance: p.name, value: p.used, unit: 'bytes' },
      { name: 'memory.pool.free', instance: p.name, value: p.free, unit: 'bytes' },
    );
    if (percent !== null) metrics.push({ name: 'memory.pool.used.percent', instance: p.name, value: percent, unit: 'percent' });
    rows.push({ pool: p.name, size, used: p.used, free: p.free, largestFree: p.largestFree, usedPercent: percent });
    used += p.used;
    total += size;
  }
  if (total > 0) {
    metrics.push(
      { name: 'memory.used', instance: '', value: used, unit: 'bytes' },
      { name: 'memory.total', instance: '', value: total, unit: 'bytes' },
      { name: 'memory.used.percent', instance: '', value: (used / total) * 100, unit: 'percent' },
    );
  }
  return { rows, metrics };
}
