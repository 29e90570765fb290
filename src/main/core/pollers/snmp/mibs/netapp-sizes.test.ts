import { describe, expect, it } from 'vitest';
import { combineHighLow, dfKilobytes, nearestWithLowWord, unsigned32 } from './netapp-sizes';

describe('NetApp 64-bit sizes', () => {
  it('reads a signed Integer32 as the unsigned word it encodes', () => {
    expect(unsigned32(-230633264)).toBe(4_064_334_032);
    expect(unsigned32(-1)).toBe(4_294_967_295);
    expect(unsigned32(12)).toBe(12);
  });

  it('combines high and low words, the low one signed (aggr1sas of the FAS3270 recording)', () => {
    expect(combineHighLow(3, -230633264)).toBe(16_949_235_920);
    expect(combineHighLow(0, -1070657536)).toBe(3_224_309_760);
    expect(combineHighLow(null, 5)).toBeNull();
    expect(combineHighLow(1, null)).toBeNull();
    expect(combineHighLow(-1, 5)).toBeNull();
  });

  it('prefers the Counter64 column over a pair that disagrees', () => {
    expect(dfKilobytes({ kb64: 3_687_224_408, high: 0, low: -607742908, raw32: 1_031_184_600 })).toBe(3_687_224_408);
  });

  it('uses the pair, never the raw signed column, when df64 is missing', () => {
    expect(dfKilobytes({ kb64: null, high: 0, low: -607742908, raw32: 1_031_184_600 })).toBe(3_687_224_388);
  });

  it('pairs the high word with the 32-bit column when the low columns are absent (ONTAP 9 row 1032)', () => {
    expect(dfKilobytes({ kb64: null, high: 4, low: null, raw32: -1183973408 })).toBe(20_290_863_072);
  });

  it('guesses the lost high word of a used size from the agent percentage', () => {
    const total = 20_290_863_072;
    // 13 % of the volume used, the 32-bit column alone being ambiguous.
    expect(dfKilobytes({ kb64: null, high: null, low: null, raw32: -1624663680 }, { expected: 0.13 * total })).toBe(2_670_303_616);
    // 90 % of the same volume: three wraps above the low word.
    const used = 18_261_776_765;
    expect(nearestWithLowWord(used % 4_294_967_296, 0.9 * total)).toBe(used);
  });

  it('skips a pair above the maximum (a corrupt high word) and falls back to the expectation', () => {
    const total = 386_319_076;
    expect(dfKilobytes({ kb64: null, high: 1_048_576, low: null, raw32: 18_717_388 }, { expected: 18_717_388, max: total })).toBe(18_717_388);
  });

  it('returns null when nothing is known', () => {
    expect(dfKilobytes({ kb64: null, high: null, low: null, raw32: null })).toBeNull();
  });
});
