/**
 * The console against a real `vigie serve` with a fresh data folder: first-run password, sign out and in,
 * the "This computer" tile updating live, its page with a chart drawn from the store, French and back.
 */
import { expect, test } from './fixtures';
import { chartInk } from './support/chart-ink';
import { look } from './support/look';
import { logIn, setUpAndSignIn } from './support/sign-in';

test('first run, live tile, device page with data, French and back', async ({ page, vigie }) => {
  await setUpAndSignIn(page, vigie.url);
  await look(page, 'console-first-dashboard');

  // Sign out is a real form POST; the login page comes back and lets us in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page);

  const tile = page.getByTestId('group-workstation').locator('a[data-testid^="tile-"]').first();
  await expect(tile).toBeVisible();
  await expect(tile).toContainText('This computer');
  const figure = tile.getByTestId('key-figure');
  await expect(figure).toHaveText(/\d/, { timeout: 30_000 });
  const first = await figure.textContent();
  // "This computer" is polled every 10 s; the new figure must arrive over the event channel, without reload.
  const navigations: string[] = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
  await expect.poll(() => figure.textContent(), { timeout: 45_000, intervals: [1000] }).not.toBe(first);
  expect(navigations, 'the figure changed without reloading the page').toEqual([]);
  await look(page, 'console-dashboard');

  await tile.click();
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'this-computer');
  await expect(page.getByTestId('device-name')).toHaveText('This computer');
  const chart = page.getByTestId('chart').first();
  // A line needs two samples: wait for the next poll if the store has only one.
  await expect
    .poll(() => chart.getByTestId('chart-canvas').getAttribute('data-points').then(Number), {
      timeout: 45_000,
    })
    .toBeGreaterThan(1);
  // Few samples in a one-hour window make a short stroke: a handful of pixels in a line's colour is enough.
  // Any series: on a 2-core machine the cores' lines lie exactly over the total's and hide its colour.
  await expect.poll(() => chartInk(chart, 'any'), { timeout: 30_000 }).toBeGreaterThan(4);
  const avg = chart.getByTestId('chart-legend').locator('td[data-col="avg"]').first();
  await expect(avg).toHaveText(/\d/);
  await look(page, 'console-this-computer');

  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(page.getByRole('button', { name: 'Interroger maintenant' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
  await expect(avg).toHaveText(/\d/);
  await look(page, 'console-this-computer-fr');
  // The choice is a setting of the server: it survives a reload.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
  await page.getByRole('button', { name: 'Langue' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Poll now' })).toBeVisible();
});
