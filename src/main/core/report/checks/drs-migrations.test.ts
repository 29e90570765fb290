import { describe, expect, it } from 'vitest';
import { drsMigrations } from './drs-migrations';
import { DAY, event, host, NOW, plainRows, snapshotOf } from './test-snapshot';

describe('drs-migrations', () => {
  it('lists DRS migrations of the window with source, destination and cluster', () => {
    const t = new Date(NOW - 3_600_000);
    const s = snapshotOf({
      hosts: [host('esx2', { cluster: 'C9' })],
      events: [
        event('DrsVmMigratedEvent', { vm: 'web1', sourceHost: 'esx1', host: 'esx2', computeResource: 'C1', time: t }),
        event('DrsVmMigratedEvent', { vm: 'web2', sourceHost: 'esx1', host: 'esx2', time: t }),
        event('VmMigratedEvent', { vm: 'manual', sourceHost: 'esx1', host: 'esx2', time: t }),
        event('DrsVmMigratedEvent', { vm: 'old', time: new Date(NOW - 2 * DAY) }),
      ],
    });
    expect(plainRows(drsMigrations.run(s, { days: 1 }))).toEqual([
      { severity: 'warning', time: t.toISOString(), vm: 'web1', from: 'esx1', to: 'esx2', cluster: 'C1' },
      { severity: 'warning', time: t.toISOString(), vm: 'web2', from: 'esx1', to: 'esx2', cluster: 'C9' },
    ]);
  });
});
