import { describe, expect, it } from 'vitest';
import { parseEvent, type VimEvent } from '../../vsphere/events';
import { parseXml, type XmlNode } from '../../vsphere/xml-parse';
import { snapshotsOld } from '../checks/snapshots-old';
import { vm } from '../checks/test-snapshot';
import type { VmSnapshotInfo } from '../snapshot';
import { buildPlan } from './plan';
import { creatorsFromTaskEvents, snapshotTaskEvent, type SnapshotTaskEvent } from './snapshot-task-events';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** A vim25 TaskEvent as ReadNextEvents returns it (vCenter 8 shape, trimmed to what the match reads). */
function taskEvent(key: number, o: { user: string; vm: string; vmName: string; queued: string; descriptionId?: string; name?: string }): VimEvent {
  const xml = `<returnval ${XSI} xsi:type="TaskEvent">
    <key>${key}</key><chainId>${key}</chainId><createdTime>${o.queued}</createdTime><userName>${o.user}</userName>
    <vm><name>${o.vmName}</name><vm type="VirtualMachine">${o.vm}</vm></vm>
    <fullFormattedMessage>Task: Create virtual machine snapshot</fullFormattedMessage>
    <info>
      <key>task-${key}</key><task type="Task">task-${key}</task>
      <name>${o.name ?? 'CreateSnapshot_Task'}</name><descriptionId>${o.descriptionId ?? 'VirtualMachine.createSnapshot'}</descriptionId>
      <entity type="VirtualMachine">${o.vm}</entity><entityName>${o.vmName}</entityName>
      <state>queued</state><cancelled>false</cancelled><cancelable>false</cancelable>
      <reason xsi:type="TaskReasonUser"><userName>${o.user}</userName></reason>
      <queueTime>${o.queued}</queueTime><eventChainId>${key}</eventChainId>
    </info>
  </returnval>`;
  const ev = parseEvent(parseXml(xml).returnval as XmlNode);
  if (!ev) throw new Error('the fixture did not parse');
  return ev;
}

const snap = (name: string, created: string): VmSnapshotInfo => ({
  name,
  description: '',
  created: new Date(created),
  ref: `snapshot-${name}`,
  sizeBytes: null,
  creator: null,
});

describe('snapshot creators from TaskEvents', () => {
  it('reads the VM, the queue time and the user of a CreateSnapshot_Task TaskEvent, and nothing else', () => {
    expect(snapshotTaskEvent(taskEvent(1, { user: 'CORP\\alice', vm: 'vm-42', vmName: 'app1', queued: '2026-11-01T08:00:00.123Z' }))).toEqual({
      vmRef: 'VirtualMachine:vm-42',
      time: new Date('2026-11-01T08:00:00.123Z'),
      user: 'CORP\\alice',
    });
    expect(
      snapshotTaskEvent(taskEvent(2, { user: 'bob', vm: 'vm-42', vmName: 'app1', queued: '2026-11-01T08:00:00Z', descriptionId: 'VirtualMachine.powerOn', name: 'PowerOnVM_Task' })),
    ).toBeNull();
  });

  it('gives each snapshot the closest earlier event of its own VM, within minutes, and ignores other VMs', () => {
    const a = vm('vm-a', {
      snapshots: [snap('before-upgrade', '2026-11-01T08:00:05Z'), snap('after-upgrade', '2026-11-01T08:03:00Z'), snap('orphan', '2026-11-02T09:00:00Z')],
    });
    const b = vm('vm-b', { snapshots: [snap('nightly', '2026-11-01T08:02:00Z')] });
    const events = [
      taskEvent(10, { user: 'CORP\\alice', vm: 'vm-a', vmName: 'vm-a', queued: '2026-11-01T08:00:01Z' }),
      taskEvent(11, { user: 'CORP\\bob', vm: 'vm-a', vmName: 'vm-a', queued: '2026-11-01T08:02:55Z' }),
      // After the snapshot it would otherwise be closest to: never a candidate for it.
      taskEvent(12, { user: 'CORP\\mallory', vm: 'vm-a', vmName: 'vm-a', queued: '2026-11-01T08:03:01Z' }),
      // Another VM, closer in time to vm-a's second snapshot: ignored for vm-a.
      taskEvent(13, { user: 'CORP\\carol', vm: 'vm-c', vmName: 'vm-c', queued: '2026-11-01T08:02:59Z' }),
      // vm-a's 'orphan' has an event, but 20 minutes before: too far to be its task.
      taskEvent(14, { user: 'CORP\\dave', vm: 'vm-a', vmName: 'vm-a', queued: '2026-11-02T08:40:00Z' }),
    ]
      .map(snapshotTaskEvent)
      .filter((e): e is SnapshotTaskEvent => e !== null);
    expect(creatorsFromTaskEvents([a, b], events)).toBe(2);
    expect(a.snapshots.map((s) => [s.name, s.creator])).toEqual([
      ['before-upgrade', 'CORP\\alice'],
      ['after-upgrade', 'CORP\\bob'],
      ['orphan', null],
    ]);
    expect(b.snapshots[0]?.creator).toBeNull();
  });

  it('keeps a creator the task history already gave', () => {
    const a = vm('vm-a', { snapshots: [{ ...snap('s1', '2026-11-01T08:00:05Z'), creator: 'CORP\\fromtask' }] });
    const ev = snapshotTaskEvent(taskEvent(1, { user: 'CORP\\alice', vm: 'vm-a', vmName: 'vm-a', queued: '2026-11-01T08:00:01Z' }));
    expect(creatorsFromTaskEvents([a], ev ? [ev] : [])).toBe(0);
    expect(a.snapshots[0]?.creator).toBe('CORP\\fromtask');
  });

  it('are asked for in the typed event read only when snapshots-old is enabled, over 30 days at least', () => {
    expect(buildPlan([{ check: snapshotsOld, thresholds: { days: 14 } }]).typedEvents).toEqual({ types: ['TaskEvent'], days: 30 });
    expect(buildPlan([{ check: snapshotsOld, thresholds: { days: 20 } }]).typedEvents).toEqual({ types: ['TaskEvent'], days: 40 });
    expect(buildPlan([]).typedEvents).toBeNull();
  });
});
