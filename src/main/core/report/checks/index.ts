import type { SnapshotCheck } from '../snapshot';
import { alarmsTriggered } from './alarms-triggered';
import { configIssues } from './config-issues';
import { vmsConsolidationNeeded } from './vms-consolidation-needed';
import { vmsToolsOld } from './vms-tools-old';
import { vmsPoweredOffLong } from './vms-powered-off-long';
import { vmsBalloonSwap } from './vms-balloon-swap';
import { vmsCpuReady } from './vms-cpu-ready';
import { vmsGuestDiskLow } from './vms-guest-disk-low';
import { vmsHardwareOld } from './vms-hardware-old';
import { vmsInaccessible } from './vms-inaccessible';
import { vmsNicDisconnected } from './vms-nic-disconnected';
import { haRestarts } from './ha-restarts';
import { hostsShellSsh } from './hosts-shell-ssh';
import { hostsRebootRequired } from './hosts-reboot-required';
import { hostsCertificateExpiry } from './hosts-certificate-expiry';
import { hostsHardwareHealth } from './hosts-hardware-health';
import { hostsDeadPaths } from './hosts-dead-paths';
import { hostsOvercommit } from './hosts-overcommit';
import { clustersHaDrs } from './clusters-ha-drs';
import { datastoresOverallocated } from './datastores-overallocated';
import { datastoresNotOnAllHosts } from './datastores-not-on-all-hosts';
import { networkSecurity } from './network-security';
import { licensesExpiring } from './licenses-expiring';
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
  // Second wave (spec table "Checks that reach vCheck's most used coverage").
  alarmsTriggered,
  configIssues,
  vmsConsolidationNeeded,
  vmsToolsOld,
  vmsPoweredOffLong,
  vmsBalloonSwap,
  vmsCpuReady,
  vmsGuestDiskLow,
  vmsHardwareOld,
  vmsInaccessible,
  vmsNicDisconnected,
  haRestarts,
  hostsShellSsh,
  hostsRebootRequired,
  hostsCertificateExpiry,
  hostsHardwareHealth,
  hostsDeadPaths,
  hostsOvercommit,
  clustersHaDrs,
  datastoresOverallocated,
  datastoresNotOnAllHosts,
  networkSecurity,
  licensesExpiring,
]);

export function findCheck(id: string): SnapshotCheck | undefined {
  return REPORT_CHECKS.find((c) => c.id === id);
}
