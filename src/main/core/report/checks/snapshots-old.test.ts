import { describe, expect, it } from 'vitest';
import type { VmSnapshotInfo } from '../snapshot';
import { snapshotsOld } from './snapshots-old';
import { DAY, NOW, plainRows, snapshotOf, vm } from './test-snapshot';

const snap = (name: string, ageMs: number, over: Partial<VmSnapshotInfo> = {}): VmSnapshotInfo => ({
  name,
  description: `<i>${name}</i>`,
  created: new Date(NOW - ageMs),
  ref: `snapshot-${name}`,
  sizeBytes: 3 * 1024 ** 3,
  creator: null,
  ...over,
});

describe('snapshots-old', () => {
  const s = snapshotOf({
    vms: [
      vm('app1', {
        snapshots: [snap('root', 30.9 * DAY, { creator: 'CORP\\bob' }), snap('nested', 14.5 * DAY, { sizeBytes: null }), snap('fresh', 2 * DAY)],
      }),
      vm('app2', { snapshots: [snap('edge', 14 * DAY)] }),
    ],
    notes: new Map([['snapshots-old', 'creator unknown: no tasks']]),
  });

  it('lists nested snapshots older than N days, whole days floored, critical past twice N', () => {
    const out = snapshotsOld.run(s, { days: 14 });
    expect(plainRows(out)).toEqual([
      {
        severity: 'critical',
        vm: 'app1',
        name: 'root',
        daysOld: 30,
        creator: 'CORP\\bob',
        created: new Date(NOW - 30.9 * DAY).toISOString(),
        description: '<i>root</i>',
        sizeGB: 3,
      },
      { severity: 'warning', vm: 'app1', name: 'nested', daysOld: 14, creator: '', created: new Date(NOW - 14.5 * DAY).toISOString(), description: '<i>nested</i>', sizeGB: null },
    ]);
    expect(out.status === 'rows' && out.message).toBe('creator unknown: no tasks');
  });

  it('follows the threshold', () => {
    expect(plainRows(snapshotsOld.run(s, { days: 1 })).map((r) => r.name)).toEqual(['root', 'nested', 'fresh', 'edge']);
    expect(plainRows(snapshotsOld.run(s, { days: 31 }))).toEqual([]);
  });
});
