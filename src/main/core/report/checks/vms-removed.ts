import type { SnapshotCheck } from '../snapshot';
import { daysAgo, thresholdNumber } from '../thresholds';

export const vmsRemoved: SnapshotCheck = {
  id: 'vms-removed',
  title: { en: 'VMs removed in the last {days} days', fr: 'VM supprimées ces {days} derniers jours' },
  defaults: { days: 5 },
  columns: ['time', 'user', 'vm', 'message'],
  columnLabels: {
    time: { en: 'Time', fr: 'Date' },
    user: { en: 'User', fr: 'Utilisateur' },
    vm: { en: 'VM', fr: 'VM' },
    message: { en: 'Message', fr: 'Message' },
  },
  needs: { events: { types: ['VmRemovedEvent'], days: (t) => thresholdNumber(t, 'days', 5) } },
  identity: ['time', 'vm'],
  subjects: { vm: 'vm' },
  run(snapshot, t) {
    const since = daysAgo(snapshot.now, thresholdNumber(t, 'days', 5));
    const rows = snapshot.events
      .filter((e) => e.type === 'VmRemovedEvent' && e.time.getTime() >= since && e.time.getTime() <= snapshot.now)
      .map((e) => ({
        severity: 'warning' as const,
        cells: { time: e.time.toISOString(), user: e.user, vm: e.vm ?? '', message: e.message },
      }));
    return { status: 'rows', rows };
  },
};
