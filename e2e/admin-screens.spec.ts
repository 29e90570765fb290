/**
 * Issue 17 "what the administrator sees", on the renderer over the fake core: each test states the item it
 * covers. Screenshots: e2e/screenshots/admin-*.png, at 1366×768 and 2560×1440, light and dark, EN and FR.
 */
import { expect, test } from './fixtures';
import { look } from './support/look';

// e2e code has no DOM types: the little it reads inside the page is typed here (types only, erased).
interface El {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  parentElement: El | null;
  getBoundingClientRect(): { top: number };
}
interface Win {
  scrollY: number;
  getComputedStyle(el: unknown): { fontWeight: string; position: string };
}

test('item 13: a Test connection result goes away when the host or the credential is edited', async ({ page, fake }) => {
  const { open } = await fake();
  await open('#/devices');
  await page.getByRole('button', { name: 'Add device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  const result = dialog.getByTestId('test-result');
  const testOk = async (): Promise<void> => {
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(result).toHaveAttribute('data-stage', 'ok');
  };
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('edge-sw');
  await dialog.getByLabel('Host name or IP address').fill('10.0.0.9');
  await dialog.getByLabel(/^Community/).fill('public');
  await testOk();
  // The name is not part of the test: the result stays.
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('edge-sw-2');
  await expect(result).toHaveAttribute('data-stage', 'ok');

  await dialog.getByLabel('Host name or IP address').fill('10.0.0.10');
  await expect(result).toHaveCount(0);
  await testOk();
  await dialog.getByLabel(/^Community/).fill('other');
  await expect(result).toHaveCount(0);
  await look(page, 'admin-13-test-cleared');
});

test('item 12: an unreachable device shows its last figure dimmed, with its age, and "Poll failed"', async ({ page, fake }) => {
  const { open } = await fake();
  await open('#/');
  const tile = page.locator('a[data-testid^="tile-"][data-state="unknown"]').filter({ has: page.locator('[data-stale="true"]') }).first();
  await expect(tile).toBeVisible();
  await expect(tile.getByTestId('key-figure-age')).toHaveText('14m ago');
  await expect(tile).toContainText(/Poll failed \d/);
  const figure = tile.getByTestId('key-figure');
  const weight = await figure.evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).fontWeight);
  expect(Number(weight)).toBeLessThan(700);
  // A device that answered keeps its figure bold, without an age.
  const fresh = page.locator('a[data-testid^="tile-"][data-state="ok"]').first();
  await expect(fresh.getByTestId('key-figure')).toHaveAttribute('data-stale', 'false');
  await expect(fresh.getByTestId('key-figure-age')).toHaveCount(0);
  await expect(fresh).toContainText(/Polled \d/);
  await tile.scrollIntoViewIfNeeded();
  await look(page, 'admin-12-stale-tile');
});

for (const [width, height] of [
  [1366, 768],
  [2560, 1440],
] as const) {
  test(`item 16: the dashboard uses the width at ${width} px, names whole`, async ({ page, fake }) => {
    await page.setViewportSize({ width, height });
    // French: the longest figure labels ("Durée de fonctionnement").
    const { open } = await fake({ language: 'fr' });
    await open('#/');
    const ups = page.getByTestId('group-ups').locator('a[data-testid^="tile-"]');
    await expect(ups).toHaveCount(4);
    const tops = await ups.evaluateAll((els) => els.map((e) => Math.round((e as unknown as El).getBoundingClientRect().top)));
    const perRow = tops.filter((t) => t === tops[0]).length;
    if (width >= 2560) expect(perRow).toBe(4);
    // The tiles' area reaches the events column: no wide empty band on the right of the tiles.
    const grid = await page.getByTestId('group-ups').locator('> div').last().boundingBox();
    const events = await page.getByRole('complementary', { name: /Événements récents/ }).boundingBox().catch(() => null);
    if (grid && events && events.x > grid.x) expect(events.x - (grid.x + grid.width)).toBeLessThan(40);
    const cut = await page.locator('a[data-testid^="tile-"] [title]').evaluateAll((els) =>
      (els as unknown as El[])
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map((e) => e.textContent ?? ''),
    );
    expect(cut.filter((n) => n.length <= 40), 'names of up to 40 characters are shown whole').toEqual([]);
    const cutFigures = await page.getByTestId('key-figure').evaluateAll((els) =>
      (els as unknown as El[]).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''),
    );
    expect(cutFigures, 'key figures are shown whole').toEqual([]);
    await look(page, `admin-16-dashboard-${width}`);
  });
}

test('item 16: a new page opens at its top, not at the previous page scroll position', async ({ page, fake }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { open } = await fake();
  await open('#/');
  await page.mouse.wheel(0, 3000);
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as Win).scrollY)).toBeGreaterThan(300);
  const tile = page.locator('a[data-testid^="tile-"]').last();
  await tile.click();
  await expect(page.getByTestId('device-page')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as Win).scrollY)).toBe(0);
});

test('item 16: the VM table fits 1440 px with ESX server and Tools, a sticky name and a column chooser', async ({ page, fake }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { open } = await fake();
  await open('#/');
  await page.getByTestId('group-vmware').locator('a[data-testid^="tile-"]', { hasText: 'vCenter' }).first().click();
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'vsphere');
  const table = page.getByRole('table', { name: 'Virtual machines' });
  await expect(table).toBeVisible();
  const headers = table.locator('thead th');
  await expect(headers.filter({ hasText: 'ESX server' })).toBeVisible();
  await expect(headers.filter({ hasText: 'VMware Tools' })).toBeVisible();
  await expect(table.locator('tbody td').nth(3)).not.toHaveText(/^tools[A-Z]/);
  // The whole table inside its section: nothing hidden to the right, no sideways scrolling.
  const section = page.getByRole('region', { name: 'Virtual machines' });
  const tableBox = await table.boundingBox();
  const sectionBox = await section.boundingBox();
  expect(tableBox && sectionBox && tableBox.x + tableBox.width <= sectionBox.x + sectionBox.width).toBe(true);
  expect(await table.locator('tbody tr td').first().evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).position)).toBe('sticky');
  await look(page, 'admin-16-vm-table-1440');

  await section.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Allocated CPU' }).check();
  await expect(headers.filter({ hasText: 'Allocated CPU' })).toBeVisible();
});

// Screens to look at (issue 17: 1366×768 and 2560×1440, light and dark, English and French).
for (const [width, height] of [
  [1366, 768],
  [2560, 1440],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const language of ['en', 'fr'] as const) {
      test(`look: dashboard and vCenter page at ${width}, ${theme}, ${language}`, async ({ page, fake }) => {
        await page.setViewportSize({ width, height });
        const { open } = await fake({ theme, language });
        await open('#/');
        await expect(page.locator('a[data-testid^="tile-"]').first()).toBeVisible();
        await look(page, `admin-dashboard-${width}-${theme}-${language}`);
        await page.getByTestId('group-vmware').locator('a[data-testid^="tile-"]', { hasText: 'vCenter' }).first().click();
        await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'vsphere');
        await expect(page.getByTestId('uptime-table')).toBeVisible();
        await look(page, `admin-vcenter-${width}-${theme}-${language}`);
      });
    }
  }
}
