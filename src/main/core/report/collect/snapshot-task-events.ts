import type { VimEvent } from '../../vsphere/events';
import { child, date, moRef, refKey, text } from '../../vsphere/xml-parse';
import type { VmInfo } from '../snapshot';

/** A TaskEvent recording a CreateSnapshot_Task: who queued it, on which VM, when. */
export interface SnapshotTaskEvent {
  vmRef: string;
  time: Date;
  user: string;
}

/**
 * How far before a snapshot's createTime its task may have been queued. vCenter queues the task, then
 * the host takes the snapshot: seconds usually, minutes when the host is busy or quiesces the guest.
 */
export const TASK_EVENT_LEAD_MS = 10 * 60_000;

/**
 * The CreateSnapshot_Task TaskEvent in `ev`, or null. The VM is the task's entity (info.entity), falling
 * back to the event's own vm; the time is when the task was queued (the TaskInfo embedded in a TaskEvent is
 * always the queued state), else started, else the event's time.
 */
export function snapshotTaskEvent(ev: VimEvent): SnapshotTaskEvent | null {
  if (ev.type !== 'TaskEvent') return null;
  const info = child(ev.raw, 'info');
  if (text(info, 'descriptionId') !== 'VirtualMachine.createSnapshot' && text(info, 'name') !== 'CreateSnapshot_Task') return null;
  const entity = moRef(child(info, 'entity'));
  const ref = entity?.type === 'VirtualMachine' ? entity : ev.vm?.ref;
  const user = ev.userName || text(info, 'reason', 'userName') || '';
  if (!ref || !user) return null;
  return { vmRef: refKey(ref), time: date(info, 'queueTime') ?? date(info, 'startTime') ?? ev.createdTime, user };
}

/**
 * Fills `creator` of the snapshots still without one from the snapshot-creation TaskEvents: for each, the
 * event on the same VM whose time is closest to, and not after, the snapshot's createTime, within
 * TASK_EVENT_LEAD_MS. An event serves one snapshot only (two snapshots of a VM taken minutes apart get
 * their own task each). Returns how many creators were filled.
 */
export function creatorsFromTaskEvents(vms: readonly VmInfo[], events: readonly SnapshotTaskEvent[]): number {
  const byVm = new Map<string, SnapshotTaskEvent[]>();
  for (const e of events) {
    const list = byVm.get(e.vmRef) ?? [];
    list.push(e);
    byVm.set(e.vmRef, list);
  }
  let filled = 0;
  for (const vm of vms) {
    const candidates = byVm.get(vm.ref);
    if (!candidates) continue;
    const used = new Set<SnapshotTaskEvent>();
    // Newest snapshot first, so an older snapshot cannot take the task that made a newer one.
    const snaps = vm.snapshots.filter((s) => s.creator === null).sort((a, b) => b.created.getTime() - a.created.getTime());
    for (const s of snaps) {
      const at = s.created.getTime();
      let best: SnapshotTaskEvent | null = null;
      for (const e of candidates) {
        const lead = at - e.time.getTime();
        if (used.has(e) || lead < 0 || lead > TASK_EVENT_LEAD_MS) continue;
        if (!best || e.time.getTime() > best.time.getTime()) best = e;
      }
      if (best) {
        used.add(best);
        s.creator = best.user;
        filled++;
      }
    }
  }
  return filled;
}
