import type { SnapshotCheck } from '../snapshot';

/** Hosts whose connection state is not `connected`; one that stopped answering is worse than one set aside. */
export const hostsDisconnected: SnapshotCheck = {
  id: 'hosts-disconnected',
  title: { en: 'Disconnected hosts', fr: 'Hôtes déconnectés' },
  defaults: {},
  columns: ['host', 'cluster', 'state'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
    state: { en: 'State', fr: 'État' },
  },
  needs: { properties: [{ type: 'HostSystem', paths: ['runtime.connectionState'] }] },
  identity: ['host'],
  subjects: { host: 'host' },
  run(snapshot) {
    const rows = snapshot.hosts
      .filter((h) => h.connectionState !== 'connected')
      .map((h) => ({
        severity: h.connectionState === 'notResponding' ? ('critical' as const) : ('warning' as const),
        cells: { host: h.name, cluster: h.cluster, state: h.connectionState },
      }));
    return { status: 'rows', rows };
  },
};
