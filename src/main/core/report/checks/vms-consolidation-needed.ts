import { bool } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/** VMs whose disks need consolidation (runtime.consolidationNeeded): leftover delta disks after a snapshot removal failed. */
export const vmsConsolidationNeeded: SnapshotCheck = {
  id: 'vms-consolidation-needed',
  title: { en: 'VMs whose disks need consolidation', fr: 'VM dont les disques doivent être consolidés' },
  defaults: {},
  columns: ['vm', 'host'],
  columnLabels: { vm: { en: 'VM', fr: 'VM' }, host: { en: 'Host', fr: 'Hôte' } },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['runtime.consolidationNeeded'] }] },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot) {
    const rows = snapshot.vms
      .filter((v) => bool(v.props.get('runtime.consolidationNeeded')) === true)
      .map((v) => ({ severity: 'warning' as const, cells: { vm: v.name, host: v.host } }));
    return { status: 'rows', rows };
  },
};
