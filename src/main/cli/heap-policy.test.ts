import { describe, expect, it } from 'vitest';
import { heapFlags } from './heap-policy';

describe('serve heap policy', () => {
  it('sets both defaults when the administrator gave neither', () => {
    expect(heapFlags(['--enable-source-maps', ''])).toEqual(['--heap-growing-percent=15', '--semi-space-growth-factor=1']);
  });

  it("keeps the administrator's own flags, written with dashes or underscores, with or without a value", () => {
    expect(heapFlags(['--heap_growing_percent=40'])).toEqual(['--semi-space-growth-factor=1']);
    expect(heapFlags(['--semi-space-growth-factor=2'])).toEqual(['--heap-growing-percent=15']);
    expect(heapFlags(['--max_semi_space_size=8', '--heap-growing-percent'])).toEqual([]);
  });

  it('is not fooled by a longer flag that starts alike', () => {
    expect(heapFlags(['--heap-growing-percentage=3'])).toContain('--heap-growing-percent=15');
  });
});
