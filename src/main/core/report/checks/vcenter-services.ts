import { CALLS } from '../calls';
import type { SnapshotCheck } from '../snapshot';

/** vCenter services set to start automatically that are not running, or that report bad health. */
export const vcenterServices: SnapshotCheck = {
  id: 'vcenter-services',
  title: { en: 'vCenter services not running', fr: 'Services vCenter arrêtés' },
  defaults: {},
  columns: ['service', 'state', 'startup', 'health'],
  columnLabels: {
    service: { en: 'Service', fr: 'Service' },
    state: { en: 'State', fr: 'État' },
    startup: { en: 'Startup', fr: 'Démarrage' },
    health: { en: 'Health', fr: 'Santé' },
  },
  needs: { calls: [CALLS.applianceServices] },
  identity: ['service'],
  run(snapshot) {
    const rows = (snapshot.services ?? [])
      .filter((s) => (s.startup === 'AUTOMATIC' && s.state !== 'STARTED') || (s.state === 'STARTED' && s.health !== '' && s.health !== 'HEALTHY'))
      .map((s) => ({
        severity: s.state !== 'STARTED' || s.health === 'DEGRADED' ? ('critical' as const) : ('warning' as const),
        cells: { service: s.service, state: s.state, startup: s.startup, health: s.health },
      }));
    return { status: 'rows', rows };
  },
};
