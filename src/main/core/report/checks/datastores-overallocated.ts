import { num } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';
import { round1, thresholdNumber } from '../thresholds';

const MB = 1024 * 1024;

/**
 * Datastores provisioned over X % of their capacity, provisioned = capacity − free + uncommitted (what thin
 * disks could still grow into). Critical over X + 100 points: a full datastore stops every VM writing to it.
 */
export const datastoresOverallocated: SnapshotCheck = {
  id: 'datastores-overallocated',
  title: { en: 'Datastores provisioned over {percent} % of capacity', fr: 'Datastores provisionnés au-delà de {percent} % de leur capacité' },
  defaults: { percent: 150 },
  columns: ['datastore', 'capacityMB', 'freeMB', 'uncommittedMB', 'provisionedMB', 'percent'],
  columnLabels: {
    datastore: { en: 'Datastore', fr: 'Datastore' },
    capacityMB: { en: 'Capacity (MB)', fr: 'Capacité (Mo)' },
    freeMB: { en: 'Free (MB)', fr: 'Libre (Mo)' },
    uncommittedMB: { en: 'Uncommitted (MB)', fr: 'Non engagé (Mo)' },
    provisionedMB: { en: 'Provisioned (MB)', fr: 'Provisionné (Mo)' },
    percent: { en: 'Provisioned (%)', fr: 'Provisionné (%)' },
  },
  needs: { properties: [{ type: 'Datastore', paths: ['summary'] }] },
  identity: ['datastore'],
  subjects: { datastore: 'datastore' },
  run(snapshot, t) {
    const limit = thresholdNumber(t, 'percent', 150);
    const rows = [];
    for (const ds of snapshot.datastores) {
      if (!ds.accessible || ds.capacityBytes <= 0) continue;
      const uncommitted = num(ds.props.get('summary'), 'uncommitted') ?? 0;
      const provisioned = ds.capacityBytes - ds.freeBytes + uncommitted;
      const pct = (provisioned / ds.capacityBytes) * 100;
      if (pct <= limit) continue;
      rows.push({
        severity: pct > limit + 100 ? ('critical' as const) : ('warning' as const),
        cells: {
          datastore: ds.name,
          capacityMB: Math.round(ds.capacityBytes / MB),
          freeMB: Math.round(ds.freeBytes / MB),
          uncommittedMB: Math.round(uncommitted / MB),
          provisionedMB: Math.round(provisioned / MB),
          percent: round1(pct),
        },
      });
    }
    return { status: 'rows', rows };
  },
};
