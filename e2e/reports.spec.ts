/**
 * The daily report from the console against a real `vigie serve` and VMware's simulator: a profile made in
 * the editor, Run now with its progress bars to the end, the preview (seeded findings, a hostile VM name as
 * text), PDF and CSV downloads, French labels, and screenshots at 1366×768 and 1440 wide, light and dark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startVcsim, vcsimAvailable } from '../test/helpers/vcsim';
import { HOSTILE } from './fake/random';
import { expect, test, type Page } from './fixtures';
import { look } from './support/look';
import { SCREENSHOTS } from './support/paths';
import { requirePeer } from './support/peer';
import { setUpAndSignIn } from './support/sign-in';

/** Adds the vCenter through the console's own API call (the form and its certificate step are vmware.spec's). */
async function addVcenter(page: Page, sim: { host: string; port: number; user: string; password: string; fingerprint: string }): Promise<string> {
  const answer = await page.evaluate(async (body) => {
    const r = await fetch('/api/call/devices:add', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await r.json()) as { ok: boolean; result?: { id: string }; error?: unknown };
  }, {
    name: 'vcsim',
    kind: 'vsphere',
    host: sim.host,
    port: sim.port,
    intervalSeconds: 300,
    vsphere: { user: sim.user, tlsFingerprint: sim.fingerprint.toUpperCase() },
    secret: { password: sim.password },
  });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.result!.id;
}

// An action that cannot find its target fails in reasonable time instead of waiting for the whole test.
test.use({ actionTimeout: 30_000 });

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

async function pickSetting(page: Page, group: RegExp, option: string): Promise<void> {
  await page.getByRole('link', { name: /^(Settings|Paramètres)$/ }).click();
  await page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
}

