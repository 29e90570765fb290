/**
 * Issue 14's walkthrough against a real `vigie serve` and its alerting engine: lower a "This computer"
 * threshold in the rule editor, see the preview, the tile turn, the event and the in-page notification;
 * acknowledge; a maintenance window covers it; French labels. Screenshots: e2e/screenshots/alerting-serve-*.png.
 */
import { expect, test } from './fixtures';
import { look } from './support/look';
import { setUpAndSignIn } from './support/sign-in';

test('a lowered threshold: preview, tile, event, notification, acknowledgement, maintenance, French', async ({ page, vigie }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpAndSignIn(page, vigie.url);
  const tile = page.getByTestId('group-workstation').locator('a[data-testid^="tile-"]').first();
  await expect(tile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 45_000 });
  const tileId = (await tile.getAttribute('data-testid'))?.replace(/^tile-/, '') ?? '';
  expect(tileId).not.toBe('');

  await page.goto(`${vigie.url}/#/rules?device=${encodeURIComponent(tileId)}`);
  const rule = page.locator('[data-testid="rule"][data-rule="cpu"]');
  await expect(rule).toHaveAttribute('data-source', 'default');
  await rule.getByRole('button', { name: /CPU/ }).click();
  // Below any CPU reading, without a duration: the next poll breaches it.
  await rule.getByRole('textbox', { name: 'Warning (>)' }).fill('-1');
  await rule.getByRole('textbox', { name: 'For (minutes)' }).fill('0');
  const preview = rule.getByTestId('preview');
  await expect(preview.locator('[data-state="warning"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(preview).not.toHaveAttribute('data-firings', '0');
  await rule.getByRole('button', { name: 'Save for this device' }).click();
  await expect(rule).toHaveAttribute('data-source', 'device');
  await look(page, 'alerting-serve-rule');

  // The in-page notification of the state change, then the tile and the event.
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: /This computer/ }).first()).toBeVisible({ timeout: 60_000 });
  await page.goto(`${vigie.url}/#/`);
  await expect(tile).toHaveAttribute('data-state', 'warning', { timeout: 60_000 });
  await page.goto(`${vigie.url}/#/events?device=${encodeURIComponent(tileId)}`);
  await expect(page.getByTestId('events-list').locator('[data-severity="warning"]').first()).toBeVisible({ timeout: 30_000 });

  await page.goto(`${vigie.url}/#/alerts`);
  const problem = page.locator(`[data-testid="problem-device"][data-device="${tileId}"] [data-testid="problem"][data-check*="cpu"]`);
  await expect(problem).toBeVisible({ timeout: 30_000 });
  await problem.getByRole('button', { name: 'Acknowledge' }).click();
  const dialog = page.getByRole('dialog', { name: 'Acknowledge a problem' });
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Threshold lowered on purpose by the e2e test');
  await dialog.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(problem).toHaveAttribute('data-acknowledged', 'true');
  await expect(problem.getByTestId('ack-comment')).toContainText('Threshold lowered on purpose');

  await page.goto(`${vigie.url}/#/maintenance`);
  await page.getByRole('button', { name: 'New window' }).click();
  const win = page.getByRole('dialog', { name: 'New window' });
  await win.getByRole('textbox', { name: 'Name' }).fill('e2e maintenance');
  await win.getByRole('combobox', { name: 'Devices' }).fill('This comp');
  await page.getByRole('option', { name: 'This computer' }).click();
  // datetime-local values are in the browser's time zone (Europe/Paris in the config), not the test's.
  const local = (ms: number): Promise<string> =>
    page.evaluate((at) => {
      const d = new Date(at);
      const p = (n: number): string => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, ms);
  await win.getByLabel('Start').fill(await local(Date.now() - 60_000));
  await win.getByLabel('End').fill(await local(Date.now() + 3_600_000));
  await win.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('maintenance-window')).toHaveCount(1);
  await page.goto(`${vigie.url}/#/alerts`);
  await expect(problem.getByTestId('badge-maintenance')).toBeVisible({ timeout: 30_000 });
  await look(page, 'alerting-serve-alerts');

  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(problem.getByTestId('badge-ack')).toHaveText('Acquitté');
  await expect(problem.getByTestId('badge-maintenance')).toHaveText('En maintenance');
  await expect(problem).toContainText(/Depuis le \d{2}\/\d{2}\/\d{4}/);
  await look(page, 'alerting-serve-alerts-fr');
});
