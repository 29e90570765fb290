import type { Locator } from '@playwright/test';

/** The first line's colour (palette[0], #228be6): pixels of it prove a line was drawn, not just axes. */
const FIRST_LINE = [0x22, 0x8b, 0xe6] as const;
/** The palette's first four colours (src/renderer/src/device/chart/palette.ts), for "any line was drawn". */
const ANY_LINE = [FIRST_LINE, [0xfd, 0x7e, 0x14], [0x40, 0xc0, 0x57], [0xfa, 0x52, 0x52]] as const;

/**
 * How many pixels of a chart's canvas carry the first series' colour. uPlot draws on canvas, so "a chart
 * with data" is checked by reading the pixels back rather than the DOM.
 */
export async function chartInk(chart: Locator, which: 'first' | 'any' = 'first'): Promise<number> {
  const canvas = chart.locator('canvas').first();
  return canvas.evaluate((el, colours) => {
    const c = el as unknown as {
      width: number;
      height: number;
      getContext(
        k: '2d',
      ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
    };
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return 0;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const near = colours.some(
        (rgb) => Math.abs((data[i] ?? 0) - rgb[0]) + Math.abs((data[i + 1] ?? 0) - rgb[1]) + Math.abs((data[i + 2] ?? 0) - rgb[2]) < 60,
      );
      if (near && (data[i + 3] ?? 0) > 128) n++;
    }
    return n;
  }, (which === 'first' ? [FIRST_LINE] : ANY_LINE));
}
