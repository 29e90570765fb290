import { netappDescriptor } from '../../../../../shared/families/netapp';
import type { Row } from '../../source';
import { oidUnder } from '../detect';
import type { SnmpFamily, SnmpPollContext, SystemInfo } from '../family';
import { enumText } from '../mibs/enum-text';
import { collectInterfaces } from '../mibs/if-mib';
import { MetricList } from '../../metric-list';
import { globalStatusText, NVRAM_BATTERY, readNetappLicenses, readNetappNodes, readNetappScalars, type Counter } from '../mibs/netapp';
import { readAggregateStates, readDfTable, readVolumeStates, type VolumeState } from '../mibs/netapp-df';
import { readLuns } from '../mibs/netapp-luns';
import { failoverText, globalSeverity, healthFromNodes, healthFromScalars } from './netapp-health';
import { NETAPP_RULES } from './netapp-rules';
import { optional } from '../optional';
import { lunRows, spaceFromDf } from './netapp-space';

const NETAPP = '1.3.6.1.4.1.789';
/** sysUpTime is a Gauge-like TimeTicks that some ONTAP 9 agents pin at its maximum. */
const SATURATED_TICKS = 4_294_967_295 / 100;

export function detectNetapp(system: SystemInfo): number {
  if (oidUnder(system.sysObjectID, NETAPP)) return 30;
  if (/^NetApp Release\b/i.test(system.sysDescr)) return 25;
  return 0;
}

const STATE_OF_SEVERITY = ['ok', 'warning', 'critical'] as const;

function rates(ctx: SnmpPollContext, counters: Record<string, Counter | null>, metrics: MetricList): void {
  const rate = (key: string): number | null => {
    const c = counters[key];
    return c ? ctx.rate(`netapp.${key}`, { value: c.value, bits: c.bits }) : null;
  };
  metrics.add('netapp.disk.read', rate('diskRead'), 'bytesPerSecond');
  metrics.add('netapp.disk.write', rate('diskWrite'), 'bytesPerSecond');
  metrics.add('netapp.net.rcvd', rate('netRcvd'), 'bytesPerSecond');
  metrics.add('netapp.net.sent', rate('netSent'), 'bytesPerSecond');
  metrics.add('netapp.ops.nfs', rate('nfsOps'), 'perSecond');
  metrics.add('netapp.ops.cifs', rate('cifsOps'), 'perSecond');
  metrics.add('netapp.ops.http', rate('httpOps'), 'perSecond');
  metrics.add('netapp.ops.iscsi', rate('iscsiOps'), 'perSecond');
}

/**
 * NetApp filers over NETAPP-MIB: 7-mode scalars (global status, CPU, failover, environment, disks),
 * clustered ONTAP per-node tables where the agent has them, dfTable space per aggregate and volume
 * (64-bit sizes), LUNs, protocol and disk rates, and IF-MIB traffic.
 */
export const netapp: SnmpFamily = {
  descriptor: netappDescriptor,
  rules: NETAPP_RULES,
  detect: detectNetapp,
  async poll(ctx) {
    const { session } = ctx;
    const metrics = new MetricList();
    const s = await readNetappScalars(session);
    // Each table is its own part: an agent that refuses one (view, old ONTAP) still gives the rest.
    const nodes = await optional(() => readNetappNodes(session), []);
    const df = await optional(() => readDfTable(session), []);
    const volStates = await optional(() => readVolumeStates(session), new Map<string, VolumeState>());
    const aggrStates = await optional(() => readAggregateStates(session), new Map<string, VolumeState>());
    const luns = await optional(() => readLuns(session), []);
    const licenses = await optional(() => readNetappLicenses(session), []);
    const interfaces = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });

    const problems = [...healthFromScalars(s, metrics), ...healthFromNodes(nodes, metrics)];
    metrics.add('netapp.cpu.count', s.cpuCount, 'count');
    rates(ctx, s.counters, metrics);
    const space = spaceFromDf(df, volStates, aggrStates, metrics);
    problems.push(...space.problems);
    const lun = lunRows(luns, metrics);
    problems.push(...lun.problems);
    metrics.add('netapp.fullest.percent', space.fullestPercent, 'percent');
    metrics.values.push(...interfaces.metrics);

    const sys = ctx.system.sysUpTime;
    const uptimeSeconds = s.uptimeSeconds ?? (sys !== null && sys < SATURATED_TICKS ? sys : null);
    const severity = globalSeverity(s.globalStatus);
    const nodeRows: Row[] = nodes.map((n) => ({
      name: n.name,
      model: n.model,
      version: n.version,
      cpuBusy: n.cpuBusyPercent,
      cpuCount: n.cpuCount,
      uptime: n.uptimeSeconds,
      healthy: n.healthy,
    }));
    return {
      identity: {
        model: s.model,
        version: s.version,
        firmware: s.firmware,
        serial: s.serial,
        globalStatus: globalStatusText(s.globalStatus),
        globalState: severity === null ? 'unknown' : STATE_OF_SEVERITY[severity] ?? 'unknown',
        globalStatusMessage: s.globalStatusMessage,
        cpuCount: s.cpuCount,
        failover: failoverText(s),
        nvramBattery: enumText(NVRAM_BATTERY, s.nvramBattery),
        disksTotal: s.disksTotal,
        disksSpare: s.disksSpare,
        disksFailed: s.disksFailed,
        failedFans: s.failedFans,
        failedPowerSupplies: s.failedPowerSupplies,
        overTemperature: s.overTemperature,
        licenses: licenses.length ? licenses.join(', ') : null,
        nodes: nodes.length || null,
        uptime: uptimeSeconds,
      },
      metrics: metrics.values,
      tables: {
        aggregates: space.aggregates,
        volumes: space.volumes,
        luns: lun.rows,
        nodes: nodeRows,
        interfaces: interfaces.rows,
      },
      problems,
      uptimeSeconds,
    };
  },
};
