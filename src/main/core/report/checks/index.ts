import type { SnapshotCheck } from '../snapshot';
import { datastoresLowFree } from './datastores-low-free';
import { drsMigrations } from './drs-migrations';
import { hostsDisconnected } from './hosts-disconnected';
import { hostsMaintenance } from './hosts-maintenance';
import { ntp } from './ntp';
import { snapshotsOld } from './snapshots-old';
import { vcenterErrors } from './vcenter-errors';
import { vcenterHealth } from './vcenter-health';
import { vcenterServices } from './vcenter-services';
import { vmCpuUsage } from './vm-cpu-usage';
import { vmkernelWarnings } from './vmkernel-warnings';
import { vmsCreated } from './vms-created';
import { vmsLocalStorage } from './vms-local-storage';
import { vmsNoTools } from './vms-no-tools';
import { vmsRemovableMedia } from './vms-removable-media';
import { vmsRemoved } from './vms-removed';

/** Builds the registry; a duplicate id is a programming error caught at start-up. */
export function checkRegistry(checks: readonly SnapshotCheck[]): readonly SnapshotCheck[] {
  const seen = new Set<string>();
  for (const c of checks) {
    if (seen.has(c.id)) throw new Error(`report check id "${c.id}" is registered twice`);
    seen.add(c.id);
  }
  return Object.freeze([...checks]);
}

/** Every check of the daily report, in report order (the spec's table). */
export const REPORT_CHECKS: readonly SnapshotCheck[] = checkRegistry([
  hostsDisconnected,
  hostsMaintenance,
  snapshotsOld,
  datastoresLowFree,
  vmsNoTools,
  vcenterServices,
  ntp,
  vmkernelWarnings,
  vmsLocalStorage,
  vmsCreated,
  vmsRemoved,
  vcenterErrors,
  vcenterHealth,
  vmsRemovableMedia,
  drsMigrations,
  vmCpuUsage,
]);

export function findCheck(id: string): SnapshotCheck | undefined {
  return REPORT_CHECKS.find((c) => c.id === id);
}
