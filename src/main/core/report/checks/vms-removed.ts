import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';
import { EVENT_COLUMN_LABELS, eventsInWindow } from './event-window';

export const vmsRemoved: SnapshotCheck = {
  id: 'vms-removed',
  title: { en: 'VMs removed in the last {days} days', fr: 'VM supprimées ces {days} derniers jours' },
  defaults: { days: 5 },
  columns: ['time', 'user', 'vm', 'message'],
  columnLabels: EVENT_COLUMN_LABELS,
  needs: { events: { types: ['VmRemovedEvent'], days: (t) => thresholdNumber(t, 'days', 5) } },
  identity: ['time', 'vm'],
  subjects: { vm: 'vm' },
  run(snapshot, t) {
    const rows = eventsInWindow(snapshot, t, 5)
      .filter((e) => e.type === 'VmRemovedEvent')
      .map((e) => ({
        severity: 'warning' as const,
        cells: { time: e.time.toISOString(), user: e.user, vm: e.vm ?? '', message: e.message },
      }));
    return { status: 'rows', rows };
  },
};
