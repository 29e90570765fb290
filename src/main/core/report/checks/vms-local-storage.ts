import type { SnapshotCheck } from '../snapshot';

/**
 * VMs with files on a datastore that only one host can reach: they cannot move (vMotion, HA) off that host.
 * The message gives the number of datastores and how many of them are local.
 */
export const vmsLocalStorage: SnapshotCheck = {
  id: 'vms-local-storage',
  title: { en: 'VMs on local storage', fr: 'VM sur stockage local' },
  defaults: {},
  columns: ['vm', 'host', 'datastores'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    datastores: { en: 'Local datastores', fr: 'Datastores locaux' },
  },
  needs: {
    properties: [
      { type: 'VirtualMachine', paths: ['datastore'] },
      { type: 'Datastore', paths: ['host'] },
      { type: 'HostSystem', paths: ['datastore'] },
    ],
  },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot) {
    // A datastore's mounts, as it lists them and as the hosts list it (VMware's simulator fills only one side).
    const mounts = new Map(snapshot.datastores.map((d) => [d.ref, new Set(d.hostRefs)]));
    for (const h of snapshot.hosts) for (const ds of h.datastoreRefs) mounts.get(ds)?.add(h.ref);
    const local = new Map(snapshot.datastores.filter((d) => (mounts.get(d.ref)?.size ?? 0) === 1).map((d) => [d.ref, d.name]));
    const rows = [];
    for (const vm of snapshot.vms) {
      if (vm.template) continue;
      const names = vm.datastoreRefs.map((r) => local.get(r)).filter((n): n is string => n !== undefined);
      if (names.length === 0) continue;
      rows.push({ severity: 'warning' as const, cells: { vm: vm.name, host: vm.host, datastores: names.sort().join(', ') } });
    }
    const message = `${snapshot.datastores.length} datastores, ${local.size} reachable from one host only`;
    return { status: 'rows', rows, message };
  },
};
