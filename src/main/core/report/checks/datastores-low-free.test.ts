import { describe, expect, it } from 'vitest';
import { datastoresLowFree } from './datastores-low-free';
import { datastore, plainRows, snapshotOf } from './test-snapshot';

const MB = 1024 * 1024;

describe('datastores-low-free', () => {
  const s = snapshotOf({
    datastores: [
      datastore('ds2', { capacityBytes: 1000 * MB, freeBytes: 20 * MB, type: 'NFS' }),
      datastore('ds4', { capacityBytes: 1000 * MB, freeBytes: 40 * MB }),
      datastore('ds30', { capacityBytes: 1000 * MB, freeBytes: 300 * MB }),
      datastore('gone', { capacityBytes: 1000 * MB, freeBytes: 0, accessible: false }),
    ],
  });

  it('lists datastores under X % free, critical under half of X, inaccessible ones left out', () => {
    expect(plainRows(datastoresLowFree.run(s, { percentFree: 5 }))).toEqual([
      { severity: 'critical', datastore: 'ds2', type: 'NFS', capacityMB: 1000, freeMB: 20, percentFree: 2 },
      { severity: 'warning', datastore: 'ds4', type: 'VMFS', capacityMB: 1000, freeMB: 40, percentFree: 4 },
    ]);
  });

  it('follows the threshold', () => {
    expect(plainRows(datastoresLowFree.run(s, { percentFree: 50 })).map((r) => [r.datastore, r.severity])).toEqual([
      ['ds2', 'critical'],
      ['ds4', 'critical'],
      ['ds30', 'warning'],
    ]);
    expect(plainRows(datastoresLowFree.run(s, { percentFree: 1 }))).toEqual([]);
  });
});
