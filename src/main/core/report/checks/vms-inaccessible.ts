import { text } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

const BAD = new Set(['invalid', 'orphaned', 'inaccessible']);

/** Invalid, orphaned or inaccessible VMs (runtime.connectionState): they cannot be managed until fixed. */
export const vmsInaccessible: SnapshotCheck = {
  id: 'vms-inaccessible',
  title: { en: 'Invalid, orphaned or inaccessible VMs', fr: 'VM invalides, orphelines ou inaccessibles' },
  defaults: {},
  columns: ['vm', 'host', 'connectionState'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    connectionState: { en: 'State', fr: 'État' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['runtime.connectionState'] }] },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot) {
    const rows = [];
    for (const v of snapshot.vms) {
      const state = text(v.props.get('runtime.connectionState')) ?? '';
      if (BAD.has(state)) rows.push({ severity: 'critical' as const, cells: { vm: v.name, host: v.host, connectionState: state } });
    }
    return { status: 'rows', rows };
  },
};
