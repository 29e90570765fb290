import { enumText } from '../mibs/enum-text';
import type { MetricList } from '../../metric-list';
import {
  CF_INTERCONNECT,
  CF_PARTNER,
  CF_SETTINGS,
  CF_STATE,
  FS_STATUS,
  globalStatusText,
  NVRAM_BATTERY,
  type NetappNode,
  type NetappScalars,
} from '../mibs/netapp';

/** `id`: the rule judging the same condition (one check per condition: the engine keeps the rule's). */
type Problem = { severity: 'warning' | 'critical'; message: string; id?: string };

/** miscGlobalStatus → 0 ok, 1 warning (nonCritical), 2 critical (critical, nonRecoverable); other/unknown → none. */
export function globalSeverity(code: number | null): number | null {
  switch (code) {
    case 3:
      return 0;
    case 4:
      return 1;
    case 5:
    case 6:
      return 2;
    default:
      return null;
  }
}

/** NVRAM battery: end of life or discharged is critical (the NVRAM no longer protects writes), wear is a warning. */
export function nvramSeverity(code: number | null): 'warning' | 'critical' | null {
  switch (code) {
    case 3:
    case 6:
      return 'critical';
    case 2:
    case 5:
    case 8:
      return 'warning';
    default:
      return null;
  }
}

function failoverProblems(s: NetappScalars): Problem[] {
  // Failover figures only mean something on an HA pair with failover enabled.
  if (s.cfSettings !== 2) return [];
  const out: Problem[] = [];
  const partner = s.cfPartnerName ?? 'partner';
  if (s.cfState === 1) out.push({ severity: 'critical', message: 'Cluster failover: this node is dead' });
  if (s.cfState === 3) out.push({ severity: 'warning', message: `Cluster failover: cannot take over ${partner}` });
  if (s.cfState === 4) out.push({ severity: 'warning', message: `Cluster failover: has taken over ${partner}` });
  if (s.cfPartnerStatus === 3) out.push({ severity: 'critical', message: `Failover partner ${partner} is dead` });
  if (s.cfPartnerStatus === 1) out.push({ severity: 'warning', message: `Failover partner ${partner} may be down` });
  if (s.cfInterconnectStatus === 2) out.push({ severity: 'critical', message: 'Cluster interconnect is down' });
  if (s.cfInterconnectStatus === 3) out.push({ severity: 'warning', message: 'Cluster interconnect partially failed' });
  return out;
}

/** Health scalars → metrics for the rules and problems the family states itself (with the filer's own words). */
export function healthFromScalars(s: NetappScalars, metrics: MetricList): Problem[] {
  const problems: Problem[] = [];
  const severity = globalSeverity(s.globalStatus);
  metrics.add('netapp.status.severity', severity, '');
  if (severity === 1 || severity === 2) {
    problems.push({
      id: 'netapp-global-status',
      severity: severity === 2 ? 'critical' : 'warning',
      message: `Global status ${globalStatusText(s.globalStatus)}${s.globalStatusMessage ? `: ${s.globalStatusMessage}` : ''}`,
    });
  }
  metrics.add('netapp.cpu.busy', s.cpuBusyPercent, 'percent');
  metrics.add('netapp.disks.failed', s.disksFailed, 'count');
  metrics.add('netapp.disks.spare', s.disksSpare, 'count');
  metrics.add('netapp.fans.failed', s.failedFans, 'count');
  metrics.add('netapp.psus.failed', s.failedPowerSupplies, 'count');
  metrics.flag('netapp.overtemperature', s.overTemperature);
  if (s.disksFailed !== null && s.disksFailed > 0) {
    problems.push({ id: 'netapp-failed-disks', severity: 'critical', message: s.diskFailedMessage ?? `${s.disksFailed} failed disk(s)` });
  }
  if (s.failedFans !== null && s.failedFans > 0) {
    problems.push({ id: 'netapp-failed-fans', severity: 'critical', message: s.failedFanMessage ?? `${s.failedFans} failed fan(s)` });
  }
  if (s.failedPowerSupplies !== null && s.failedPowerSupplies > 0) {
    problems.push({ id: 'netapp-failed-psus', severity: 'critical', message: s.failedPowerSupplyMessage ?? `${s.failedPowerSupplies} failed power supply(ies)` });
  }
  if (s.overTemperature) problems.push({ id: 'netapp-over-temperature', severity: 'critical', message: 'The filer is over temperature' });
  const nvram = nvramSeverity(s.nvramBattery);
  if (nvram) problems.push({ severity: nvram, message: `NVRAM battery ${enumText(NVRAM_BATTERY, s.nvramBattery)}` });
  if (s.fsOverallStatus === 2 || s.fsOverallStatus === 3) {
    problems.push({
      severity: s.fsOverallStatus === 3 ? 'critical' : 'warning',
      message: s.fsStatusMessage ?? `File systems ${enumText(FS_STATUS, s.fsOverallStatus)}`,
    });
  }
  problems.push(...failoverProblems(s));
  return problems;
}

/** Clustered ONTAP nodes: per-node CPU for the CPU rule, node health and environment as problems. */
export function healthFromNodes(nodes: NetappNode[], metrics: MetricList): Problem[] {
  const problems: Problem[] = [];
  for (const n of nodes) {
    metrics.add('netapp.cpu.busy', n.cpuBusyPercent, 'percent', n.name);
    metrics.add('netapp.fans.failed', n.failedFans, 'count', n.name);
    metrics.add('netapp.psus.failed', n.failedPowerSupplies, 'count', n.name);
    metrics.flag('netapp.overtemperature', n.overTemperature, n.name);
    if (n.healthy === false) problems.push({ severity: 'critical', message: `Node ${n.name} cannot communicate with the cluster` });
    if (n.failedFans) problems.push({ severity: 'critical', message: `Node ${n.name}: ${n.failedFans} failed fan(s)` });
    if (n.failedPowerSupplies) problems.push({ severity: 'critical', message: `Node ${n.name}: ${n.failedPowerSupplies} failed power supply(ies)` });
    if (n.overTemperature) problems.push({ severity: 'critical', message: `Node ${n.name} is over temperature` });
    const nvram = nvramSeverity(n.nvramBattery);
    if (nvram) problems.push({ severity: nvram, message: `Node ${n.name}: NVRAM battery ${enumText(NVRAM_BATTERY, n.nvramBattery)}` });
  }
  return problems;
}

export function failoverText(s: NetappScalars): string | null {
  if (s.cfSettings === null) return null;
  if (s.cfSettings !== 2) return enumText(CF_SETTINGS, s.cfSettings);
  const parts = [enumText(CF_STATE, s.cfState)];
  if (s.cfPartnerName) parts.push(`partner ${s.cfPartnerName} ${enumText(CF_PARTNER, s.cfPartnerStatus) ?? ''}`.trim());
  if (s.cfInterconnectStatus !== null) parts.push(`interconnect ${enumText(CF_INTERCONNECT, s.cfInterconnectStatus)}`);
  return parts.filter(Boolean).join(', ');
}
