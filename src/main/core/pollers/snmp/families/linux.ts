import type { MetricValue } from '../../../../../shared/contract/devices';
import { linux } from '../../../../../shared/families/linux';
import { oidUnder } from '../detect';
import type { SnmpFamily } from '../family';
import { filesystems, HR, readStorage, type StorageEntry } from '../mibs/host-resources';
import { collectInterfaces } from '../mibs/if-mib';
import { readDiskIo, UCD_SCALARS, ucdCpu, ucdLoad, ucdMemory } from '../mibs/ucd';
import { optional } from '../optional';
import { toNumber } from '../session/decode';
import { coresPart, HOST_RULES, memoryMetrics, processesPart, scalarMetric, storageNamed, swapMetrics } from './host-parts';

/** net-snmp's sysObjectID per platform: 1.3.6.1.4.1.8072.3.2.N (10 = Linux, 13 = win32, others UNIXes). */
const NET_SNMP_PLATFORMS = '1.3.6.1.4.1.8072.3.2';
const NET_SNMP_WIN32 = '1.3.6.1.4.1.8072.3.2.13';
const UCD_PLATFORMS = '1.3.6.1.4.1.2021.250';
const UNIX_DESCR = /^(Linux|FreeBSD|OpenBSD|NetBSD|SunOS|AIX|HP-UX|Darwin|DragonFly)\b/;

/**
 * Without UCD-SNMP-MIB (some builds and recordings), net-snmp's hrStorage still describes memory: "Physical
 * memory" counts buffers and cache as used, "Memory buffers" and "Cached memory" say how much, newer agents
 * add "Available memory", and "Swap space" is the swap.
 */
function memoryFromStorage(storage: readonly StorageEntry[]): MetricValue[] {
  const ram = storage.find((s) => s.type === 'ram');
  if (!ram || ram.size <= 0) return [];
  const buffers = storageNamed(storage, /^memory buffers$/i)?.used ?? null;
  const cached = storageNamed(storage, /^cached memory$/i)?.used ?? null;
  const availableRow = storageNamed(storage, /^available memory$/i);
  const free = ram.size - ram.used;
  const available = availableRow ? availableRow.size - availableRow.used : free + (buffers ?? 0) + (cached ?? 0);
  const swap = storageNamed(storage, /^swap space$/i);
  return [
    ...memoryMetrics({ total: ram.size, available: Math.min(ram.size, available), free, buffers, cached }),
    ...(swap ? swapMetrics(swap.size, swap.size - swap.used) : []),
  ];
}

export const linuxFamily: SnmpFamily = {
  descriptor: linux,
  rules: HOST_RULES,
  detect(system) {
    if (oidUnder(system.sysObjectID, NET_SNMP_WIN32)) return 0;
    if (oidUnder(system.sysObjectID, NET_SNMP_PLATFORMS) || oidUnder(system.sysObjectID, UCD_PLATFORMS)) return 20;
    return UNIX_DESCR.test(system.sysDescr) ? 15 : 0;
  },
  async poll(ctx) {
    const { session } = ctx;
    const scalars = await session.get([...UCD_SCALARS, HR.systemUptime, HR.systemNumUsers, HR.systemProcesses, HR.memorySize]);
    const storage = await optional(() => readStorage(session), []);
    const cores = await coresPart(ctx);
    const fs = filesystems(storage);
    const disks = await optional(() => readDiskIo(ctx), { rows: [], metrics: [] });
    const ifs = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });
    const procs = await processesPart(ctx);

    const metrics: MetricValue[] = [...cores.metrics, ...fs.metrics, ...disks.metrics, ...ifs.metrics, ...procs.metrics];
    const cpu = ucdCpu(ctx, scalars);
    metrics.push(...cpu);
    // No UCD CPU counters (or first poll): the mean per-core load is the best total there is.
    if (!cpu.some((m) => m.name === 'cpu.total') && cores.mean !== null) metrics.push(...scalarMetric('cpu.total', cores.mean, 'percent'));

    const load = ucdLoad(scalars);
    if (load) {
      metrics.push(...scalarMetric('load.1', load.load1, 'ratio'), ...scalarMetric('load.5', load.load5, 'ratio'), ...scalarMetric('load.15', load.load15, 'ratio'));
      if (cores.count > 0) metrics.push(...scalarMetric('load.15.per.core', load.load15 / cores.count, 'ratio'));
    }

    const mem = ucdMemory(scalars);
    if (mem) {
      metrics.push(...memoryMetrics(mem), ...swapMetrics(mem.swapTotal, mem.swapFree));
    } else {
      metrics.push(...memoryFromStorage(storage));
    }

    const processes = toNumber(scalars.get(HR.systemProcesses));
    const users = toNumber(scalars.get(HR.systemNumUsers));
    metrics.push(...scalarMetric('processes', processes, 'count'), ...scalarMetric('users', users, 'count'));
    const hostTicks = toNumber(scalars.get(HR.systemUptime));
    const uptimeSeconds = hostTicks !== null ? hostTicks / 100 : null;
    const memorySizeKb = toNumber(scalars.get(HR.memorySize));

    return {
      identity: {
        cores: cores.count || null,
        memorySize: memorySizeKb !== null ? memorySizeKb * 1024 : null,
        processes,
        users,
      },
      metrics,
      tables: {
        filesystems: fs.rows,
        interfaces: ifs.rows,
        disks: disks.rows,
        cores: cores.rows,
        processes: procs.rows,
        watched: procs.watchedRows,
      },
      problems: [],
      uptimeSeconds,
    };
  },
};