test('make a profile, run it, watch the progress, read the preview, download PDF and CSV', async ({ page, vigie }) => {
  test.setTimeout(400_000);
  const available = vcsimAvailable();
  requirePeer('vCenter simulator', available.ok ? null : available.reason);
  const sim = await startVcsim({
    tls: true,
    cluster: 1,
    host: 2,
    vm: 3,
    hostileName: true,
    // Every running VM but the first gets an old snapshot (the counts clamp), the hostile one (the last
    // running VM) included, so its name is in a finding; the first lacks VMware Tools.
    noTools: 1,
    snapshots: 100,
    oldSnapshots: 100,
    lowDatastore: true,
    maintenance: 1,
  });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await setUpAndSignIn(page, vigie.url);
    await addVcenter(page, sim);

    await page.getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByTestId('profiles-empty')).toBeVisible();
    await expect(page.getByTestId('history-empty')).toBeVisible();
    await look(page, 'reports-empty');

    // The editor: the vCenter of the inventory is offered (and picked, being the only one), checks come
    // from the core with their thresholds written into their titles.
    await page.getByRole('button', { name: 'New profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'New report profile' });
    await dialog.getByLabel('Profile name').fill('Daily check');
    await expect(dialog.getByText(`vcsim (${sim.host})`)).toBeVisible();
    await dialog.getByRole('button', { name: /^Snapshots older than 14 days/ }).click();
    const snapshots = dialog.getByTestId('check-snapshots-old');
    await expect(snapshots.getByRole('switch', { name: 'Include this check' })).toBeChecked();
    await expect(snapshots.getByRole('textbox', { name: 'Days', exact: true })).toHaveValue('14');
    const excluded = dialog.getByRole('group', { name: 'Exclusions' }).getByRole('combobox', { name: 'Excluded VMs', exact: true });
    await excluded.fill('no-such-vm-*');
    await excluded.press('Enter');
    await look(page, 'reports-editor');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('profile-Daily check')).toContainText('vcsim');

    // Run now: a bar per vCenter and step, all full when the run is done.
    await page.getByRole('button', { name: 'Run now: Daily check' }).click();
    const progress = page.getByRole('region', { name: 'Progress' });
    await expect(progress.getByRole('progressbar', { name: 'vcsim: Connect' })).toBeAttached();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
    for (const step of ['Connect', 'Inventory', 'Events', 'Performance', 'Checks'])
      await expect(progress.getByRole('progressbar', { name: `vcsim: ${step}` })).toHaveAttribute('aria-valuenow', '100');
    await expect(progress.getByRole('progressbar', { name: 'Whole report: Render' })).toHaveAttribute('aria-valuenow', '100');

    // The new report opens in the preview, in a sandboxed frame; the seeded findings are in it and the
    // hostile VM name is text, not markup.
    const frame = page.frameLocator('[data-testid="report-frame"]');
    const body = frame.locator('body');
    await expect(page.getByTestId('report-frame')).toHaveAttribute('sandbox', '');
    // The scenario names VMs before the hostile rename, which takes the last running VM (the last with an
    // old snapshot here).
    const oldSnapshots = [...sim.scenario.oldSnapshotVms.slice(0, -1), sim.scenario.hostileVm];
    expect(oldSnapshots.length).toBeGreaterThan(1);
    for (const vm of [...oldSnapshots, ...sim.scenario.noToolsVms]) await expect(body).toContainText(vm);
    if (sim.scenario.lowDatastore) await expect(body).toContainText(sim.scenario.lowDatastore);
    for (const host of sim.scenario.maintenanceHosts) await expect(body).toContainText(host);
    expect(sim.scenario.hostileVm).not.toBe('');
    await expect(body).toContainText(sim.scenario.hostileVm);
    await expect(frame.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('button')).toHaveCount(1);
    await expect(history.getByRole('button').first()).toHaveAttribute('aria-current', 'true');
    // The preview sits below the fold at this size, and a full-page capture leaves a frame outside the
    // viewport unpainted: the page as a whole, then the screen the user sees once scrolled to the preview.
    await look(page, 'reports-done-1366');
    await page.getByTestId('report-frame').scrollIntoViewIfNeeded();
    // A cross-origin (sandboxed) frame that was off screen is throttled: let it paint before the capture.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-preview-1366.png'), animations: 'disabled' });

    const pdf = await download(page, 'Download PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = await download(page, 'Download CSV');
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const header = (text.split(/\r?\n/)[0] ?? '').split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
    expect(header.slice(0, 6)).toEqual(['check', 'status', 'message', 'vcenter', 'severity', 'isNew']);
    expect(header).toEqual(expect.arrayContaining(['vm', 'name', 'daysOld', 'creator', 'datastore', 'percentFree']));
    expect(text).toContain('snapshots-old');
    for (const vm of oldSnapshots.slice(0, -1)) expect(text).toContain(vm);

    // Dark, 1440 wide.
    await page.setViewportSize({ width: 1440, height: 900 });
    await pickSetting(page, /^Theme$/, 'Dark');
    await page.getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByTestId('report-frame')).toBeVisible();
    await look(page, 'reports-done-1440-dark');

    // French: the chrome of the page follows; the report keeps the language of its profile.
    await pickSetting(page, /^Theme$/, 'Light');
    await pickSetting(page, /^Language$/, 'Français');
    await page.getByRole('link', { name: 'Rapports' }).click();
    await expect(page.getByRole('heading', { name: 'Profils' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Historique' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lancer : Daily check' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Télécharger PDF' })).toBeVisible();
    await look(page, 'reports-fr-1440');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Modifier Daily check' }).click();
    const edit = page.getByRole('dialog', { name: 'Modifier le profil de rapport' });
    await expect(edit.getByLabel('Nom du profil')).toHaveValue('Daily check');
    await expect(edit.getByRole('button', { name: /^Snapshots de plus de 14 jours/ })).toBeVisible();
    await look(page, 'reports-fr-editor-1366');
  } finally {
    await sim.stop();
  }
});

test('cancel a run, then run again and reopen it from the history (fake core)', async ({ page, fake }) => {
  // One second between progress events: Cancel is pressed while the run is surely still going.
  const { core, open } = await fake({ reportStepMs: 1000 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await open('#/reports');
  await page.getByRole('button', { name: 'New profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'New report profile' });
  await dialog.getByLabel('Profile name').fill('Nightly');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Run now: Nightly' }).click();
  const state = page.getByTestId('run-state');
  await expect(state).toHaveAttribute('data-state', 'running');
  await expect(page.getByRole('button', { name: 'Run now: Nightly' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel the run' }).click();
  await expect(state).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
  expect(core.calls.some((c) => c.channel === 'reports:cancel')).toBe(true);
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await look(page, 'reports-fake-cancelled');

  await page.getByRole('button', { name: 'Run now: Nightly' }).click();
  await expect(state).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('button')).toHaveCount(1);
  const body = page.frameLocator('[data-testid="report-frame"]').locator('body');
  await expect(body).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
