import { describe, expect, it } from 'vitest';
import { DAY, event, NOW, plainRows, snapshotOf } from './test-snapshot';
import { vmsRemoved } from './vms-removed';

describe('vms-removed', () => {
  it('lists VmRemovedEvent inside the window only', () => {
    const s = snapshotOf({
      events: [
        event('VmRemovedEvent', { vm: 'gone', time: new Date(NOW - DAY), message: 'Removed gone' }),
        event('VmRemovedEvent', { vm: 'older', time: new Date(NOW - 9 * DAY) }),
        event('VmCreatedEvent', { vm: 'new' }),
      ],
    });
    expect(plainRows(vmsRemoved.run(s, { days: 5 }))).toEqual([
      { severity: 'warning', time: new Date(NOW - DAY).toISOString(), user: 'VSPHERE.LOCAL\\admin', vm: 'gone', message: 'Removed gone' },
    ]);
    expect(plainRows(vmsRemoved.run(s, { days: 10 }))).toHaveLength(2);
  });
});
