import { describe, expect, it } from 'vitest';
import { haRestarts } from './ha-restarts';
import { DAY, event, NOW, plainRows, snapshotOf } from './test-snapshot';

describe('ha-restarts', () => {
  it('lists HA restarts inside the window with the failed host and the new one', () => {
    const restart = (vm: string, daysAgo: number): ReturnType<typeof event> =>
      event('VmRestartedOnAlternateHostEvent', { vm, time: new Date(NOW - daysAgo * DAY), host: 'esx2', sourceHost: 'esx1', computeResource: 'C1' });
    const s = snapshotOf({ events: [restart('old', 6), restart('web', 2), event('VmPoweredOnEvent', { vm: 'db' })] });
    expect(plainRows(haRestarts.run(s, { days: 5 }))).toEqual([
      { severity: 'warning', time: new Date(NOW - 2 * DAY).toISOString(), vm: 'web', from: 'esx1', to: 'esx2', cluster: 'C1' },
    ]);
    expect(plainRows(haRestarts.run(s, { days: 7 })).map((r) => r.vm)).toEqual(['old', 'web']);
  });
});
