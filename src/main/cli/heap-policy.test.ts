import { describe, expect, it } from 'vitest';
import { heapFlags } from './heap-policy';

describe('serve heap policy', () => {
  it('keeps the heap within 15 % of its live set when the administrator said nothing', () => {
    expect(heapFlags(['--enable-source-maps', ''])).toEqual(['--heap-growing-percent=15']);
  });

  it("keeps the administrator's own flag, written with dashes or underscores, with or without a value", () => {
    expect(heapFlags(['--heap_growing_percent=40'])).toEqual([]);
    expect(heapFlags(['--max-semi-space-size=8', '--heap-growing-percent'])).toEqual([]);
  });

  it('is not fooled by a longer flag that starts alike', () => {
    expect(heapFlags(['--heap-growing-percentage=3'])).toEqual(['--heap-growing-percent=15']);
  });
});
