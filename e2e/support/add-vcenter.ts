import { expect, type Locator, type Page } from '@playwright/test';

type Sim = { host: string; port: number; user: string; password: string };

/** Opens the device form, fills a vSphere device for the simulator and asks Test connection; returns the dialog. */
export async function fillVcenterForm(page: Page, sim: Sim, name: string): Promise<Locator> {
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'Add device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByText('vSphere', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByLabel('Host name or IP address').fill(sim.host);
  await dialog.getByLabel('Port').fill(String(sim.port));
  await dialog.getByLabel(/^User/).fill(sim.user);
  await dialog.getByLabel(/^Password/).fill(sim.password);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  return dialog;
}

/**
 * Adds a vCenter through the device form as an administrator does: Test connection meets the simulator's
 * self-signed certificate, which is trusted, then Add. vmware.spec.ts walks the same path with its own
 * assertions on the fingerprint; the specs that only need a vCenter in place use this.
 */
export async function addTrustedVcenter(page: Page, sim: Sim, name: string): Promise<void> {
  const dialog = await fillVcenterForm(page, sim, name);
  const result = dialog.getByTestId('test-result');
  await expect(result).toHaveAttribute('data-stage', 'tls-untrusted', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(result).toHaveAttribute('data-stage', 'ok', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}
