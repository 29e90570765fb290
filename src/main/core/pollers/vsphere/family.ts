import { vsphereFamily as descriptor } from '../../../../shared/families/vsphere';
import type { Rule } from '../../alerting/rule';
import type { FamilyModule } from '../source';

/**
 * Default rules of device-families.md for vCenter/ESXi. Threshold rules live here; the conditions that are
 * states rather than figures (a host disconnected or not responding, an inaccessible datastore, a yellow or
 * red overall status of a host, cluster or datastore) are reported by the poll as problems with a readable
 * message (live-result.ts), once each: a rule on the same metric would raise the same check twice. Their
 * metrics (host.connected, datastore.accessible, *.status 0 green / 1 yellow / 2 red) are still stored for
 * charts. "Host in maintenance" is information, not an alert: the rule has no threshold, so its check stays
 * OK and carries the value (1 = in maintenance), and the hosts table shows the flag.
 */
export const VSPHERE_RULES: Rule[] = [
  { id: 'vsphere-host-maintenance', label: 'Host in maintenance mode (information)', labelCode: 'rule.host-maintenance', metric: 'host.maintenance', op: '>=' },
  { id: 'vsphere-host-cpu', label: 'Host CPU above 90 % for 10 min', labelCode: 'rule.host-cpu-10-min', metric: 'host.cpu.percent', op: '>', warning: 90, forSeconds: 600 },
  { id: 'vsphere-host-memory', label: 'Host memory above 90 % for 10 min', labelCode: 'rule.host-memory-10-min', metric: 'host.memory.percent', op: '>', warning: 90, forSeconds: 600 },
  { id: 'vsphere-datastore-free', label: 'Datastore free space', labelCode: 'rule.datastore-free', metric: 'datastore.free.percent', op: '<', warning: 10, critical: 5 },
];

export const vsphereFamilyModule: FamilyModule = { descriptor, rules: VSPHERE_RULES };
