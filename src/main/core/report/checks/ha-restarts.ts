import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';
import { EVENT_COLUMN_LABELS, eventsInWindow } from './event-window';

const TYPES = ['VmRestartedOnAlternateHostEvent'];

/** VMs HA restarted on another host in the last N days (their host failed or was isolated). */
export const haRestarts: SnapshotCheck = {
  id: 'ha-restarts',
  title: { en: 'VMs restarted by HA in the last {days} days', fr: 'VM redémarrées par HA ces {days} derniers jours' },
  defaults: { days: 5 },
  columns: ['time', 'vm', 'from', 'to', 'cluster'],
  columnLabels: {
    time: EVENT_COLUMN_LABELS.time,
    vm: EVENT_COLUMN_LABELS.vm,
    from: { en: 'Failed host', fr: 'Hôte en panne' },
    to: { en: 'Restarted on', fr: 'Redémarrée sur' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
  },
  needs: { events: { types: TYPES, days: (t) => thresholdNumber(t, 'days', 5) } },
  identity: ['time', 'vm'],
  subjects: { vm: 'vm' },
  run(snapshot, t) {
    const rows = eventsInWindow(snapshot, t, 5)
      .filter((e) => TYPES.includes(e.type))
      .map((e) => ({
        severity: 'warning' as const,
        cells: { time: e.time.toISOString(), vm: e.vm ?? '', from: e.sourceHost ?? null, to: e.host ?? null, cluster: e.computeResource ?? null },
      }));
    return { status: 'rows', rows };
  },
};
