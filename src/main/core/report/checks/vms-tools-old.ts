import { text } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/** guest.toolsVersionStatus2 values that mean "upgrade": older than the host offers, or too old to be supported. */
const OLD = new Set(['guestToolsNeedUpgrade', 'guestToolsTooOld', 'guestToolsSupportedOld']);

/** VMs (templates left out) whose VMware Tools are out of date; too old to be supported is critical. */
export const vmsToolsOld: SnapshotCheck = {
  id: 'vms-tools-old',
  title: { en: 'VMs whose VMware Tools are out of date', fr: 'VM dont les VMware Tools ne sont pas à jour' },
  defaults: {},
  columns: ['vm', 'host', 'toolsVersion', 'toolsVersionStatus'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    toolsVersion: { en: 'Tools version', fr: 'Version des Tools' },
    toolsVersionStatus: { en: 'Tools version status', fr: 'État de version des Tools' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['guest.toolsVersion', 'guest.toolsVersionStatus2'] }] },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot) {
    const rows = [];
    for (const v of snapshot.vms) {
      if (v.template) continue;
      const status = text(v.props.get('guest.toolsVersionStatus2')) ?? '';
      if (!OLD.has(status)) continue;
      rows.push({
        severity: status === 'guestToolsTooOld' ? ('critical' as const) : ('warning' as const),
        cells: { vm: v.name, host: v.host, toolsVersion: text(v.props.get('guest.toolsVersion')) ?? null, toolsVersionStatus: status },
      });
    }
    return { status: 'rows', rows };
  },
};
