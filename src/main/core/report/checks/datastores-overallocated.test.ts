import { describe, expect, it } from 'vitest';
import { datastoresOverallocated } from './datastores-overallocated';
import { datastore, plainRows, props, snapshotOf } from './test-snapshot';

const MB = 1024 * 1024;
const ds = (name: string, capMb: number, freeMb: number, uncommittedMb: number, accessible = true): ReturnType<typeof datastore> =>
  datastore(name, { capacityBytes: capMb * MB, freeBytes: freeMb * MB, accessible, props: props({ summary: `<capacity>${capMb * MB}</capacity><freeSpace>${freeMb * MB}</freeSpace><uncommitted>${uncommittedMb * MB}</uncommitted>` }) });

describe('datastores-overallocated', () => {
  it('provisioned = capacity − free + uncommitted, over X % of capacity; critical past X + 100', () => {
    const s = snapshotOf({ datastores: [ds('thin', 1000, 400, 500), ds('over', 1000, 200, 800), ds('way', 1000, 100, 2000), ds('gone', 1000, 0, 9000, false)] });
    expect(plainRows(datastoresOverallocated.run(s, { percent: 150 }))).toEqual([
      { severity: 'warning', datastore: 'over', capacityMB: 1000, freeMB: 200, uncommittedMB: 800, provisionedMB: 1600, percent: 160 },
      { severity: 'critical', datastore: 'way', capacityMB: 1000, freeMB: 100, uncommittedMB: 2000, provisionedMB: 2900, percent: 290 },
    ]);
    expect(plainRows(datastoresOverallocated.run(s, { percent: 100 })).map((r) => r.datastore)).toEqual(['thin', 'over', 'way']);
  });
});
