/**
 * The renderer on the fake core, second half: the devices form through every Test outcome (field errors from
 * the core, a vCenter's certificate), import report and export, the events / alerts / reports / settings
 * pages, and the command palette. Screenshots: e2e/screenshots/fake-*.png.
 */
import { FAKE_CERT } from './fake/scripted-test';
import { expect, test } from './fixtures';
import { look } from './support/look';

test('add an SNMP device: every Test outcome, then save', async ({ page, fake }) => {
  const { open, core } = await fake();
  await open('#/devices');
  await page.getByRole('button', { name: 'Add device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('core-sw-01');
  await dialog.getByLabel('Host name or IP address').fill('timeout.example');
  await dialog.getByLabel(/^Community/).fill('public');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-stage', 'timeout');
  await expect(dialog.getByTestId('test-result')).toContainText('no answer (timeout)');
  await expect(dialog.getByTestId('test-result')).toContainText('within 2000 ms');
  await dialog.getByLabel('Host name or IP address').fill('10.0.0.9');
  await dialog.getByLabel(/^Community/).fill('wrong');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('test-result')).toContainText('wrong community');
  await dialog.getByLabel(/^Community/).fill('public');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-stage', 'ok');
  await expect(dialog.getByTestId('test-result')).toContainText('Linux 10.0.0.9');
  await look(page, 'fake-add-snmp-tested');
  // v3 fields appear with the version.
  await dialog.getByText('v3', { exact: true }).click();
  await expect(dialog.getByLabel('Authentication key')).toBeVisible();
  await expect(dialog.getByLabel('Privacy key')).toBeVisible();
  await dialog.getByText('v2c', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const added = [...core.devices.values()].find((d) => d.summary.name === 'core-sw-01');
  expect(added?.config.hasSecret).toBe(true);
  await open('#/');
  await expect(page.getByRole('link', { name: /core-sw-01/ })).toBeVisible();
});

test('form errors from the core mark their fields', async ({ page, fake }) => {
  const { open } = await fake();
  await open('#/devices?add=1');
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('x');
  await dialog.getByLabel('Host name or IP address').fill('not a host!');
  await dialog.getByLabel(/^Community/).fill('public');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByLabel('Host name or IP address')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('not a valid host name or IP address');
  await look(page, 'fake-add-invalid');
});

test('vCenter with a self-signed certificate: shown, trusted, tested again', async ({ page, fake }) => {
  const { open, core } = await fake();
  await open('#/devices?add=1');
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByText('vSphere', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('vcenter-lab');
  await dialog.getByLabel('Host name or IP address').fill('vcenter.lab.local');
  await dialog.getByLabel(/^User/).fill('monitor@vsphere.local');
  await dialog.getByLabel(/^Password/).fill('s3cret');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-stage', 'tls-untrusted');
  await expect(dialog.getByTestId('cert-fingerprint')).toHaveText(FAKE_CERT.fingerprint);
  await expect(dialog.getByTestId('certificate')).toContainText('CN=vcenter.lab.local');
  await look(page, 'fake-vcenter-untrusted');
  await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-stage', 'ok');
  await expect(dialog.getByTestId('pinned-fingerprint')).toHaveText(FAKE_CERT.fingerprint);
  const tests = core.calls.filter((c) => c.channel === 'devices:test');
  expect(JSON.stringify(tests.at(-1)?.payload)).toContain(FAKE_CERT.fingerprint);
  await look(page, 'fake-vcenter-trusted');
});

test('import reports rejected rows; export downloads', async ({ page, fake }) => {
  const { open } = await fake();
  await open('#/devices');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import devices' });
  await dialog
    .getByLabel('Or paste the content')
    .fill('name,host,kind\nsw1,10.0.0.1,snmp\nbad-one,bad host,snmp\nsw2,10.0.0.2,snmp\n');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = dialog.getByTestId('import-report');
  await expect(report).toContainText('2 devices added, 1 rows rejected.');
  await expect(report.getByRole('table', { name: 'Rejected rows' })).toContainText('bad-one');
  await expect(report.getByRole('table', { name: 'Rejected rows' })).toContainText(
    'host: not a valid host name or IP address',
  );
  await look(page, 'fake-import-report');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'JSON' }).click();
  expect((await download).suggestedFilename()).toBe('vigie-devices.json');
});

test('events, alerts, reports and settings pages', async ({ page, fake }) => {
  const { open, core } = await fake();
  await open('#/events');
  await expect(page.getByTestId('events-list').locator('[data-severity]')).toHaveCount(60);
  await page.getByLabel('Text').fill('trap from');
  await expect(page.getByTestId('events-list').locator('[data-severity]')).toHaveCount(1);
  core.appendEvent({
    at: Date.now(),
    deviceId: null,
    deviceName: null,
    severity: 'warning',
    kind: 'trap',
    message: 'another trap from 10.0.0.5',
  });
  await expect(page.getByTestId('events-list')).toContainText('another trap from 10.0.0.5');
  await look(page, 'fake-events');
  await open('#/alerts');
  const failing = [...core.devices.values()].filter((d) => d.summary.state !== 'ok').length;
  // One failing check per failing fake device: one problem line each (issue 14's Alerts page).
  await expect(page.getByTestId('alerts-list').getByTestId('problem')).toHaveCount(failing);
  await look(page, 'fake-alerts');
  await open('#/reports');
  await expect(page.getByTestId('profiles-empty')).toBeVisible();
  await open('#/settings');
  await expect(page.getByTestId('secrets-backend')).toContainText('Encrypted file');
  await page.getByLabel('New token').fill('0123456789abcdef0123');
  await page.getByRole('button', { name: 'Set token' }).click();
  await expect(page.getByTestId('token-status')).toHaveText('set');
  await look(page, 'fake-settings');
});

test('command palette: Ctrl+K, a device by name', async ({ page, fake }) => {
  const { open } = await fake();
  await open();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: /Go to a page or a device/ });
  await expect(search).toBeFocused();
  await search.fill('This comp');
  await look(page, 'fake-palette');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/device\/this-computer$/);
});
