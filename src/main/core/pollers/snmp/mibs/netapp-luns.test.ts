import { describe, expect, it } from 'vitest';
import { parseLunRow } from './netapp-luns';
import { c64, int, str } from './test-varbinds';

const row = (cols: Record<number, ReturnType<typeof int>>): Map<number, ReturnType<typeof int>> =>
  new Map(Object.entries(cols).map(([c, v]) => [Number(c), v]));

describe('NetApp LUN rows', () => {
  it('prefers lunSize64', () => {
    const r = parseLunRow('1', row({ 2: str('/vol/volSQL2014/lunBizDBLog'), 4: int(-2081015808), 5: int(77), 6: int(2), 17: int(2), 28: c64(332_926_433_280n) }));
    expect(r).toEqual({ index: '1', name: '/vol/volSQL2014/lunBizDBLog', comment: null, sizeBytes: 332_926_433_280, online: true, mapped: true });
  });

  it('reads the low word unsigned when only the high/low pair exists (lunBizDBQuorum)', () => {
    const r = parseLunRow('4', row({ 2: str('/vol/volSQL2014/lunBizDBQuorum'), 3: str('Biztalk DB Quorum'), 4: int(-1070657536), 5: int(0), 6: int(1), 17: int(1) }));
    expect(r).toMatchObject({ sizeBytes: 3_224_309_760, online: false, mapped: false, comment: 'Biztalk DB Quorum' });
  });

  it('leaves unknown states unknown and skips nameless rows', () => {
    expect(parseLunRow('7', row({ 2: str('/vol/x/lun'), 6: int(9) }))).toMatchObject({ mapped: null, online: null, sizeBytes: null });
    expect(parseLunRow('8', row({ 5: int(1) }))).toBeNull();
  });
});
