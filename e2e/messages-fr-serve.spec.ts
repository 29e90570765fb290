/**
 * Issue 14 item 9 against a real `vigie serve`: the tile's line and the audit events are recorded as codes
 * and read in the console's language, here French.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setUpAndSignIn } from './support/sign-in';

async function api<T>(page: Page, channel: string, body: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ channel, body }) => {
      const r = await fetch(`/api/call/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await r.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
    },
    { channel, body },
  );
  if (!answer.ok) throw new Error(`${channel}: ${answer.error?.message ?? 'failed'}`);
  return answer.result as T;
}

test('a French tile line and French audit events', async ({ page, vigie }) => {
  test.setTimeout(180_000);
  await setUpAndSignIn(page, vigie.url);
  const tile = page.getByTestId('group-workstation').locator('a[data-testid^="tile-"]').first();
  await expect(tile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 45_000 });
  const deviceId = (await tile.getAttribute('data-testid'))?.replace(/^tile-/, '') ?? '';
  expect(deviceId).not.toBe('');

  await api(page, 'settings:update', { language: 'fr' });
  // Below any CPU reading and without a duration: the next poll breaches it.
  await api(page, 'alerts:save-override', { override: { ruleId: 'cpu', family: 'this-computer', deviceId, warning: -1, forSeconds: 0 } });
  await api(page, 'devices:poll', { id: deviceId });
  await page.reload();

  await expect(tile).toHaveAttribute('data-state', 'warning', { timeout: 60_000 });
  await expect(tile.getByTestId('tile-message')).toHaveText(/^Utilisation CPU : \S+\s?% > -1\s?%$/, { timeout: 30_000 });

  await page.goto(`${vigie.url}/#/events`);
  const audit = page.getByTestId('events-list').locator('[data-kind="audit"]');
  await expect(audit.filter({ hasText: /^.*Règle d’alerte cpu ajustée pour l’équipement This computer \(seuil d’avertissement, délai\) \(par connexion web depuis/ }).first()).toBeVisible({ timeout: 30_000 });
  await expect(audit.filter({ hasText: /Réglages modifiés : langue français \(par connexion web depuis/ }).first()).toBeVisible();
  await expect(audit.filter({ hasText: /Alert rule|Settings changed/ })).toHaveCount(0);
});
