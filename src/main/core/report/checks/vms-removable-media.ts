import type { SnapshotCheck } from '../snapshot';

/** VMs with a connected CD/DVD or floppy: it blocks vMotion and DRS, and often holds a forgotten ISO. */
export const vmsRemovableMedia: SnapshotCheck = {
  id: 'vms-removable-media',
  title: { en: 'VMs with removable media connected', fr: 'VM avec un média amovible connecté' },
  defaults: {},
  columns: ['vm', 'device', 'backing'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    device: { en: 'Device', fr: 'Périphérique' },
    backing: { en: 'Backing', fr: 'Support' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['config.hardware.device'] }] },
  identity: ['vm', 'device'],
  subjects: { vm: 'vm' },
  run(snapshot) {
    const rows = [];
    for (const vm of snapshot.vms) {
      if (vm.template) continue;
      for (const d of vm.removable) {
        if (!d.connected) continue;
        rows.push({ severity: 'warning' as const, cells: { vm: vm.name, device: d.label, backing: d.backing } });
      }
    }
    return { status: 'rows', rows };
  },
};
