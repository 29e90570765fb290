import { children, text } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/** Storage paths in dead state (config.storageDevice.multipathInfo): a LUN with one path left has no redundancy. */
export const hostsDeadPaths: SnapshotCheck = {
  id: 'hosts-dead-paths',
  title: { en: 'Storage paths in dead state', fr: 'Chemins de stockage morts' },
  defaults: {},
  columns: ['host', 'cluster', 'lun', 'path', 'livePaths'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
    lun: { en: 'LUN', fr: 'LUN' },
    path: { en: 'Path', fr: 'Chemin' },
    livePaths: { en: 'Paths still alive', fr: 'Chemins encore actifs' },
  },
  needs: { properties: [{ type: 'HostSystem', paths: ['config.storageDevice.multipathInfo'] }] },
  identity: ['host', 'lun', 'path'],
  subjects: { host: 'host' },
  run(snapshot) {
    const rows = [];
    for (const h of snapshot.hosts) {
      for (const lun of children(h.props.get('config.storageDevice.multipathInfo'), 'lun')) {
        const paths = children(lun, 'path');
        const dead = paths.filter((p) => text(p, 'pathState') === 'dead' || text(p, 'state') === 'dead');
        const alive = paths.length - dead.length;
        for (const p of dead) {
          rows.push({
            // No live path left: the LUN is gone for this host.
            severity: alive === 0 ? ('critical' as const) : ('warning' as const),
            cells: { host: h.name, cluster: h.cluster, lun: text(lun, 'id') ?? text(lun, 'key') ?? '', path: text(p, 'name') ?? text(p, 'key') ?? '', livePaths: alive },
          });
        }
      }
    }
    return { status: 'rows', rows };
  },
};
