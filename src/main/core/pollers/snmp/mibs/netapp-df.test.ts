import { describe, expect, it } from 'vitest';
import { dfShortName, parseDfRow } from './netapp-df';
import { c64, int, str } from './test-varbinds';

const row = (cols: Record<number, ReturnType<typeof int>>): Map<number, ReturnType<typeof int>> =>
  new Map(Object.entries(cols).map(([c, v]) => [Number(c), v]));

describe('NetApp dfTable rows', () => {
  it('names volumes and aggregates the way the filer does', () => {
    expect(dfShortName('/vol/Mail1/')).toBe('Mail1');
    expect(dfShortName('/vol/dir1')).toBe('dir1');
    expect(dfShortName('/vol/vol0/.snapshot')).toBe('vol0');
    expect(dfShortName('aggr1sas/.snapshot')).toBe('aggr1sas');
    expect(dfShortName('aggr0')).toBe('aggr0');
  });

  it('takes df64 sizes in KB and computes the use from them (aggr1sas of the FAS3270)', () => {
    const r = parseDfRow(
      '1',
      row({
        2: str('aggr1sas'),
        3: int(-230633264),
        4: int(1874293156),
        5: int(-2104926424),
        6: int(62),
        9: int(0),
        14: int(3),
        15: int(-230633264),
        20: int(2),
        23: int(3),
        29: c64(16_949_235_920n),
        30: c64(10_464_239_496n),
        31: c64(6_484_996_424n),
      }),
    );
    expect(r).toMatchObject({ name: 'aggr1sas', kind: 'aggregate', snapshot: false, type: 'aggregate', status: 'mounted', inodePercent: 0 });
    expect(r?.totalBytes).toBe(16_949_235_920 * 1024);
    expect(r?.usedBytes).toBe(10_464_239_496 * 1024);
    expect(r?.availableBytes).toBe(6_484_996_424 * 1024);
    expect(r?.usedPercent).toBeCloseTo((10_464_239_496 / 16_949_235_920) * 100, 6);
  });

  it('falls back to high/low pairs, never to the negative 32-bit columns', () => {
    const total = 4_294_967_296;
    const used = 4_226_247_819;
    const r = parseDfRow(
      '5',
      row({ 2: str('/vol/vol_db/'), 3: int(0), 4: int(used - 4_294_967_296), 5: int(68_719_477), 6: int(98), 9: int(91), 14: int(1), 15: int(0), 16: int(0), 17: int(used - 4_294_967_296), 18: int(0), 19: int(68_719_477), 23: int(2) }),
    );
    expect(r).toMatchObject({ name: 'vol_db', kind: 'volume', type: 'flexibleVolume', inodePercent: 91 });
    expect(r?.totalBytes).toBe(total * 1024);
    expect(r?.usedBytes).toBe(used * 1024);
    expect(r?.usedPercent).toBeGreaterThan(98);
  });

  it('marks snapshot reserve rows and treats a typeless non-/vol row as an aggregate', () => {
    expect(parseDfRow('6', row({ 2: str('/vol/vol0/.snapshot'), 23: int(2) }))).toMatchObject({ snapshot: true, kind: 'volume', name: 'vol0' });
    expect(parseDfRow('9', row({ 2: str('aggr2') }))).toMatchObject({ kind: 'aggregate' });
    expect(parseDfRow('10', row({ 2: str('/vol/dir1') }))).toMatchObject({ kind: 'volume', type: null });
    expect(parseDfRow('11', row({ 3: int(5) }))).toBeNull();
  });
});
