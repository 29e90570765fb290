import type { SnapshotCheck } from '../snapshot';

export const hostsMaintenance: SnapshotCheck = {
  id: 'hosts-maintenance',
  title: { en: 'Hosts in maintenance mode', fr: 'Hôtes en mode maintenance' },
  defaults: {},
  columns: ['host', 'cluster'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
  },
  needs: { properties: [{ type: 'HostSystem', paths: ['runtime.inMaintenanceMode'] }] },
  identity: ['host'],
  subjects: { host: 'host' },
  run(snapshot) {
    const rows = snapshot.hosts
      .filter((h) => h.inMaintenance)
      .map((h) => ({ severity: 'warning' as const, cells: { host: h.name, cluster: h.cluster } }));
    return { status: 'rows', rows };
  },
};
