import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell } from './csv-cell';

describe('CSV cells and formula injection', () => {
  it('prefixes every formula trigger with an apostrophe and leaves other text alone', () => {
    for (const v of ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseCell(v)).toBe(`'${v}`);
      expect(restoreCell(neutraliseCell(v))).toBe(v);
    }
    for (const v of ['core-sw', '10.0.0.1', "it's", "'plain", '']) {
      expect(neutraliseCell(v)).toBe(v);
      expect(restoreCell(v)).toBe(v);
    }
  });
});
