import { describe, expect, it } from 'vitest';
import { DAY, event, NOW, plainRows, snapshotOf, vm } from './test-snapshot';
import { poweredOffWindowDays, vmsPoweredOffLong } from './vms-powered-off-long';

describe('vms-powered-off-long', () => {
  const off = (name: string, daysAgo: number): ReturnType<typeof event> => event('VmPoweredOffEvent', { vm: name, vmRef: `VirtualMachine:${name}`, time: new Date(NOW - daysAgo * DAY) });
  it('dates each powered-off VM by its last power-off event; no event in the window read is an unknown date, never a made-up one', () => {
    const s = snapshotOf({
      vms: [
        vm('long', { powerState: 'poweredOff' }),
        vm('recent', { powerState: 'poweredOff' }),
        vm('twice', { powerState: 'poweredOff' }),
        vm('ancient', { powerState: 'poweredOff' }),
        vm('purged', { powerState: 'poweredOff' }),
        vm('running'),
        vm('tpl', { powerState: 'poweredOff', template: true }),
      ],
      // Oldest first, as the collector sorts them; 'ancient' is past the 30 days read.
      events: [off('ancient', 45), off('long', 12), off('twice', 20), off('twice', 3), off('recent', 2), off('running', 9)],
    });
    const out = vmsPoweredOffLong.run(s, { days: 7 });
    expect(plainRows(out)).toEqual([
      { severity: 'warning', vm: 'long', host: 'esx1', poweredOffSince: new Date(NOW - 12 * DAY).toISOString(), daysOff: 12 },
      { severity: 'warning', vm: 'ancient', host: 'esx1', poweredOffSince: null, daysOff: null },
      { severity: 'warning', vm: 'purged', host: 'esx1', poweredOffSince: null, daysOff: null },
    ]);
    expect(out.status === 'rows' && out.message).toMatch(/^2 VM\(s\) with no power-off event in the last 30 days/);
  });
  it('reads at least 30 days of events, and twice the threshold beyond', () => {
    expect([poweredOffWindowDays({ days: 7 }), poweredOffWindowDays({ days: 20 })]).toEqual([30, 40]);
  });
});
