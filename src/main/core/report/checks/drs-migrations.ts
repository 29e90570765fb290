import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';
import { EVENT_COLUMN_LABELS, eventsInWindow } from './event-window';

export const drsMigrations: SnapshotCheck = {
  id: 'drs-migrations',
  title: { en: 'DRS migrations in the last {days} days', fr: 'Migrations DRS ces {days} derniers jours' },
  defaults: { days: 1 },
  columns: ['time', 'vm', 'from', 'to', 'cluster'],
  columnLabels: {
    time: EVENT_COLUMN_LABELS.time,
    vm: EVENT_COLUMN_LABELS.vm,
    from: { en: 'From', fr: 'De' },
    to: { en: 'To', fr: 'Vers' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
  },
  needs: { events: { types: ['DrsVmMigratedEvent'], days: (t) => thresholdNumber(t, 'days', 1) } },
  identity: ['time', 'vm'],
  subjects: { vm: 'vm' },
  run(snapshot, t) {
    const clusterOfHost = new Map(snapshot.hosts.map((h) => [h.name, h.cluster]));
    const rows = eventsInWindow(snapshot, t, 1)
      .filter((e) => e.type === 'DrsVmMigratedEvent')
      .map((e) => ({
        severity: 'warning' as const,
        cells: {
          time: e.time.toISOString(),
          vm: e.vm ?? '',
          from: e.sourceHost ?? '',
          to: e.host ?? '',
          cluster: e.computeResource ?? (e.host !== null ? (clusterOfHost.get(e.host) ?? null) : null),
        },
      }));
    return { status: 'rows', rows };
  },
};
