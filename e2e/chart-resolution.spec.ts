/**
 * Issue 18 item 2: a chart asks the store for no more points than its plot has device pixels, on a plain
 * and on a HiDPI screen, and asks again when its width changes past a step.
 */
import { expect, test } from './fixtures';

interface Query {
  maxPoints: number;
}

for (const scale of [1, 2]) {
  test.describe(`device pixel ratio ${scale}`, () => {
    test.use({ deviceScaleFactor: scale, viewport: { width: 1366, height: 900 } });

    test('a chart queries at most one point per device pixel of its plot, and again after a resize', async ({ page, fake }) => {
      const { open, core } = await fake();
      await open('#/device/this-computer');
      const chart = page.getByTestId('chart').first();
      const canvas = chart.getByTestId('chart-canvas');
      await expect(canvas.locator('canvas').first()).toBeVisible();
      const queries = (): Query[] =>
        core.calls.filter((c) => c.channel === 'metrics:query').map((c) => c.payload as Query);
      await expect.poll(() => queries().length, { timeout: 30_000 }).toBeGreaterThan(0);
      // The plot's width as uPlot laid it out (its overlay covers the plot only), in device pixels.
      const plotPx = async (): Promise<number> => ((await canvas.locator('.u-over').boundingBox())?.width ?? 0) * scale;
      const before = await plotPx();
      expect(before).toBeGreaterThan(0);
      const asked = Math.max(...queries().map((q) => q.maxPoints));
      expect(asked).toBeLessThanOrEqual(before);
      // Within a step of the plot's width, not a fixed budget.
      expect(asked).toBeGreaterThan(before - 200 * scale);

      const count = queries().length;
      await page.setViewportSize({ width: 900, height: 900 });
      await expect.poll(() => queries().length, { timeout: 30_000 }).toBeGreaterThan(count);
      await expect.poll(plotPx, { timeout: 30_000 }).toBeLessThan(before);
      const after = await plotPx();
      const latest = queries().at(-1)!.maxPoints;
      expect(latest).toBeLessThan(asked);
      expect(latest).toBeLessThanOrEqual(after);
    });
  });
}
