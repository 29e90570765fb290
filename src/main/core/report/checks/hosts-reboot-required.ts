import { bool } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/** Hosts that need a reboot to apply a change (summary.rebootRequired). */
export const hostsRebootRequired: SnapshotCheck = {
  id: 'hosts-reboot-required',
  title: { en: 'Hosts that need a reboot', fr: 'Hôtes à redémarrer' },
  defaults: {},
  columns: ['host', 'cluster'],
  columnLabels: { host: { en: 'Host', fr: 'Hôte' }, cluster: { en: 'Cluster', fr: 'Cluster' } },
  needs: { properties: [{ type: 'HostSystem', paths: ['summary.rebootRequired'] }] },
  identity: ['host'],
  subjects: { host: 'host' },
  run(snapshot) {
    const rows = snapshot.hosts
      .filter((h) => bool(h.props.get('summary.rebootRequired')) === true)
      .map((h) => ({ severity: 'warning' as const, cells: { host: h.name, cluster: h.cluster } }));
    return { status: 'rows', rows };
  },
};
