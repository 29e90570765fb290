import type { SnapshotCheck } from '../snapshot';

/**
 * Datastores mounted on some but not all hosts of a cluster: a VM on it cannot run on the others (HA, DRS,
 * vMotion). A datastore seen by a single host is a local disk, not a shared one missing: left out.
 */
export const datastoresNotOnAllHosts: SnapshotCheck = {
  id: 'datastores-not-on-all-hosts',
  title: { en: 'Datastores not mounted on every host of a cluster', fr: 'Datastores non montés sur tous les hôtes d’un cluster' },
  defaults: {},
  columns: ['cluster', 'datastore', 'mounted', 'missingHosts'],
  columnLabels: {
    cluster: { en: 'Cluster', fr: 'Cluster' },
    datastore: { en: 'Datastore', fr: 'Datastore' },
    mounted: { en: 'Mounted on', fr: 'Monté sur' },
    missingHosts: { en: 'Missing on', fr: 'Absent de' },
  },
  needs: {
    properties: [
      { type: 'ClusterComputeResource', paths: ['host'] },
      { type: 'HostSystem', paths: ['datastore'] },
    ],
  },
  identity: ['cluster', 'datastore'],
  subjects: { datastore: 'datastore' },
  run(snapshot) {
    const hostName = new Map(snapshot.hosts.map((h) => [h.ref, h.name]));
    // Mounts from both sides: some servers (govmomi's simulator) list only some hosts on the datastore.
    const mountedOn = new Map(snapshot.datastores.map((d) => [d.ref, new Set(d.hostRefs)]));
    for (const h of snapshot.hosts) for (const d of h.datastoreRefs) mountedOn.get(d)?.add(h.ref);
    const rows = [];
    for (const c of snapshot.clusters) {
      const members = c.hostRefs.filter((r) => hostName.has(r));
      if (members.length < 2) continue;
      const inCluster = new Set(members);
      for (const ds of snapshot.datastores) {
        const on = new Set([...(mountedOn.get(ds.ref) ?? [])].filter((r) => inCluster.has(r)));
        if (on.size < 2 || on.size === members.length) continue;
        const missing = members.filter((r) => !on.has(r)).map((r) => hostName.get(r) ?? r).sort();
        rows.push({ severity: 'warning' as const, cells: { cluster: c.name, datastore: ds.name, mounted: `${on.size}/${members.length}`, missingHosts: missing.join(', ') } });
      }
    }
    return { status: 'rows', rows };
  },
};
