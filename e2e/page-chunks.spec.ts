/**
 * Issue 18 item 6: pages arrive as chunks of their own. The dashboard opens without any page's chunk; a page
 * whose chunk cannot be fetched (server gone, files replaced by an upgrade) shows a message with Reload in
 * the page area, the shell still usable, in English and French; Reload then opens the page.
 */
import { expect, test, type Page } from './fixtures';
import { look } from './support/look';

const PAGE_CHUNK = /\/assets\/device-page-[^/]*\.js$/;

function assetRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/')) seen.push(path);
  });
  return seen;
}

for (const language of ['en', 'fr'] as const) {
  const text =
    language === 'en'
      ? { failed: 'This page could not be loaded', reload: 'Reload' }
      : { failed: 'Cette page n’a pas pu être chargée', reload: 'Recharger' };

  test(`a device page whose chunk fails shows Reload, not a white screen (${language})`, async ({ page, fake }) => {
    const { open, core } = await fake({ language });
    const requested = assetRequests(page);
    await open('#/');
    await expect(page.locator('a[data-testid^="tile-"]').first()).toBeVisible();
    expect(requested.filter((p) => PAGE_CHUNK.test(p))).toEqual([]);

    await page.route(PAGE_CHUNK, (route) => route.abort('connectionrefused'));
    const id = [...core.devices.keys()][0] ?? '';
    await page.goto(`${new URL(page.url()).origin}/#/device/${encodeURIComponent(id)}`);
    const failed = page.getByTestId('page-load-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toContainText(text.failed);
    // The shell stays: navigation still leads to a page that loads.
    await expect(page.getByRole('navigation', { name: /navigation/i })).toBeVisible();
    await look(page, `page-chunk-failed-${language}`);

    await page.unroute(PAGE_CHUNK);
    await failed.getByRole('button', { name: text.reload }).click();
    await expect(page.getByTestId('device-page')).toBeVisible();
    await expect(page.getByTestId('page-load-failed')).toHaveCount(0);
  });
}

test('leaving a page that failed to load clears the message', async ({ page, fake }) => {
  const { open } = await fake();
  await open('#/');
  await page.route(/\/assets\/settings-page-[^/]*\.js$/, (route) => route.abort('connectionrefused'));
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await expect(page.getByTestId('page-load-failed')).toBeVisible();
  await page.getByRole('link', { name: 'Events' }).first().click();
  await expect(page.getByRole('heading', { name: 'Events' }).first()).toBeVisible();
  await expect(page.getByTestId('page-load-failed')).toHaveCount(0);
});
