import { describe, expect, it } from 'vitest';
import { DAY, event, NOW, plainRows, snapshotOf } from './test-snapshot';
import { vmsCreated } from './vms-created';

describe('vms-created', () => {
  it('one row per new VM, named after the new VM; a clone start is not a creation; the window is N days', () => {
    const t = new Date(NOW - DAY);
    const s = snapshotOf({
      events: [
        event('VmCreatedEvent', { vm: 'new1', vmRef: 'VirtualMachine:vm-1', time: t, message: 'Created new1' }),
        event('VmBeingClonedEvent', { vm: 'source', vmRef: 'VirtualMachine:vm-0', time: t, message: 'Cloning source to clone1' }),
        event('VmCreatedEvent', { vm: 'clone1', vmRef: 'VirtualMachine:vm-2', time: t, message: 'Created clone1' }),
        event('VmClonedEvent', { vm: 'clone1', vmRef: 'VirtualMachine:vm-2', time: t, message: 'Clone of source completed' }),
        event('VmDeployedEvent', { vm: 'fromTpl', vmRef: 'VirtualMachine:vm-3', time: t, message: 'Deployed fromTpl' }),
        event('VmRegisteredEvent', { vm: 'reg', vmRef: 'VirtualMachine:vm-4', time: t, message: 'Registered reg' }),
        event('VmCreatedEvent', { vm: 'old', vmRef: 'VirtualMachine:vm-5', time: new Date(NOW - 6 * DAY) }),
      ],
    });
    const rows = plainRows(vmsCreated.run(s, { days: 5 }));
    expect(rows.map((r) => [r.vm, r.message])).toEqual([
      ['new1', 'Created new1'],
      ['clone1', 'Clone of source completed'],
      ['fromTpl', 'Deployed fromTpl'],
      ['reg', 'Registered reg'],
    ]);
    expect(rows[0]).toEqual({ severity: 'warning', time: t.toISOString(), user: 'VSPHERE.LOCAL\\admin', vm: 'new1', message: 'Created new1' });
    expect(plainRows(vmsCreated.run(s, { days: 7 }))).toHaveLength(5);
  });
});
