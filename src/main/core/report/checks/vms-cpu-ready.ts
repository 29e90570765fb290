import { num } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';
import { round1, thresholdNumber } from '../thresholds';

const COUNTER = 'cpu.ready.summation';

/**
 * CPU ready (cpu.ready.summation: milliseconds a VM waited for a physical CPU during one sample) as a
 * percentage per vCPU: ready ms / (sample length in ms × vCPUs) × 100. The samples are the 2-hour
 * historical ones over the report's performance window (1 day unless vm-cpu-usage asks for more), the
 * same read as vm-cpu-usage. Critical at twice the threshold.
 */
export function readyPercent(readyMs: number, intervalSeconds: number, vcpus: number): number {
  return (readyMs / (intervalSeconds * 1000 * Math.max(1, vcpus))) * 100;
}

export const vmsCpuReady: SnapshotCheck = {
  id: 'vms-cpu-ready',
  title: { en: 'VMs with CPU ready above {percent} % per vCPU (2-hour samples, last day)', fr: 'VM avec un CPU ready au-delà de {percent} % par vCPU (échantillons de 2 h, dernier jour)' },
  defaults: { percent: 10 },
  columns: ['vm', 'host', 'vcpus', 'readyPercent', 'readyMaxPercent'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    vcpus: { en: 'vCPUs', fr: 'vCPU' },
    readyPercent: { en: 'Ready average (% per vCPU)', fr: 'Ready moyen (% par vCPU)' },
    readyMaxPercent: { en: 'Ready max (% per vCPU)', fr: 'Ready max (% par vCPU)' },
  },
  needs: {
    properties: [{ type: 'VirtualMachine', paths: ['summary.config.numCpu'] }],
    perf: { counters: [COUNTER], entity: 'VirtualMachine', days: () => 1 },
  },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot, t) {
    const limit = thresholdNumber(t, 'percent', 10);
    const stats = snapshot.vmCounters.get(COUNTER);
    const interval = snapshot.perfIntervalSeconds;
    if (!stats || interval === null) return { status: 'unsupported', message: `the server has no ${COUNTER} counter (PerformanceManager.QueryPerf)` };
    const rows = [];
    for (const v of snapshot.vms) {
      const s = stats.get(v.ref);
      if (!s) continue;
      const vcpus = num(v.props.get('summary.config.numCpu')) ?? 1;
      const avg = readyPercent(s.avg, interval, vcpus);
      if (avg <= limit) continue;
      rows.push({
        severity: avg > 2 * limit ? ('critical' as const) : ('warning' as const),
        cells: { vm: v.name, host: v.host, vcpus, readyPercent: round1(avg), readyMaxPercent: round1(readyPercent(s.max, interval, vcpus)) },
      });
    }
    rows.sort((a, b) => b.cells.readyPercent - a.cells.readyPercent);
    const window = snapshot.perfDays !== null && snapshot.perfDays !== 1 ? `samples of ${interval / 3600} h over ${snapshot.perfDays} days (the widest performance window of the report)` : null;
    return { status: 'rows', rows, message: window };
  },
};
