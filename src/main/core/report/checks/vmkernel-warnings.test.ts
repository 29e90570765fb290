import { describe, expect, it } from 'vitest';
import { vmkernelMessage, vmkernelWarnings } from './vmkernel-warnings';
import { DAY, host, NOW, plainRows, snapshotOf } from './test-snapshot';

const at = (msAgo: number): string => new Date(NOW - msAgo).toISOString();

describe('vmkernel-warnings', () => {
  it('strips the time stamp and cpu prefix so repeats group', () => {
    expect(vmkernelMessage('2026-06-15T10:00:00.123Z cpu3:2097601)WARNING: NMP: path dead')).toBe('WARNING: NMP: path dead');
    expect(vmkernelMessage('2026-06-15T10:00:00.123Z In(182) vmkernel: cpu1:1)WARNING: x')).toBe('WARNING: x');
  });

  it('groups warnings and errors of the last H hours per host with a count and the last time', () => {
    const lines = [
      { hostRef: 'HostSystem:esx1', time: new Date(NOW - 3_600_000), line: `${at(3_600_000)} cpu3:1)WARNING: NMP: path dead` },
      { hostRef: 'HostSystem:esx1', time: new Date(NOW - 7_200_000), line: `${at(7_200_000)} cpu2:9)WARNING: NMP: path dead` },
      { hostRef: 'HostSystem:esx1', time: new Date(NOW - 600_000), line: `${at(600_000)} cpu0:5)ALERT: APIC error` },
      { hostRef: 'HostSystem:esx1', time: new Date(NOW - 60_000), line: `${at(60_000)} cpu0:5)Loaded module` },
      { hostRef: 'HostSystem:esx1', time: new Date(NOW - 2 * DAY), line: `${at(2 * DAY)} cpu0:5)WARNING: old` },
      { hostRef: 'HostSystem:esx2', time: new Date(NOW - 60_000), line: `${at(60_000)} cpu0:5)WARNING: NMP: path dead` },
    ];
    const s = snapshotOf({ hosts: [host('esx1'), host('esx2')], vmkernel: lines });
    expect(plainRows(vmkernelWarnings.run(s, { hours: 24 }))).toEqual([
      { severity: 'warning', host: 'esx1', message: 'WARNING: NMP: path dead', count: 2, lastSeen: at(3_600_000) },
      { severity: 'critical', host: 'esx1', message: 'ALERT: APIC error', count: 1, lastSeen: at(600_000) },
      { severity: 'warning', host: 'esx2', message: 'WARNING: NMP: path dead', count: 1, lastSeen: at(60_000) },
    ]);
    expect(plainRows(vmkernelWarnings.run(s, { hours: 72 })).find((r) => r.message === 'WARNING: old')).toBeDefined();
  });
});
