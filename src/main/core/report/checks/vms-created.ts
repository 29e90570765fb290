import type { ReportEvent, SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';
import { EVENT_COLUMN_LABELS, eventsInWindow } from './event-window';

/**
 * Events that make a new VM. In each of them `vm` is the new VM (a clone's target, a deployed template's
 * result); VmBeingClonedEvent names the source and is only the start of a clone, so it is not one.
 */
export const CREATION_EVENTS = ['VmCreatedEvent', 'VmClonedEvent', 'VmDeployedEvent', 'VmRegisteredEvent'] as const;

/** Higher = more specific about the VM's origin. */
const RANK = new Map<string, number>([
  ['VmCreatedEvent', 1],
  ['VmRegisteredEvent', 2],
  ['VmDeployedEvent', 3],
  ['VmClonedEvent', 3],
]);

export const vmsCreated: SnapshotCheck = {
  id: 'vms-created',
  title: { en: 'VMs created in the last {days} days', fr: 'VM créées ces {days} derniers jours' },
  defaults: { days: 5 },
  columns: ['time', 'user', 'vm', 'message'],
  columnLabels: EVENT_COLUMN_LABELS,
  needs: { events: { types: CREATION_EVENTS, days: (t) => thresholdNumber(t, 'days', 5) } },
  identity: ['time', 'vm'],
  subjects: { vm: 'vm' },
  run(snapshot, t) {
    // One row per new VM: some servers log a clone as both VmCreatedEvent and VmClonedEvent; the more
    // specific event (clone, deploy, register) tells more about where the VM came from.
    const byVm = new Map<string, ReportEvent>();
    for (const e of eventsInWindow(snapshot, t, 5)) {
      const rank = RANK.get(e.type);
      if (rank === undefined) continue;
      const key = e.vmRef ?? `name:${e.vm ?? ''}`;
      const had = byVm.get(key);
      if (!had || (RANK.get(had.type) ?? 0) < rank) byVm.set(key, e);
    }
    const rows = [...byVm.values()]
      .sort((a, b) => a.time.getTime() - b.time.getTime() || a.key - b.key)
      .map((e) => ({
        severity: 'warning' as const,
        cells: { time: e.time.toISOString(), user: e.user, vm: e.vm ?? '', message: e.message },
      }));
    return { status: 'rows', rows };
  },
};
