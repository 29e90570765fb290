/**
 * A vCenter added from the UI against VMware's simulator over TLS with a self-signed certificate: the
 * certificate is shown, trusted, and the VMware tile and the ESX page with its VM table appear.
 */
import { startVcsim, vcsimAvailable } from '../test/helpers/vcsim';
import { expect, test } from './fixtures';
import { fillVcenterForm } from './support/add-vcenter';
import { look } from './support/look';
import { requirePeer } from './support/peer';
import { setUpAndSignIn } from './support/sign-in';

test('add a vCenter, trust its certificate, see the tile and the VM table', async ({ page, vigie }) => {
  test.setTimeout(300_000);
  const available = vcsimAvailable();
  requirePeer('vCenter simulator', available.ok ? null : available.reason);
  const sim = await startVcsim({ tls: true, cluster: 1, host: 2, vm: 3, hostileName: true });
  try {
    await setUpAndSignIn(page, vigie.url);
    const dialog = await fillVcenterForm(page, sim, 'vcsim');
    const result = dialog.getByTestId('test-result');
    await expect(result).toHaveAttribute('data-stage', 'tls-untrusted', { timeout: 60_000 });
    await expect(dialog.getByTestId('cert-fingerprint')).toHaveText(sim.fingerprint.toUpperCase());
    await look(page, 'vmware-untrusted');
    await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(result).toHaveAttribute('data-stage', 'ok', { timeout: 60_000 });
    await expect(dialog.getByTestId('pinned-fingerprint')).toHaveText(sim.fingerprint.toUpperCase());
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    const tile = page.getByTestId('group-vmware').getByRole('link', { name: /vcsim/ });
    await expect(tile).toBeVisible();
    await expect(tile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 90_000 });
    await look(page, 'vmware-dashboard');
    await tile.click();
    await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'vsphere');
    const vms = page.getByRole('table', { name: 'Virtual machines', exact: true });
    // Templates may or may not be listed as VMs; every real VM must be.
    await expect
      .poll(() => vms.locator('tbody tr').count(), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(sim.counts.vms - sim.counts.templates);
    if (sim.scenario.hostileVm) await expect(vms).toContainText(sim.scenario.hostileVm);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await look(page, 'vmware-page');
  } finally {
    await sim.stop();
  }
});
