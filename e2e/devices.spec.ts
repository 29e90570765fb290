/**
 * Adding SNMP devices from the UI against real recordings served by snmpsimd: Test connection detects the
 * family, the tile appears, and the NetApp and host pages show what the recording holds.
 */
import { join } from 'node:path';
import { startSnmpsim, type SnmpsimPeer } from '../test/helpers/snmpsim';
import { expect, test, type Page } from './fixtures';
import { look } from './support/look';
import { SHARED_SNMPREC } from './support/paths';
import { setUpAndSignIn } from './support/sign-in';

const NETAPP = join(SHARED_SNMPREC, 'netapp-7mode-fas3270.snmprec');
const LINUX = join(SHARED_SNMPREC, 'linux-netsnmp.snmprec');

let sim: SnmpsimPeer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  sim = await startSnmpsim([NETAPP, LINUX]);
});
test.afterAll(async () => {
  await sim?.stop();
});

async function addSnmpDevice(
  page: Page,
  name: string,
  community: string,
  expectFamily: RegExp,
): Promise<void> {
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'Add device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByLabel('Host name or IP address').fill('127.0.0.1');
  await dialog.getByLabel('Port').fill(String(sim.port));
  await dialog.getByLabel(/^Community/).fill('wrong-community');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  // snmpsim does not answer an unknown community: the test must say what failed, not just "error".
  const result = dialog.getByTestId('test-result');
  await expect(result).not.toHaveAttribute('data-stage', 'ok', { timeout: 30_000 });
  await expect(result).toHaveAttribute('data-stage', /community|timeout/);
  await dialog.getByLabel(/^Community/).fill(community);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toHaveAttribute('data-stage', 'ok', { timeout: 30_000 });
  await expect(dialog.getByTestId('detected-family')).toHaveText(expectFamily);
  await look(page, `devices-test-${name}`);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('add NetApp and Linux devices with Test connection, see tiles and pages', async ({ page, vigie }) => {
  test.setTimeout(240_000);
  await setUpAndSignIn(page, vigie.url);
  await addSnmpDevice(page, 'fas3270', sim.community(NETAPP), /NetApp/);
  await addSnmpDevice(page, 'linux-host', sim.community(LINUX), /Linux/);
  await look(page, 'devices-list');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const netappTile = page.getByTestId('group-storage').getByRole('link', { name: /fas3270/ });
  const linuxTile = page.getByTestId('group-servers').getByRole('link', { name: /linux-host/ });
  // Until its first poll detects the family, a device sits in a generic group; the tile moves when it lands.
  await expect(netappTile).toBeVisible({ timeout: 90_000 });
  await expect(linuxTile).toBeVisible({ timeout: 90_000 });
  // The first poll lands on its own: the tiles get their figure without reload.
  await expect(netappTile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 60_000 });
  await expect(linuxTile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 60_000 });
  await look(page, 'devices-dashboard');

  await netappTile.click();
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'netapp');
  await expect(
    page.getByRole('table', { name: 'Volumes', exact: true }).locator('tbody tr').first(),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Aggregates', exact: true }).locator('tbody tr').first(),
  ).toBeVisible();
  await look(page, 'devices-netapp-page');

  await page.goBack();
  await linuxTile.click();
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'linux');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('%');
  await look(page, 'devices-linux-page');
});
