import { arrayItems, date, text, xsiType } from '../../vsphere/xml-parse';
import type { RawProps, SnapshotCheck } from '../snapshot';

/** Host and cluster configuration issues (their `configIssue` property: events vCenter keeps while they last). */
export const configIssues: SnapshotCheck = {
  id: 'config-issues',
  title: { en: 'Host and cluster configuration issues', fr: 'Problèmes de configuration des hôtes et clusters' },
  defaults: {},
  columns: ['cluster', 'host', 'issue', 'time'],
  columnLabels: {
    cluster: { en: 'Cluster', fr: 'Cluster' },
    host: { en: 'Host', fr: 'Hôte' },
    issue: { en: 'Issue', fr: 'Problème' },
    time: { en: 'Since', fr: 'Depuis' },
  },
  needs: {
    properties: [
      { type: 'HostSystem', paths: ['configIssue'] },
      { type: 'ClusterComputeResource', paths: ['configIssue'] },
    ],
  },
  identity: ['cluster', 'host', 'issue'],
  subjects: { host: 'host' },
  run(snapshot) {
    const objects: { cluster: string | null; host: string | null; props: RawProps }[] = [
      ...snapshot.clusters.map((c) => ({ cluster: c.name, host: null, props: c.props })),
      ...snapshot.hosts.map((h) => ({ cluster: h.cluster, host: h.name, props: h.props })),
    ];
    const rows = [];
    for (const o of objects) {
      // An ArrayOfEvent: each item is an <Event xsi:type="...">.
      for (const e of arrayItems(o.props.get('configIssue'))) {
        rows.push({
          severity: 'warning' as const,
          cells: {
            cluster: o.cluster,
            host: o.host,
            issue: text(e, 'fullFormattedMessage') || xsiType(e) || 'configuration issue',
            time: date(e, 'createdTime')?.toISOString() ?? null,
          },
        });
      }
    }
    return { status: 'rows', rows };
  },
};
