/**
 * Issue 16 item 3: the ESX/vCenter page shows each host's hardware sensors live, from the vSphere health
 * system. The simulator (-wave2) gives every host two green sensors and one host a yellow fan and a red CPU
 * temperature.
 */
import { startVcsim, vcsimAvailable } from '../test/helpers/vcsim';
import { expect, test } from './fixtures';
import { requirePeer } from './support/peer';
import { setUpAndSignIn } from './support/sign-in';

test('the vCenter page lists host hardware sensors with reading, unit and state', async ({ page, vigie }) => {
  test.setTimeout(300_000);
  const available = vcsimAvailable();
  requirePeer('vCenter simulator', available.ok ? null : available.reason);
  const sim = await startVcsim({ tls: true, cluster: 1, host: 3, standalone: 1, vm: 5, ds: 3, wave2: true });
  try {
    const seeded = sim.wave2;
    if (!seeded) throw new Error('the simulator printed no wave2 seeds');
    await setUpAndSignIn(page, vigie.url);
    await page.getByRole('link', { name: 'Devices' }).click();
    await page.getByRole('button', { name: 'Add device' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a device' });
    await dialog.getByText('vSphere', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('vcsim');
    await dialog.getByLabel('Host name or IP address').fill(sim.host);
    await dialog.getByLabel('Port').fill(String(sim.port));
    await dialog.getByLabel(/^User/).fill(sim.user);
    await dialog.getByLabel(/^Password/).fill(sim.password);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const result = dialog.getByTestId('test-result');
    await expect(result).toHaveAttribute('data-stage', 'tls-untrusted', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(result).toHaveAttribute('data-stage', 'ok', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    const tile = page.getByTestId('group-vmware').getByRole('link', { name: /vcsim/ });
    await expect(tile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 90_000 });
    await tile.click();
    await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'vsphere');
    const sensors = page.getByRole('table', { name: 'Hardware sensors', exact: true });
    // Two per host, three on the seeded one.
    await expect.poll(() => sensors.locator('tbody tr').count(), { timeout: 60_000 }).toBe(2 * (sim.counts.hosts - 1) + 3);
    const red = sensors.locator('tbody tr', { hasText: 'CPU 1 Temp' });
    await expect(red).toContainText(seeded.sensorHost);
    await expect(red).toContainText('95.5');
    await expect(red).toContainText('Degrees C');
    await expect(sensors.locator('tbody tr', { hasText: 'Fan 3 Speed' })).toContainText('RPM');
  } finally {
    await sim.stop();
  }
});
