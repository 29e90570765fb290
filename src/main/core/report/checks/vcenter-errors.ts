import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';
import { EVENT_COLUMN_LABELS, eventsInWindow } from './event-window';

/**
 * Events of category "error" (the server's own event description says which types are errors; EventEx
 * and ExtendedEvent carry their severity). Reads every event type, so its window is its own (1 day).
 */
export const vcenterErrors: SnapshotCheck = {
  id: 'vcenter-errors',
  title: { en: 'vCenter error events in the last {days} days', fr: 'Événements d’erreur vCenter ces {days} derniers jours' },
  defaults: { days: 1 },
  columns: ['time', 'entity', 'user', 'message'],
  columnLabels: { ...EVENT_COLUMN_LABELS, entity: { en: 'Object', fr: 'Objet' } },
  needs: { events: { types: [], days: (t) => thresholdNumber(t, 'days', 1) } },
  identity: ['time', 'entity', 'message'],
  run(snapshot, t) {
    const rows = eventsInWindow(snapshot, t, 1)
      .filter((e) => e.category === 'error')
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
