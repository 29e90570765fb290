import type { Rule } from '../../../alerting/rule';

/** Space thresholds of the NetApp defaults, shared by the rules and the row colours of the page's tables. */
export const SPACE_WARNING = 90;
export const SPACE_CRITICAL = 98;

export const NETAPP_RULES: Rule[] = [
  { id: 'netapp-global-status', label: 'Global status (nonCritical / critical)', labelCode: 'rule.netapp-global-status', metric: 'netapp.status.severity', op: '>=', warning: 1, critical: 2, flagCode: 'flag.status-degraded' },
  { id: 'netapp-volume-space', label: 'Volume used ≥ 90 % / 98 %', labelCode: 'rule.netapp-volume-space', metric: 'volume.used.percent', op: '>=', warning: SPACE_WARNING, critical: SPACE_CRITICAL },
  { id: 'netapp-volume-inodes', label: 'Volume inodes used ≥ 90 % / 98 %', labelCode: 'rule.netapp-volume-inodes', metric: 'volume.inodes.percent', op: '>=', warning: SPACE_WARNING, critical: SPACE_CRITICAL },
  { id: 'netapp-aggregate-space', label: 'Aggregate used ≥ 90 % / 98 %', labelCode: 'rule.netapp-aggregate-space', metric: 'aggregate.used.percent', op: '>=', warning: SPACE_WARNING, critical: SPACE_CRITICAL },
  { id: 'netapp-aggregate-inodes', label: 'Aggregate inodes used ≥ 90 % / 98 %', labelCode: 'rule.netapp-aggregate-inodes', metric: 'aggregate.inodes.percent', op: '>=', warning: SPACE_WARNING, critical: SPACE_CRITICAL },
  { id: 'netapp-failed-disks', label: 'Failed disks', labelCode: 'rule.failed-disks', metric: 'netapp.disks.failed', op: '>', critical: 0 },
  { id: 'netapp-failed-fans', label: 'Failed fans', labelCode: 'rule.failed-fans', metric: 'netapp.fans.failed', op: '>', critical: 0 },
  { id: 'netapp-failed-psus', label: 'Failed power supplies', labelCode: 'rule.failed-psus', metric: 'netapp.psus.failed', op: '>', critical: 0 },
  { id: 'netapp-over-temperature', label: 'Over temperature', labelCode: 'rule.over-temperature', metric: 'netapp.overtemperature', op: '>=', critical: 1, flagCode: 'flag.over-temperature' },
  { id: 'netapp-cpu', label: 'CPU > 90 % for 10 min', labelCode: 'rule.cpu-10-min', metric: 'netapp.cpu.busy', op: '>', warning: 90, forSeconds: 600 },
];

export function spaceState(percent: number | null): 'ok' | 'warning' | 'critical' | 'unknown' {
  if (percent === null) return 'unknown';
  if (percent >= SPACE_CRITICAL) return 'critical';
  if (percent >= SPACE_WARNING) return 'warning';
  return 'ok';
}
