import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What a uPlot chart drew, read from the attributes its canvas carries (uPlot draws on canvas, so the
 * DOM has no labels): `data-range` (the window in ms), `data-x-ticks` and `data-x-font` (the time labels
 * and where they sit), `data-y-range` (the y scale). Shared by the chart specs on the fake core and on
 * `serve`.
 */
export const DAY = 86_400_000;

export interface Tick {
  label: string;
  x: number;
}

export async function shownRange(chart: Locator): Promise<{ from: number; to: number }> {
  const raw = await chart.getByTestId('chart-canvas').getAttribute('data-range');
  const m = /^(\d+)-(\d+)$/.exec(raw ?? '');
  if (!m) throw new Error(`no data-range on the chart: ${raw ?? 'null'}`);
  return { from: Number(m[1]), to: Number(m[2]) };
}

export async function span(chart: Locator): Promise<number> {
  const r = await shownRange(chart);
  return r.to - r.from;
}

/** The y scale as drawn ("min:max"), or null before the first draw. */
export async function yRange(chart: Locator): Promise<{ min: number; max: number } | null> {
  const raw = await chart.getByTestId('chart-canvas').getAttribute('data-y-range');
  const m = /^(-?[\d.e+-]+):(-?[\d.e+-]+)$/.exec(raw ?? '');
  return m ? { min: Number(m[1]), max: Number(m[2]) } : null;
}

/** Picks the chart's 7-day range (labelled "7 d" / "7 j") and waits until it shows it. */
export async function openWeek(chart: Locator): Promise<void> {
  await chart.getByText(/^7 (d|j)$/).click();
  await expect.poll(() => span(chart)).toBe(7 * DAY);
}

/** Drags across the plot area from one share of its width to another. */
export async function drag(page: Page, chart: Locator, fromShare: number, toShare: number): Promise<void> {
  const over = chart.locator('.u-over');
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  if (!box) throw new Error('plot area not laid out');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * fromShare, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((fromShare + toShare) / 2), y, { steps: 5 });
  await page.mouse.move(box.x + box.width * toShare, y, { steps: 5 });
  await page.mouse.up();
}

/**
 * The time labels' boxes (measured with the font they were drawn in, centred on their tick as uPlot draws
 * them), left to right, and the smallest gap between two neighbours in CSS px (negative: they overlap).
 */
export async function xLabelBoxes(chart: Locator): Promise<{ boxes: { label: string; left: number; right: number }[]; minGap: number }> {
  const canvas = chart.getByTestId('chart-canvas');
  const font = (await canvas.getAttribute('data-x-font')) ?? '';
  const ticks = JSON.parse((await canvas.getAttribute('data-x-ticks')) ?? '[]') as Tick[];
  const widths = await canvas.evaluate(
    (el, { labels, font }) => {
      // The e2e project has no DOM types: name the little of the canvas API used here.
      const doc = (
        el as unknown as {
          ownerDocument: {
            createElement(k: 'canvas'): { getContext(k: '2d'): { font: string; measureText(s: string): { width: number } } | null };
          };
        }
      ).ownerDocument;
      const ctx = doc.createElement('canvas').getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.font = font;
      return labels.map((l) => ctx.measureText(l).width);
    },
    { labels: ticks.map((t) => t.label), font },
  );
  const boxes = ticks
    .map((t, i) => ({ label: t.label, left: t.x - (widths[i] ?? 0) / 2, right: t.x + (widths[i] ?? 0) / 2 }))
    .sort((a, b) => a.left - b.left);
  let minGap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < boxes.length; i++) minGap = Math.min(minGap, (boxes[i]?.left ?? 0) - (boxes[i - 1]?.right ?? 0));
  return { boxes, minGap };
}
