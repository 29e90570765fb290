import { describe, expect, it } from 'vitest';
import { DAY, event, NOW, plainRows, snapshotOf } from './test-snapshot';
import { vcenterErrors } from './vcenter-errors';

describe('vcenter-errors', () => {
  it('lists error-category events of the window with the object they concern', () => {
    const t = new Date(NOW - 3_600_000);
    const s = snapshotOf({
      events: [
        event('HostConnectionLostEvent', { category: 'error', host: 'esx1', time: t, message: 'lost <esx1>' }),
        event('EventEx', { category: 'error', vm: 'db1', host: 'esx1', time: t, message: 'disk failed' }),
        event('VmPoweredOnEvent', { category: 'info', vm: 'db1', time: t }),
        event('AlarmStatusChangedEvent', { category: 'warning', time: t }),
        event('GeneralHostErrorEvent', { category: 'error', time: new Date(NOW - 2 * DAY) }),
      ],
    });
    expect(plainRows(vcenterErrors.run(s, { days: 1 }))).toEqual([
      { severity: 'critical', time: t.toISOString(), entity: 'esx1', user: 'VSPHERE.LOCAL\\admin', message: 'lost <esx1>' },
      { severity: 'critical', time: t.toISOString(), entity: 'db1', user: 'VSPHERE.LOCAL\\admin', message: 'disk failed' },
    ]);
    expect(plainRows(vcenterErrors.run(s, { days: 3 }))).toHaveLength(3);
  });
  it('reads every event type (its own window)', () => {
    expect(vcenterErrors.needs.events?.types).toEqual([]);
  });
});
