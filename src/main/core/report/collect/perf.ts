import type { CallOptions, VimClient } from '../../vsphere/client';
import { VsphereUnsupportedError } from '../../vsphere/errors';
import { PerfManager, type PerfEntityResult } from '../../vsphere/perf';
import type { MoRef } from '../../vsphere/xml-build';
import { refKey } from '../../vsphere/xml-parse';
import type { CounterStat, VmCpuStat } from '../snapshot';
import { mapLimit } from './map-limit';

/**
 * The historical interval read: 2-hour averages (past month) up to 30 days, daily ones beyond. Averaging
 * them gives the window's average as 5-minute samples would, for 24 times fewer values: with 5-minute
 * samples 5,000 VMs meant 1.4 million values and about a minute of transfer and parsing for one day.
 * The max is then the highest 2-hour average.
 */
export function intervalFor(days: number): number {
  return days <= 30 ? 7200 : 86_400;
}

/** Per counter (group.name.rollup), per VM ref: the window's samples, as the server sends them. */
export interface VmCounterStats {
  intervalSeconds: number;
  byCounter: Map<string, Map<string, CounterStat>>;
}

/**
 * Counters of many VMs over the window (cpu.usage.average in hundredths of a percent, cpu.ready.summation in
 * milliseconds per sample...), in batched QueryPerf calls (one spec per VM with every counter, `batchSize`
 * VMs per call): per VM the average and the highest sample. Counters the server lacks are left out; none
 * known at all is `unsupported`.
 */
export async function vmCounterStats(
  client: VimClient,
  vms: readonly MoRef[],
  wanted: readonly string[],
  q: { days: number; now: number; batchSize?: number } & CallOptions,
): Promise<VmCounterStats> {
  const interval = intervalFor(q.days);
  const out: VmCounterStats = { intervalSeconds: interval, byCounter: new Map() };
  if (vms.length === 0 || wanted.length === 0) return out;
  const perf = new PerfManager(client);
  const known = await perf.counters(q);
  const counters = wanted.flatMap((name) => {
    const c = known.get(name);
    return c ? [{ name, key: c.key }] : [];
  });
  if (counters.length === 0) throw new VsphereUnsupportedError('PerformanceManager.QueryPerf', `the server has none of the counters ${wanted.join(', ')}`);
  const start = new Date(q.now - q.days * 86_400_000);
  const end = new Date(q.now);
  // The simulator returns no sample without maxSample; vCenter returns the most recent ones up to it.
  const maxSample = Math.ceil((q.days * 86_400) / interval) + 1;
  // Batches of `batchSize` VMs, two calls in flight: the server works on one while the other's answer is parsed.
  const batch = q.batchSize ?? 250;
  const groups: MoRef[][] = [];
  for (let i = 0; i < vms.length; i += batch) groups.push(vms.slice(i, i + batch));
  const results: PerfEntityResult[] = [];
  const metrics = counters.map((c) => ({ counterId: c.key, instance: '' }));
  await mapLimit(groups, 2, async (group) => {
    const got = await perf.query(
      group.map((entity) => ({ entity, metrics, intervalId: interval, start, end, maxSample })),
      { batchSize: batch, signal: q.signal, timeoutMs: q.timeoutMs },
    );
    for (const r of got) results.push(r);
  });
  for (const c of counters) out.byCounter.set(c.name, new Map());
  for (const r of results) {
    for (const c of counters) {
      const values = r.series.find((s) => s.counterId === c.key)?.values.filter((v) => v >= 0) ?? [];
      if (values.length === 0) continue;
      let sum = 0;
      let max = 0;
      for (const v of values) {
        sum += v;
        if (v > max) max = v;
      }
      out.byCounter.get(c.name)?.set(refKey(r.entity), { avg: sum / values.length, max, samples: values.length });
    }
  }
  return out;
}

/** cpu.usage.average (hundredths of a percent) as vm-cpu-usage reads it. */
export function cpuStatsOf(stats: VmCounterStats): Map<string, VmCpuStat> {
  const out = new Map<string, VmCpuStat>();
  for (const [vmRef, s] of stats.byCounter.get('cpu.usage.average') ?? []) out.set(vmRef, { vmRef, avgPercent: s.avg / 100, maxPercent: s.max / 100 });
  return out;
}
