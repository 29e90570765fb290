/**
 * Issue 17 item 8, against the fake core: dragging on a chart zooms every chart of the page to the span and
 * re-queries the store for it, Reset zoom and double-click return to the range, and a week's time labels
 * do not overlap at 1366 px wide, light and dark.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DAY, drag, openWeek as showWeek, shownRange, span, xLabelBoxes, type Tick } from './support/chart-axis';
import { look } from './support/look';

async function openWeek(page: Page): Promise<Locator> {
  const chart = page.getByTestId('chart').first();
  await showWeek(chart);
  return chart;
}

test('drag to zoom: every chart shows the span, queried at its own resolution; reset and double-click return', async ({
  page,
  fake,
}) => {
  const { open, core } = await fake();
  await open('#/device/this-computer');
  const chart = await openWeek(page);
  const last = page.getByTestId('chart').last();
  await expect.poll(() => span(last)).toBe(7 * DAY);
  const week = await shownRange(chart);
  await expect(chart).toContainText('drag to zoom');

  const before = core.calls.length;
  await drag(page, chart, 0.25, 0.75);
  // Half the plot's width is half the week, give or take the pixels of the drag.
  await expect.poll(() => span(chart)).toBeLessThan(0.55 * 7 * DAY);
  const zoomed = await shownRange(chart);
  expect(zoomed.to - zoomed.from).toBeGreaterThan(0.45 * 7 * DAY);
  expect(zoomed.from).toBeGreaterThan(week.from + 0.2 * 7 * DAY);
  expect(zoomed.to).toBeLessThan(week.to - 0.2 * 7 * DAY);
  // The charts share the page's range, so they share its zoom.
  await expect.poll(async () => shownRange(last)).toEqual(zoomed);
  // The zoomed window was asked of the store, not stretched from the week's points.
  const queries = core.calls
    .slice(before)
    .filter((c) => c.channel === 'metrics:query')
    .map((c) => c.payload as { from: number; to: number });
  expect(queries.some((q) => q.from === zoomed.from && q.to === zoomed.to)).toBe(true);
  await look(page, 'charts-zoomed');

  await chart.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(() => span(chart)).toBe(7 * DAY);
  await expect.poll(() => span(last)).toBe(7 * DAY);
  await expect(chart.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0);

  await drag(page, chart, 0.1, 0.3);
  await expect.poll(() => span(chart)).toBeLessThan(0.3 * 7 * DAY);
  await chart.locator('.u-over').dblclick();
  await expect.poll(() => span(chart)).toBe(7 * DAY);

  // A click that barely moves is not a zoom.
  await drag(page, chart, 0.5, 0.502);
  await expect(chart.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0);
  expect(await span(chart)).toBe(7 * DAY);

  // Another range forgets the zoom: coming back to the week shows the whole week.
  await drag(page, chart, 0.2, 0.4);
  await expect(chart.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
  await chart.getByText('30 d', { exact: true }).click();
  await expect.poll(() => span(chart)).toBe(30 * DAY);
  await chart.getByText('7 d', { exact: true }).click();
  await expect.poll(() => span(chart)).toBe(7 * DAY);
  await expect(chart.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`7-day time labels do not overlap at 1366 px (${scheme})`, async ({ page, fake }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const { open } = await fake({ theme: scheme });
    await open('#/device/this-computer');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    const chart = await openWeek(page);
    const canvas = chart.getByTestId('chart-canvas');
    // The labels drawn for the week: weekday and time ("Thu 08:00 AM").
    await expect
      .poll(async () => JSON.parse((await canvas.getAttribute('data-x-ticks')) ?? '[]') as Tick[])
      .toContainEqual(expect.objectContaining({ label: expect.stringMatching(/^[A-Z][a-z]{2} \d\d:\d\d/u) }));
    const { boxes, minGap } = await xLabelBoxes(chart);
    expect(boxes.length, 'a week shows several labels').toBeGreaterThanOrEqual(4);
    expect(minGap, `labels overlap: ${boxes.map((x) => x.label).join(' | ')}`).toBeGreaterThanOrEqual(4);
    await look(page, `charts-7d-${scheme}`);
  });
}
