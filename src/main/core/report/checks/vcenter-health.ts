import { CALLS } from '../calls';
import type { SnapshotCheck } from '../snapshot';

/** Appliance health components (system, storage, memory, database, load) that are not green. */
export const vcenterHealth: SnapshotCheck = {
  id: 'vcenter-health',
  title: { en: 'vCenter health', fr: 'Santé de vCenter' },
  defaults: {},
  columns: ['component', 'status', 'message'],
  columnLabels: {
    component: { en: 'Component', fr: 'Composant' },
    status: { en: 'Status', fr: 'État' },
    message: { en: 'Message', fr: 'Message' },
  },
  needs: { calls: [CALLS.applianceHealth] },
  identity: ['component'],
  run(snapshot) {
    const rows = (snapshot.health ?? [])
      .filter((h) => h.status !== 'green')
      .map((h) => ({
        severity: h.status === 'red' || h.status === 'orange' ? ('critical' as const) : ('warning' as const),
        cells: { component: h.component, status: h.status, message: h.message },
      }));
    return { status: 'rows', rows };
  },
};
