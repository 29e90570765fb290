import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber, wholeDays } from '../thresholds';

const DAY_MS = 86_400_000;

/**
 * Snapshots older than N days, nested ones included. Critical past twice the threshold: a snapshot that old
 * has usually been forgotten and its delta disks keep growing.
 */
export const snapshotsOld: SnapshotCheck = {
  id: 'snapshots-old',
  title: { en: 'Snapshots older than {days} days', fr: 'Snapshots de plus de {days} jours' },
  defaults: { days: 14 },
  columns: ['vm', 'name', 'daysOld', 'creator', 'created', 'description', 'sizeGB'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    name: { en: 'Snapshot', fr: 'Snapshot' },
    daysOld: { en: 'Age (days)', fr: 'Âge (jours)' },
    creator: { en: 'Created by', fr: 'Créé par' },
    created: { en: 'Created', fr: 'Créé le' },
    description: { en: 'Description', fr: 'Description' },
    sizeGB: { en: 'Size (GB)', fr: 'Taille (Go)' },
  },
  needs: {
    // The collector reads layoutEx (for sizeGB) afterwards, for the VMs that have snapshots only.
    properties: [{ type: 'VirtualMachine', paths: ['snapshot'] }],
    optionalCalls: ['TaskManager.CreateCollectorForTasks'],
    // The creator where tasks cannot be read: the TaskEvent vCenter logs when the task is queued. vCenter
    // keeps events 30 days by default; the window reaches past the critical age when the threshold is larger.
    events: { types: ['TaskEvent'], days: (t) => Math.max(30, 2 * thresholdNumber(t, 'days', 14)), optional: true },
  },
  identity: ['vm', 'name', 'created'],
  subjects: { vm: 'vm' },
  run(snapshot, t) {
    const days = thresholdNumber(t, 'days', 14);
    const rows = [];
    for (const vm of snapshot.vms) {
      for (const s of vm.snapshots) {
        const age = snapshot.now - s.created.getTime();
        if (age <= days * DAY_MS) continue;
        rows.push({
          severity: age > 2 * days * DAY_MS ? ('critical' as const) : ('warning' as const),
          cells: {
            vm: vm.name,
            name: s.name,
            daysOld: wholeDays(s.created.getTime(), snapshot.now),
            creator: s.creator ?? '',
            created: s.created.toISOString(),
            description: s.description,
            sizeGB: s.sizeBytes === null ? null : Math.round((s.sizeBytes / 1024 ** 3) * 100) / 100,
          },
        });
      }
    }
    return { status: 'rows', rows, message: snapshot.notes.get('snapshots-old') ?? null };
  },
};
