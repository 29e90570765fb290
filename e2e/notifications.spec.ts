/**
 * Issue 14 part 6 on the fake core: Settings → Notifications saves a mail and a webhook channel (English and
 * French), and a `notify:show` from the core appears in the page, as text, with a link to the device.
 * Screenshots: e2e/screenshots/notifications-*.png.
 */
import type { ChannelConfig } from '../src/shared/contract/alerting';
import type { FakeConsole, Page } from './fixtures';
import { expect, test } from './fixtures';
import { look } from './support/look';
import { setUpAndSignIn } from './support/sign-in';

interface Labels {
  section: string;
  addMail: string;
  addWebhook: string;
  to: string;
  window: string;
  url: string;
  language: string;
  save: string;
  saved: string;
  test: string;
}
const EN: Labels = {
  section: 'Notifications',
  addMail: 'Add a mail channel',
  addWebhook: 'Add a webhook',
  to: 'Recipients',
  window: 'Grouping window (seconds)',
  url: 'URL',
  language: 'Language of the messages',
  save: 'Save channels',
  saved: 'Notification channels saved',
  test: 'Test',
};
const FR: Labels = {
  section: 'Notifications',
  addMail: 'Ajouter un canal courriel',
  addWebhook: 'Ajouter un webhook',
  to: 'Destinataires',
  window: 'Fenêtre de regroupement (secondes)',
  url: 'URL',
  language: 'Langue des messages',
  save: 'Enregistrer les canaux',
  saved: 'Canaux de notification enregistrés',
  test: 'Tester',
};

function lastSaved(console: FakeConsole): ChannelConfig[] {
  const call = console.core.calls.filter((c) => c.channel === 'notifications:save').at(-1);
  return (call?.payload as { channels: ChannelConfig[] } | undefined)?.channels ?? [];
}

async function saveMailAndWebhook(page: Page, console: FakeConsole, l: Labels, shot: string): Promise<void> {
  await console.open('#/settings');
  const section = page.getByRole('region', { name: l.section, exact: true });
  await expect(section.getByTestId('channel-browser')).toBeVisible();
  await expect(section.getByTestId('channel-desktop')).toBeVisible();

  await section.getByRole('button', { name: l.addMail }).click();
  const mail = section.getByTestId('channel-mail-1');
  await mail.getByLabel(l.to).fill('ops@example.com, oncall@example.com');
  await mail.getByLabel(l.window).fill('60');

  await section.getByRole('button', { name: l.addWebhook }).click();
  const hook = section.getByTestId('channel-webhook-1');
  await hook.getByLabel(l.url, { exact: true }).fill('https://hooks.slack.com/services/T0/B0/secret');
  await hook.locator('label', { hasText: 'Français' }).click();

  await section.getByRole('button', { name: l.save }).click();
  await expect(page.getByText(l.saved)).toBeVisible();
  await expect.poll(() => lastSaved(console).map((c) => c.id)).toEqual(['browser', 'desktop', 'mail-1', 'webhook-1']);
  expect(lastSaved(console)[2]).toMatchObject({ type: 'mail', to: ['ops@example.com', 'oncall@example.com'], groupSeconds: 60 });
  expect(lastSaved(console)[3]).toMatchObject({ type: 'webhook', url: 'https://hooks.slack.com/services/T0/B0/secret', language: 'fr' });

  await mail.getByRole('button', { name: l.test, exact: true }).click();
  await expect(mail.getByTestId('channel-test-mail-1')).toHaveText('sent');
  await section.scrollIntoViewIfNeeded();
  await look(page, shot);
}

test('Notifications: a mail and a webhook channel are saved (English)', async ({ page, fake }) => {
  const console = await fake();
  await saveMailAndWebhook(page, console, EN, 'notifications-settings-en');
});

test('Notifications: a mail and a webhook channel are saved (French)', async ({ page, fake }) => {
  const console = await fake({ language: 'fr' });
  await saveMailAndWebhook(page, console, FR, 'notifications-settings-fr');
});

