import { AUTO_FULL_VMS, type VmHistoryPolicy } from '../../../../shared/kinds/vsphere';

export { AUTO_FULL_VMS };

/** The per-VM figures of the live poll; every other vSphere series (hosts, datastores, clusters, site) keeps full history. */
export const VM_METRICS = ['vm.cpu.mhz', 'vm.cpu.percent', 'vm.memory.host', 'vm.memory.guest.percent'] as const;

export type VmHistory = Exclude<VmHistoryPolicy, 'auto'>;

/*
 * AUTO_FULL_VMS: up to this many VMs, auto keeps full history. Measured (bench/vcenter-scale.bench.ts, 60 s polling): a
 * per-VM series costs about 135-205 KB at steady state with full history and only 2-8 % less without the raw
 * tier, because raw compresses well and the year of hourly buckets dominates. 500 VMs = 2,000 series ≈ 0.3-0.4 GB;
 * the 4 series of 5,000 VMs would be about 3 GB, so beyond the threshold auto keeps per-VM values in the live
 * VM table only, and the store of a 200-host, 5,000-VM site stays well under 1 GB (host and datastore series).
 */

/** What the policy means for a site of `vmCount` VMs (templates excluded). */
export function effectiveVmHistory(policy: VmHistoryPolicy | undefined, vmCount: number): VmHistory {
  if (policy === undefined || policy === 'auto') return vmCount <= AUTO_FULL_VMS ? 'full' : 'table-only';
  return policy;
}
