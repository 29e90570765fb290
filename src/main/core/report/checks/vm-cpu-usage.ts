import type { SnapshotCheck } from '../snapshot';
import { round1, thresholdNumber } from '../thresholds';

/**
 * Per host, VMs whose average CPU usage (cpu.usage.average over the window) exceeds X %. Critical when the
 * average is past the midpoint between X and 100: the VM is then short of CPU most of the time.
 */
export const vmCpuUsage: SnapshotCheck = {
  id: 'vm-cpu-usage',
  title: { en: 'VMs above {percent} % CPU on average over {days} days', fr: 'VM au-delà de {percent} % de CPU en moyenne sur {days} jours' },
  defaults: { days: 1, percent: 75 },
  columns: ['host', 'vm', 'cpuAvgPercent', 'cpuMaxPercent'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    vm: { en: 'VM', fr: 'VM' },
    cpuAvgPercent: { en: 'CPU average (%)', fr: 'CPU moyen (%)' },
    cpuMaxPercent: { en: 'CPU max (%)', fr: 'CPU max (%)' },
  },
  needs: { perf: { counters: ['cpu.usage.average'], entity: 'VirtualMachine', days: (t) => thresholdNumber(t, 'days', 1) } },
  identity: ['host', 'vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot, t) {
    // Performance was read (for this and vms-cpu-ready) but the server has no such counter.
    if (snapshot.perfIntervalSeconds !== null && !snapshot.vmCounters.has('cpu.usage.average')) {
      return { status: 'unsupported', message: 'the server has no cpu.usage.average counter (PerformanceManager.QueryPerf)' };
    }
    const limit = thresholdNumber(t, 'percent', 75);
    const rows = [];
    for (const vm of snapshot.vms) {
      const s = snapshot.vmCpu.get(vm.ref);
      if (!s || s.avgPercent <= limit) continue;
      rows.push({
        severity: s.avgPercent > (limit + 100) / 2 ? ('critical' as const) : ('warning' as const),
        cells: { host: vm.host, vm: vm.name, cpuAvgPercent: round1(s.avgPercent), cpuMaxPercent: round1(s.maxPercent) },
      });
    }
    rows.sort((a, b) => String(a.cells.host).localeCompare(String(b.cells.host)) || b.cells.cpuAvgPercent - a.cells.cpuAvgPercent);
    return { status: 'rows', rows };
  },
};