test('Notifications: an invalid recipient is refused before saving', async ({ page, fake }) => {
  const console = await fake();
  await console.open('#/settings');
  const section = page.getByRole('region', { name: 'Notifications', exact: true });
  await section.getByRole('button', { name: 'Add a mail channel' }).click();
  await section.getByTestId('channel-mail-1').getByLabel('Recipients').fill('not-an-address');
  await section.getByRole('button', { name: 'Save channels' }).click();
  await expect(section.getByTestId('channels-error')).toContainText('Channel mail-1: to.0');
  expect(console.core.calls.filter((c) => c.channel === 'notifications:save')).toHaveLength(0);
});

test('notify:show: an in-page notification, names shown as text, with a link that opens the device', async ({ page, fake }) => {
  const console = await fake();
  await console.open('#/');
  const device = [...console.core.devices.values()][0]!;
  // The live feed subscribes before it lists the devices: a drawn tile means the event would be heard.
  await expect(page.getByTestId(`tile-${device.summary.id}`)).toBeVisible();
  console.core.emit('notify:show', {
    title: 'CRITICAL <img src=x onerror=alert(1)>',
    body: `${device.summary.name} is CRITICAL: <b>no answer</b>`,
    severity: 'critical',
    deviceId: device.summary.id,
  });
  const shown = page.getByTestId('live-notification');
  await expect(shown).toBeVisible();
  await expect(shown).toContainText('CRITICAL <img src=x onerror=alert(1)>');
  await expect(shown).toContainText('is CRITICAL: <b>no answer</b>');
  await expect(shown.locator('img')).toHaveCount(0);
  await look(page, 'notifications-in-page');
  await shown.getByRole('link', { name: 'Open the device' }).click();
  await expect(page).toHaveURL(new RegExp(`#/devices?/${device.summary.id}`));
  await expect(page.getByTestId('device-page')).toBeVisible();
});

test('serve: the browser channel is there by default, Test shows an in-page notification, and the audit names the saved channel', async ({ page, vigie }) => {
  await setUpAndSignIn(page, vigie.url);
  await page.goto(`${vigie.url}/#/settings`);
  const section = page.getByRole('region', { name: 'Notifications', exact: true });
  const browser = section.getByTestId('channel-browser');
  await expect(browser).toBeVisible();
  await expect(section.getByTestId('channel-desktop')).toBeVisible();
  // Asked for only from the button, never at load.
  await expect(section.getByTestId('browser-permission')).toContainText('not asked yet');

  // The event socket may still be opening when the page is drawn: test again until the notification comes.
  const shown = page.getByTestId('live-notification').first();
  await expect(async () => {
    await browser.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(shown).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(browser.getByTestId('channel-test-browser')).toHaveText('Shown in every open browser');
  await expect(shown).toContainText('INFO Vigie');
  await expect(shown).toContainText('Test notification from Vigie (channel browser)');
  // The desktop channel does nothing under serve, and says so.
  const desktop = section.getByTestId('channel-desktop');
  await desktop.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(desktop.getByTestId('channel-test-desktop')).toHaveText('Desktop notifications exist only in the desktop app');

  await section.getByRole('button', { name: 'Add a webhook' }).click();
  await section.getByTestId('channel-webhook-1').getByLabel('URL', { exact: true }).fill('ftp://example.com/hook');
  await section.getByRole('button', { name: 'Save channels' }).click();
  await expect(section.getByTestId('channels-error')).toContainText('ftp: URLs are refused');
  await section.getByTestId('channel-webhook-1').getByLabel('URL', { exact: true }).fill('https://chat.example.com/hooks/abc?token=s3cret');
  await section.getByRole('button', { name: 'Save channels' }).click();
  await expect(page.getByText('Notification channels saved')).toBeVisible();
  await look(page, 'notifications-serve');

  await page.goto(`${vigie.url}/#/events`);
  await expect(page.getByText(/Notification channels saved \(added: webhook "webhook-1" → chat\.example\.com;/)).toBeVisible();
  await expect(page.getByText(/s3cret/)).toHaveCount(0);
});
