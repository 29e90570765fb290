/**
 * Issue 16 item 3 on the ESXi SNMP page, and two defects of the simulated vCenter page:
 *  - an agent with ENTITY-SENSOR-MIB (the shared ESXi recording + sensor rows, built in a temp dir) shows its
 *    sensors, the non-ok one as a problem;
 *  - an agent without it (the shared recording) whose host a monitored vCenter manages shows the vSphere
 *    health system's sensors, saying which vCenter they come from;
 *  - otherwise the page says the agent exposes no sensor MIB and how to get them;
 *  - the vCenter page shows no column of dashes (storage adapters without counters) and no uptime dashes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESXI_SNMPREC, esxiWithSensors } from '../test/helpers/esxi-sensor-recording';
import { startSnmpsim, type SnmpsimPeer } from '../test/helpers/snmpsim';
import { startVcsim, vcsimAvailable } from '../test/helpers/vcsim';
import { expect, test, type Page } from './fixtures';
import { look } from './support/look';
import { addTrustedVcenter } from './support/add-vcenter';
import { requirePeer } from './support/peer';
import { setUpAndSignIn } from './support/sign-in';

async function addEsxi(page: Page, name: string, port: number, community: string): Promise<void> {
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'Add device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByLabel('Host name or IP address').fill('127.0.0.1');
  await dialog.getByLabel('Port').fill(String(port));
  await dialog.getByLabel(/^Community/).fill(community);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-stage', 'ok', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

async function openTile(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const tile = page.getByTestId('group-vmware').getByRole('link', { name: new RegExp(name) });
  await expect(tile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 90_000 });
  await tile.click();
}

test('ESXi SNMP page: sensors from the agent, from the managing vCenter, or an empty state; vCenter page without dashes', async ({ page, vigie }) => {
  test.setTimeout(420_000);
  const available = vcsimAvailable();
  requirePeer('vCenter simulator', available.ok ? null : available.reason);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-esxi-'));
  const withSensors = esxiWithSensors(dir);
  let snmp: SnmpsimPeer | undefined;
  const vc = await startVcsim({ tls: true, cluster: 1, host: 3, standalone: 1, vm: 5, ds: 3, wave2: true });
  try {
    snmp = await startSnmpsim([withSensors, ESXI_SNMPREC]);
    const seeded = vc.wave2;
    if (!seeded) throw new Error('the simulator printed no wave2 seeds');
    await setUpAndSignIn(page, vigie.url);

    // The vCenter first, so that its hosts and sensors are known when the ESXi hosts are polled.
    await addTrustedVcenter(page, vc, 'vcsim');

    await openTile(page, 'vcsim');
    await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'vsphere');
    const adapters = page.getByRole('table', { name: 'Storage adapters', exact: true });
    await expect(adapters.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
    // The simulator has no adapter counters: the table lists the adapters, without four columns of dashes.
    await expect(adapters.getByRole('columnheader')).toHaveText(['Host', 'Adapter']);
    await expect(adapters).not.toContainText('—');
    const uptime = page.getByRole('region', { name: 'Availability and uptime' });
    await expect(uptime).toBeVisible();
    await expect(uptime).not.toContainText('—');
    await look(page, 'esxi-sensors-vcenter-page');

    // The agent answers ENTITY-SENSOR-MIB.
    await addEsxi(page, 'esx-agent', snmp.port, snmp.community(withSensors));
    // No sensor MIB, but named as the vCenter host whose sensors the simulator seeded.
    await addEsxi(page, seeded.sensorHost, snmp.port, snmp.community(ESXI_SNMPREC));
    // No sensor MIB, and no vCenter manages it.
    await addEsxi(page, 'esx-alone', snmp.port, snmp.community(ESXI_SNMPREC));

    await openTile(page, 'esx-agent');
    await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'esxi-snmp');
    const health = page.getByRole('region', { name: 'Hardware health', exact: true });
    await expect(health).toContainText('The host’s SNMP agent (ENTITY-SENSOR-MIB)');
    const sensors = page.getByRole('table', { name: 'Hardware sensors', exact: true });
    await expect(sensors.locator('tbody tr')).toHaveCount(4);
    await expect(sensors.locator('tbody tr', { hasText: 'Processor 1 CPU1 Temp' })).toContainText('91.5');
    await expect(sensors.locator('tbody tr', { hasText: 'Processor 1 CPU1 Temp' })).toContainText('°C');
    await expect(sensors.locator('tbody tr', { hasText: 'Fan Device 3 Fan 3' })).toContainText('RPM');
    await expect(sensors.locator('tbody tr', { hasText: 'Power Supply 1 PS1 Voltage' })).toContainText('12.1');
    // No current, power or frequency sensor here: those columns are left out.
    await expect(sensors.getByRole('columnheader', { name: 'Current' })).toHaveCount(0);
    await expect(page.getByTestId('problems').getByText('hardware sensor Processor 1 CPU1 Temp is nonoperational')).toBeVisible({ timeout: 30_000 });
    await look(page, 'esxi-sensors-agent');

    await openTile(page, seeded.sensorHost);
    await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'esxi-snmp');
    // Its first poll may have run before the vCenter's: poll again until the join shows.
    await expect
      .poll(
        async () => {
          if ((await health.textContent())?.includes('vcsim')) return true;
          await page.getByRole('button', { name: 'Poll now' }).click();
          return false;
        },
        { timeout: 90_000, intervals: [2000] },
      )
      .toBe(true);
    await expect(health).toContainText('The vCenter managing this host (vSphere health system)');
    const red = seeded.sensors.find((s) => s.status === 'red');
    if (!red) throw new Error('the simulator seeded no red sensor');
    await expect(sensors.locator('tbody tr', { hasText: red.name })).toContainText(String(red.reading));
    await expect(page.getByTestId('problems').getByText(`hardware sensor ${red.name} is red (from vCenter vcsim)`)).toBeVisible({ timeout: 30_000 });
    await look(page, 'esxi-sensors-from-vcenter');

    await openTile(page, 'esx-alone');
    await expect(health).toContainText('None: the host’s SNMP agent exposes no sensor MIB. Add the vCenter that manages this host to Vigie');
    await expect(sensors).toHaveCount(0);
    await look(page, 'esxi-sensors-none');

    // French: the empty state and, on the host the vCenter manages, the source and the sensor types.
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    const sante = page.getByRole('region', { name: 'Santé matérielle', exact: true });
    await expect(sante).toContainText('Aucun : l’agent SNMP de l’hôte n’expose aucune MIB de capteurs.');
    await look(page, 'esxi-sensors-none-fr');
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByTestId('group-vmware').getByRole('link', { name: new RegExp(seeded.sensorHost) }).click();
    await expect(sante).toContainText('Le vCenter qui gère cet hôte (système de santé vSphere)');
    const capteurs = page.getByRole('table', { name: 'Capteurs matériels', exact: true });
    await expect(capteurs.getByRole('columnheader', { name: 'Température' })).toBeVisible();
    await expect(capteurs.locator('tbody tr', { hasText: red.name })).toContainText('Température');
    await expect(capteurs.locator('tbody tr', { hasText: red.name })).toContainText(String(red.reading).replace('.', ','));
    await expect(page.getByTestId('problems').getByText(`capteur matériel ${red.name} : red (d’après le vCenter vcsim)`)).toBeVisible();
    await look(page, 'esxi-sensors-from-vcenter-fr');
    await page.getByRole('button', { name: 'Langue' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  } finally {
    await snmp?.stop();
    await vc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
