import type { PropertySelection } from './property-collector';

/**
 * The inventory the daily report reads in one PropertyCollector pass (ContainerView over the root folder):
 * what its checks need from hosts, VMs, datastores, clusters and networks. Checks that need more declare
 * it; this is the set the benchmark times against govmomi.
 */
export const REPORT_PROPERTIES: readonly PropertySelection[] = [
  {
    type: 'HostSystem',
    paths: [
      'name',
      'parent',
      'overallStatus',
      'triggeredAlarmState',
      'configIssue',
      'runtime',
      'summary.hardware',
      'summary.quickStats',
      'summary.config.product',
      'summary.rebootRequired',
      'config.dateTimeInfo',
      'config.service',
      'config.certificate',
      'config.network.portgroup',
      'config.storageDevice.multipathInfo',
      'datastore',
      'vm',
    ],
  },
  {
    type: 'VirtualMachine',
    paths: [
      'name',
      'parent',
      'resourcePool',
      'overallStatus',
      'triggeredAlarmState',
      'runtime',
      'summary.config',
      'summary.quickStats',
      'summary.storage',
      'guest.toolsStatus',
      'guest.toolsRunningStatus',
      'guest.toolsVersionStatus2',
      'guest.disk',
      'config.template',
      'config.version',
      'config.hardware.device',
      'snapshot',
      'datastore',
    ],
  },
  {
    type: 'Datastore',
    paths: ['name', 'overallStatus', 'triggeredAlarmState', 'summary', 'host', 'vm'],
  },
  {
    type: 'ClusterComputeResource',
    paths: ['name', 'parent', 'overallStatus', 'triggeredAlarmState', 'configurationEx', 'summary', 'host', 'configIssue'],
  },
  { type: 'Datacenter', paths: ['name', 'triggeredAlarmState'] },
  { type: 'Network', paths: ['name', 'triggeredAlarmState'] },
  { type: 'DistributedVirtualPortgroup', paths: ['name', 'triggeredAlarmState', 'config.defaultPortConfig'] },
];
