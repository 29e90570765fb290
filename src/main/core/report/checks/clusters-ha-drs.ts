import { bool, child } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/**
 * Clusters with HA, DRS or HA admission control off (configurationEx). HA off is critical: a host failure
 * then stops its VMs for good; DRS or admission control off is a warning.
 */
export const clustersHaDrs: SnapshotCheck = {
  id: 'clusters-ha-drs',
  title: { en: 'Clusters with HA, DRS or admission control off', fr: 'Clusters sans HA, DRS ou contrôle d’admission' },
  defaults: {},
  columns: ['cluster', 'ha', 'drs', 'admissionControl'],
  columnLabels: {
    cluster: { en: 'Cluster', fr: 'Cluster' },
    ha: { en: 'HA', fr: 'HA' },
    drs: { en: 'DRS', fr: 'DRS' },
    admissionControl: { en: 'Admission control', fr: 'Contrôle d’admission' },
  },
  needs: { properties: [{ type: 'ClusterComputeResource', paths: ['configurationEx'] }] },
  identity: ['cluster'],
  subjects: {},
  run(snapshot) {
    const rows = [];
    for (const c of snapshot.clusters) {
      const cfg = c.props.get('configurationEx');
      if (cfg === undefined) continue;
      const ha = bool(child(cfg, 'dasConfig'), 'enabled') ?? false;
      const drs = bool(child(cfg, 'drsConfig'), 'enabled') ?? false;
      // Admission control only means something with HA on; with HA off it is reported as off too.
      const admission = ha && (bool(child(cfg, 'dasConfig'), 'admissionControlEnabled') ?? false);
      if (ha && drs && admission) continue;
      rows.push({ severity: ha ? ('warning' as const) : ('critical' as const), cells: { cluster: c.name, ha, drs, admissionControl: admission } });
    }
    return { status: 'rows', rows };
  },
};
