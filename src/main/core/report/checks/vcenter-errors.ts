import type { SnapshotCheck } from '../snapshot';
import { daysAgo, thresholdNumber } from '../thresholds';

/**
 * Events of category "error" (the server's own event description says which types are errors; EventEx
 * and ExtendedEvent carry their severity). Reads every event type, so its window is its own (1 day).
 */
export const vcenterErrors: SnapshotCheck = {
  id: 'vcenter-errors',
  title: { en: 'vCenter error events in the last {days} days', fr: 'Événements d’erreur vCenter ces {days} derniers jours' },
  defaults: { days: 1 },
  columns: ['time', 'entity', 'user', 'message'],
  columnLabels: {
    time: { en: 'Time', fr: 'Date' },
    entity: { en: 'Object', fr: 'Objet' },
    user: { en: 'User', fr: 'Utilisateur' },
    message: { en: 'Message', fr: 'Message' },
  },
  needs: { events: { types: [], days: (t) => thresholdNumber(t, 'days', 1) } },
  identity: ['time', 'entity', 'message'],
  run(snapshot, t) {
    const since = daysAgo(snapshot.now, thresholdNumber(t, 'days', 1));
    const rows = snapshot.events
      .filter((e) => e.category === 'error' && e.time.getTime() >= since && e.time.getTime() <= snapshot.now)
      .map((e) => ({
        severity: 'critical' as const,
        cells: {
          time: e.time.toISOString(),
          entity: e.vm ?? e.host ?? e.computeResource ?? e.datacenter ?? '',
          user: e.user,
          message: e.message,
        },
      }));
    return { status: 'rows', rows };
  },
};
