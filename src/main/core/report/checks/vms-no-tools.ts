import type { SnapshotCheck } from '../snapshot';

const NOT_OK = new Set(['toolsNotInstalled', 'toolsNotRunning']);

/** Powered-on VMs whose Tools are not installed or not running (no guest shutdown, no guest figures). */
export const vmsNoTools: SnapshotCheck = {
  id: 'vms-no-tools',
  title: { en: 'Powered-on VMs without VMware Tools running', fr: 'VM allumées sans VMware Tools actifs' },
  defaults: {},
  columns: ['vm', 'host', 'toolsStatus'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    toolsStatus: { en: 'Tools status', fr: 'État des Tools' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['guest.toolsStatus', 'guest.toolsRunningStatus'] }] },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot) {
    const rows = snapshot.vms
      .filter((vm) => !vm.template && vm.powerState === 'poweredOn')
      .filter(
        (vm) =>
          (vm.toolsStatus !== null && NOT_OK.has(vm.toolsStatus)) ||
          (vm.toolsStatus === null && vm.toolsRunningStatus !== null && vm.toolsRunningStatus !== 'guestToolsRunning'),
      )
      .map((vm) => ({
        severity: 'warning' as const,
        cells: { vm: vm.name, host: vm.host, toolsStatus: vm.toolsStatus ?? vm.toolsRunningStatus },
      }));
    return { status: 'rows', rows };
  },
};
