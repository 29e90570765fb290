import type { CallOptions, VimClient } from '../../vsphere/client';
import { VsphereUnsupportedError } from '../../vsphere/errors';
import { PerfManager, type PerfEntityResult } from '../../vsphere/perf';
import type { MoRef } from '../../vsphere/xml-build';
import { refKey } from '../../vsphere/xml-parse';
import type { VmCpuStat } from '../snapshot';
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

/**
 * CPU usage (cpu.usage.average, hundredths of a percent) of many VMs over the window, in batched QueryPerf
 * calls (one spec per VM, `batchSize` VMs per call): the average and the highest of those samples.
 */
export async function vmCpuStats(
  client: VimClient,
  vms: readonly MoRef[],
  q: { days: number; now: number; batchSize?: number } & CallOptions,
): Promise<Map<string, VmCpuStat>> {
  const out = new Map<string, VmCpuStat>();
  if (vms.length === 0) return out;
  const perf = new PerfManager(client);
  const counters = await perf.counters(q);
  const counter = counters.get('cpu.usage.average');
  if (!counter) throw new VsphereUnsupportedError('PerformanceManager.QueryPerf', 'the server has no cpu.usage.average counter');
  const interval = intervalFor(q.days);
  const start = new Date(q.now - q.days * 86_400_000);
  const end = new Date(q.now);
  // The simulator returns no sample without maxSample; vCenter returns the most recent ones up to it.
  const maxSample = Math.ceil((q.days * 86_400) / interval) + 1;
  // Batches of `batchSize` VMs, two calls in flight: the server works on one while the other's answer is parsed.
  const batch = q.batchSize ?? 250;
  const groups: MoRef[][] = [];
  for (let i = 0; i < vms.length; i += batch) groups.push(vms.slice(i, i + batch));
  const results: PerfEntityResult[] = [];
  await mapLimit(groups, 2, async (group) => {
    const got = await perf.query(
      group.map((entity) => ({ entity, metrics: [{ counterId: counter.key, instance: '' }], intervalId: interval, start, end, maxSample })),
      { batchSize: batch, signal: q.signal, timeoutMs: q.timeoutMs },
    );
    for (const r of got) results.push(r);
  });
  for (const r of results) {
    const values = r.series.find((s) => s.counterId === counter.key)?.values.filter((v) => v >= 0) ?? [];
    if (values.length === 0) continue;
    let sum = 0;
    let max = 0;
    for (const v of values) {
      sum += v;
      if (v > max) max = v;
    }
    out.set(refKey(r.entity), { vmRef: refKey(r.entity), avgPercent: sum / values.length / 100, maxPercent: max / 100 });
  }
  return out;
}
