import { HOST_SENSOR_PATH } from '../../vsphere/health-sensors';
import type { PropertySelection } from '../../vsphere/property-collector';

/**
 * What live monitoring follows with WaitForUpdatesEx: small leaf paths, so that a change (a VM's quick stats
 * every 20 s on vCenter) sends a few values, not a whole summary.
 */
export const LIVE_PROPERTIES: readonly PropertySelection[] = [
  {
    type: 'HostSystem',
    paths: [
      'name',
      'parent',
      'overallStatus',
      'triggeredAlarmState',
      'runtime.connectionState',
      'runtime.powerState',
      'runtime.inMaintenanceMode',
      'summary.quickStats.overallCpuUsage',
      'summary.quickStats.overallMemoryUsage',
      'summary.quickStats.uptime',
      'summary.hardware.cpuMhz',
      'summary.hardware.numCpuCores',
      'summary.hardware.memorySize',
      // Hardware sensors (fans, temperatures, power): the host's own health system, updated by the host.
      HOST_SENSOR_PATH,
    ],
  },
  {
    type: 'VirtualMachine',
    paths: [
      'name',
      'overallStatus',
      'triggeredAlarmState',
      'config.template',
      'runtime.powerState',
      'runtime.host',
      'summary.config.numCpu',
      'summary.config.memorySizeMB',
      'summary.runtime.maxCpuUsage',
      'summary.quickStats.overallCpuUsage',
      'summary.quickStats.staticCpuEntitlement',
      'summary.quickStats.guestMemoryUsage',
      'summary.quickStats.hostMemoryUsage',
      'guest.toolsStatus',
      'guest.toolsRunningStatus',
      // For old snapshots. No summary field dates them; the whole 'snapshot' is unset on a VM without any
      // (most of them) and changes only when one is taken or removed, so it costs nearly nothing to follow.
      'snapshot',
    ],
  },
  {
    type: 'Datastore',
    paths: ['name', 'overallStatus', 'triggeredAlarmState', 'summary.type', 'summary.capacity', 'summary.freeSpace', 'summary.accessible'],
  },
  { type: 'ClusterComputeResource', paths: ['name', 'overallStatus', 'triggeredAlarmState'] },
  { type: 'Datacenter', paths: ['name', 'triggeredAlarmState'] },
  { type: 'Network', paths: ['name'] },
];
