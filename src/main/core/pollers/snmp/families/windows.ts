import type { MetricValue } from '../../../../../shared/contract/devices';
import { windows } from '../../../../../shared/families/windows';
import { oidUnder } from '../detect';
import type { SnmpFamily } from '../family';
import { filesystems, HR, readStorage, windowsMount, type StorageEntry } from '../mibs/host-resources';
import { collectInterfaces } from '../mibs/if-mib';
import { optional } from '../optional';
import { toNumber } from '../session/decode';
import { coresPart, HOST_RULES, memoryMetrics, processesPart, scalarMetric } from './host-parts';

/** Microsoft's agent: 1.3.6.1.4.1.311.1.1.3.1.{1 workstation, 2 server, 3 domain controller}. */
const MICROSOFT_NT = '1.3.6.1.4.1.311.1.1.3';
const NET_SNMP_WIN32 = '1.3.6.1.4.1.8072.3.2.13';

/** Windows' storage rows: "Physical Memory" (Ram) and "Virtual Memory" (commit: RAM + page files). */
function memory(storage: readonly StorageEntry[]): MetricValue[] {
  const out: MetricValue[] = [];
  const ram = storage.find((s) => s.type === 'ram' && s.size > 0);
  if (ram) out.push(...memoryMetrics({ total: ram.size, available: ram.size - ram.used }));
  const virtual = storage.find((s) => s.type === 'virtualMemory' && s.size > 0);
  if (virtual) {
    out.push(
      { name: 'virtual.total', instance: '', value: virtual.size, unit: 'bytes' },
      { name: 'virtual.used', instance: '', value: virtual.used, unit: 'bytes' },
    );
    if (virtual.usedPercent !== null) out.push({ name: 'virtual.used.percent', instance: '', value: virtual.usedPercent, unit: 'percent' });
  }
  return out;
}

export const windowsFamily: SnmpFamily = {
  descriptor: windows,
  rules: HOST_RULES,
  detect(system) {
    if (oidUnder(system.sysObjectID, MICROSOFT_NT) || oidUnder(system.sysObjectID, NET_SNMP_WIN32)) return 20;
    return /Software: Windows|^Microsoft Windows|Windows (Version|Server)/i.test(system.sysDescr) ? 15 : 0;
  },
  async poll(ctx) {
    const { session } = ctx;
    const scalars = await session.get([HR.systemUptime, HR.systemNumUsers, HR.systemProcesses, HR.memorySize]);
    const storage = await optional(() => readStorage(session), []);
    const cores = await coresPart(ctx);
    const fs = filesystems(storage, { types: ['fixedDisk', 'networkDisk'], mountOf: windowsMount });
    const ifs = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });
    const procs = await processesPart(ctx);

    const processes = toNumber(scalars.get(HR.systemProcesses));
    const users = toNumber(scalars.get(HR.systemNumUsers));
    const hostTicks = toNumber(scalars.get(HR.systemUptime));
    const memorySizeKb = toNumber(scalars.get(HR.memorySize));
    const metrics: MetricValue[] = [
      ...cores.metrics,
      ...scalarMetric('cpu.total', cores.mean, 'percent'),
      ...memory(storage),
      ...fs.metrics,
      ...ifs.metrics,
      ...procs.metrics,
      ...scalarMetric('processes', processes, 'count'),
      ...scalarMetric('users', users, 'count'),
    ];
    return {
      identity: { cores: cores.count || null, memorySize: memorySizeKb !== null ? memorySizeKb * 1024 : null, processes, users },
      metrics,
      tables: {
        filesystems: fs.rows,
        interfaces: ifs.rows,
        cores: cores.rows,
        processes: procs.rows,
        watched: procs.watchedRows,
      },
      problems: [],
      uptimeSeconds: hostTicks !== null ? hostTicks / 100 : null,
    };
  },
};
