/**
 * Issue 16 item 3: the ESX/vCenter page shows each host's hardware sensors live, from the vSphere health
 * system. The simulator (-wave2) gives every host two green sensors and one host a yellow fan and a red CPU
 * temperature.
 */
import { startVcsim, vcsimAvailable } from '../test/helpers/vcsim';
import { expect, test } from './fixtures';
import { addTrustedVcenter } from './support/add-vcenter';
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
    await addTrustedVcenter(page, sim, 'vcsim');

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
