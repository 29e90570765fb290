import type { SnapshotCheck } from '../snapshot';
import { round1, thresholdNumber } from '../thresholds';

const MB = 1024 * 1024;

/** Accessible datastores under X % free; critical under half of X. */
export const datastoresLowFree: SnapshotCheck = {
  id: 'datastores-low-free',
  title: { en: 'Datastores with less than {percentFree} % free', fr: 'Datastores avec moins de {percentFree} % libres' },
  defaults: { percentFree: 5 },
  columns: ['datastore', 'type', 'capacityMB', 'freeMB', 'percentFree'],
  columnLabels: {
    datastore: { en: 'Datastore', fr: 'Datastore' },
    type: { en: 'Type', fr: 'Type' },
    capacityMB: { en: 'Capacity (MB)', fr: 'Capacité (Mo)' },
    freeMB: { en: 'Free (MB)', fr: 'Libre (Mo)' },
    percentFree: { en: 'Free (%)', fr: 'Libre (%)' },
  },
  needs: { properties: [{ type: 'Datastore', paths: ['summary'] }] },
  identity: ['datastore'],
  subjects: { datastore: 'datastore' },
  run(snapshot, t) {
    const limit = thresholdNumber(t, 'percentFree', 5);
    const rows = [];
    for (const ds of snapshot.datastores) {
      // An inaccessible datastore reports stale or zero figures: another check's business, not free space.
      if (!ds.accessible || ds.capacityBytes <= 0) continue;
      const pct = (ds.freeBytes / ds.capacityBytes) * 100;
      if (pct >= limit) continue;
      rows.push({
        severity: pct < limit / 2 ? ('critical' as const) : ('warning' as const),
        cells: {
          datastore: ds.name,
          type: ds.type,
          capacityMB: Math.round(ds.capacityBytes / MB),
          freeMB: Math.round(ds.freeBytes / MB),
          percentFree: round1(pct),
        },
      });
    }
    return { status: 'rows', rows };
  },
};
