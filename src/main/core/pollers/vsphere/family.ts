import { vsphereFamily as descriptor } from '../../../../shared/families/vsphere';
import type { FamilyModule, Rule } from '../source';

/**
 * Default rules of device-families.md for vCenter/ESXi. Overall status is a metric per entity (0 green,
 * 1 yellow, 2 red; gray sends no sample). "Host in maintenance" is information, not an alert: the rule has
 * no threshold, so its check stays OK and carries the value (1 = in maintenance) for the message, and the
 * hosts table shows the flag. Disconnected hosts, red/yellow statuses and inaccessible datastores are also
 * reported as poll problems, so that they show even before a rule's first evaluation.
 */
export const VSPHERE_RULES: Rule[] = [
  { id: 'vsphere-host-disconnected', label: 'Host disconnected or not responding', metric: 'host.connected', op: '<', critical: 1 },
  { id: 'vsphere-host-maintenance', label: 'Host in maintenance mode (information)', metric: 'host.maintenance', op: '>=' },
  { id: 'vsphere-host-cpu', label: 'Host CPU above 90 % for 10 min', metric: 'host.cpu.percent', op: '>', warning: 90, forSeconds: 600 },
  { id: 'vsphere-host-memory', label: 'Host memory above 90 % for 10 min', metric: 'host.memory.percent', op: '>', warning: 90, forSeconds: 600 },
  { id: 'vsphere-datastore-free', label: 'Datastore free space', metric: 'datastore.free.percent', op: '<', warning: 10, critical: 5 },
  { id: 'vsphere-datastore-accessible', label: 'Datastore not accessible', metric: 'datastore.accessible', op: '<', critical: 1 },
  { id: 'vsphere-host-status', label: 'Host overall status', metric: 'host.status', op: '>=', warning: 1, critical: 2 },
  { id: 'vsphere-cluster-status', label: 'Cluster overall status', metric: 'cluster.status', op: '>=', warning: 1, critical: 2 },
  { id: 'vsphere-datastore-status', label: 'Datastore overall status', metric: 'datastore.status', op: '>=', warning: 1, critical: 2 },
];

export const vsphereFamilyModule: FamilyModule = { descriptor, rules: VSPHERE_RULES };
