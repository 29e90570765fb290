/**
 * Issue 14 items 2, 7, 8 and 9 on the renderer, over the fake core (its alerting is `fake/fake-alerting.ts`):
 * the Alerts page, the rule editor with its preview, maintenance windows and the Events page, EN and FR.
 * Screenshots: e2e/screenshots/alerts-*.png at 1366×768 and 2560×1440.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { look } from './support/look';

interface El {
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
}

/** Every state badge on the page reads whole: its text is not wider than its box (item 8: "CRI…"). */
async function badgesWhole(page: Page): Promise<string[]> {
  return page.locator('.mantine-Badge-root[data-state]').evaluateAll((els) =>
    (els as unknown as (El & { firstElementChild: El | null })[])
      .map((e) => e.firstElementChild ?? e)
      .filter((label) => label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent ?? ''),
  );
}

for (const [width, height] of [
  [1366, 768],
  [2560, 1440],
] as const) {
  test(`Alerts page at ${width} px: problems by severity, acknowledge with a comment, silence, incident`, async ({ page, fake }) => {
    await page.setViewportSize({ width, height });
    const { open, core } = await fake();
    await open('#/alerts');
    const failing = [...core.devices.values()].filter((d) => d.summary.state !== 'ok');
    const list = page.getByTestId('alerts-list');
    await expect(list.getByTestId('problem')).toHaveCount(failing.length);
    // Worst first: the first severity group is critical.
    await expect(list.locator('[data-severity-group]').first()).toHaveAttribute('data-severity-group', 'critical');
    expect(core.calls.filter((c) => c.channel === 'devices:get')).toHaveLength(0);
    await expect(page.getByTestId('incidents').getByTestId('incident')).toHaveCount(1);
    await expect(list.getByTestId('badge-flapping')).toHaveCount(1);
    expect(await badgesWhole(page)).toEqual([]);

    const problem = list.getByTestId('problem').first();
    const check = await problem.getAttribute('data-check');
    await expect(problem).toContainText(/Since \d+\/\d+\/\d+, .*\(\d+ (min|h|d)\)/);
    await problem.getByRole('button', { name: 'Acknowledge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Acknowledge a problem' });
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(dialog).toContainText('A comment is required');
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Disk ordered, <b>ticket</b> 4711');
    await dialog.getByLabel('until it gets worse').check();
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(dialog).toBeHidden();
    const acked = list.locator(`[data-testid="problem"][data-check="${check}"]`).first();
    await expect(acked).toHaveAttribute('data-acknowledged', 'true');
    await expect(acked.getByTestId('ack-comment')).toContainText('until it gets worse — Disk ordered, <b>ticket</b> 4711');
    const ack = core.calls.find((c) => c.channel === 'alerts:ack');
    expect(ack?.payload).toMatchObject({ comment: 'Disk ordered, <b>ticket</b> 4711', mode: 'until-worse' });

    await acked.getByRole('button', { name: 'Silence' }).click();
    await page.getByRole('menuitem', { name: 'for 4 hours' }).click();
    await expect(acked).toHaveAttribute('data-silenced', 'true');
    await expect(acked.getByTestId('badge-silenced')).toContainText('Silenced until');
    expect(core.calls.find((c) => c.channel === 'alerts:silence')?.payload).toMatchObject({ minutes: 240 });

    // A custom silence on another problem, in days.
    const other = list.locator('[data-testid="problem"][data-silenced="false"]').first();
    await other.getByRole('button', { name: 'Silence' }).click();
    await page.getByRole('menuitem', { name: 'Silence for…' }).click();
    const custom = page.getByRole('dialog', { name: 'Silence for…' });
    await custom.getByRole('textbox', { name: 'Duration' }).fill('2');
    await custom.getByRole('combobox', { name: 'Unit' }).click();
    await page.getByRole('option', { name: 'Days' }).click();
    await custom.getByRole('button', { name: 'Silence' }).click();
    await expect(list.locator('[data-testid="problem"][data-silenced="true"]')).toHaveCount(2);
    expect(core.calls.filter((c) => c.channel === 'alerts:silence').at(-1)?.payload).toMatchObject({ minutes: 2880 });

    await acked.getByRole('button', { name: 'Unacknowledge' }).click();
    await expect(acked).toHaveAttribute('data-acknowledged', 'false');
    await look(page, `alerts-page-${width}`);
  });
}

test('Alerts page in French: labels, relative age and badges whole at 1366 and 2560 px', async ({ page, fake }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { open } = await fake({ language: 'fr' });
  await open('#/alerts');
  const list = page.getByTestId('alerts-list');
  await expect(list.getByTestId('problem').first()).toContainText(/Depuis le \d{2}\/\d{2}\/\d{4}/);
  await expect(list.getByRole('button', { name: 'Acquitter' }).first()).toBeVisible();
  await expect(list.locator('[data-severity-group="critical"]')).toContainText('Critique');
  await expect(list.getByTestId('badge-flapping')).toHaveText('Instable');
  expect(await badgesWhole(page)).toEqual([]);
  await look(page, 'alerts-page-fr-1366');
  await page.setViewportSize({ width: 2560, height: 1440 });
  expect(await badgesWhole(page)).toEqual([]);
  await look(page, 'alerts-page-fr-2560');
  // The device page's checks table: its narrow "state" column used to cut the badge.
  await page.setViewportSize({ width: 1366, height: 768 });
  await open('#/device/hostile');
  await expect(page.getByTestId('device-page')).toBeVisible();
  expect(await badgesWhole(page)).toEqual([]);
});

test('rule editor: a lower threshold changes the preview, saved for one device', async ({ page, fake }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { open, core } = await fake();
  await open('#/device/this-computer');
  await page.getByTestId('device-rules').click();
  await expect(page).toHaveURL(/#\/rules\?device=this-computer$/);
  const rule = page.locator('[data-testid="rule"][data-rule="cpu"]');
  await expect(rule).toHaveAttribute('data-source', 'default');
  await rule.getByRole('button', { name: /CPU/ }).click();
  const preview = rule.getByTestId('preview');
  await expect(preview).toHaveAttribute('data-busy', 'false');
  await expect(preview.getByTestId('preview-row')).toHaveCount(1);
  const previews = (): number => core.calls.filter((c) => c.channel === 'alerts:preview').length;
  const asked = previews();

  // Warning at 1 % with no duration: every sample breaches, the check warns once for the whole day.
  await rule.getByRole('textbox', { name: 'Warning (>)' }).fill('1');
  await rule.getByRole('textbox', { name: 'For (minutes)' }).fill('0');
  await expect.poll(previews).toBeGreaterThan(asked);
  await expect(preview).toHaveAttribute('data-busy', 'false');
  await expect(preview.locator('[data-state="warning"]').first()).toBeVisible();
  // Every sample breaches from the first one: one firing, a warning stretch over the whole day.
  await expect(preview).toHaveAttribute('data-firings', '1');
  await expect(preview.getByTestId('preview-summary')).toContainText(/Would have fired \d+ times? in 24 h/);
  const sent = core.calls.filter((c) => c.channel === 'alerts:preview').at(-1)?.payload;
  expect(sent).toMatchObject({ deviceId: 'this-computer', rule: { id: 'cpu', warning: 1, forSeconds: 0 }, hours: 24 });
  await look(page, 'alerts-rule-preview');

  await rule.getByRole('button', { name: 'Save for this device' }).click();
  await expect(rule).toHaveAttribute('data-source', 'device');
  await expect(rule.getByTestId('source-warning')).toHaveText('changed for this device');
  await expect(rule.getByTestId('source-critical')).toHaveText('default');
  expect(core.calls.find((c) => c.channel === 'alerts:save-override')?.payload).toEqual({
    override: { ruleId: 'cpu', family: 'this-computer', deviceId: 'this-computer', instance: null, warning: 1, forSeconds: 0 },
  });
  // The family keeps its default; the reset brings the device back to it.
  await rule.getByRole('button', { name: 'Reset this device to the family values' }).click();
  await expect(rule).toHaveAttribute('data-source', 'default');
  await expect(rule.getByRole('textbox', { name: 'Warning (>)' })).toHaveValue('90');

  // A custom rule on a metric the device measures.
  await page.getByRole('button', { name: 'Add a rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a rule' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Swap in use');
  await dialog.getByRole('combobox', { name: 'Metric' }).click();
  await page.getByRole('option', { name: 'swap.used.percent' }).click();
  await dialog.getByRole('textbox', { name: 'Warning' }).fill('50');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-testid="rule"][data-rule="custom-swap-in-use"]')).toHaveAttribute('data-source', 'custom');
});

test('rule editor in French, per family with a preview device', async ({ page, fake }) => {
  await page.setViewportSize({ width: 2560, height: 1440 });
  const { open } = await fake({ language: 'fr' });
  await open('#/rules?family=this-computer');
  const rule = page.locator('[data-testid="rule"][data-rule="cpu"]');
  await rule.getByRole('button', { name: /CPU/ }).click();
  await expect(rule.getByTestId('source-warning')).toHaveText('par défaut');
  await expect(rule.getByRole('button', { name: 'Enregistrer pour la famille' })).toBeVisible();
  await expect(rule.getByTestId('preview')).toHaveAttribute('data-busy', 'false');
  await expect(rule.getByTestId('preview-summary')).toContainText(/Se serait déclenchée \d+ fois en 24 h/);
  await look(page, 'alerts-rules-fr-2560');
});

test('maintenance window: saved, listed, and the Alerts page shows its devices in maintenance', async ({ page, fake }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { open, core } = await fake();
  const target = [...core.devices.values()].find((d) => d.summary.state === 'critical');
  if (!target) throw new Error('the fake has a critical device');
  await open('#/maintenance');
  await expect(page.getByTestId('maintenance-none')).toBeVisible();
  await page.getByRole('button', { name: 'New window' }).click();
  const dialog = page.getByRole('dialog', { name: 'New window' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('maintenance-error')).toHaveText('Give the window a name.');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Firmware <upgrade>');
  await dialog.getByRole('combobox', { name: 'Devices' }).fill(target.summary.name.slice(0, 12));
  await page.getByRole('option', { name: target.summary.name }).click();
  // From a minute ago to two hours ahead: in force now.
  // datetime-local values are in the browser's time zone (Europe/Paris in the config), not the test's.
  const local = (ms: number): Promise<string> =>
    page.evaluate((at) => {
      const d = new Date(at);
      const p = (n: number): string => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, ms);
  await dialog.getByLabel('Start').fill(await local(Date.now() - 60_000));
  await dialog.getByLabel('End').fill(await local(Date.now() + 2 * 3_600_000));
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('change 4711');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const saved = page.getByTestId('maintenance-window');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Firmware <upgrade>');
  await expect(saved.getByTestId('maintenance-schedule')).toContainText(/^From .* to /);

  // A weekly one for a group.
  await page.getByRole('button', { name: 'New window' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Backups');
  await dialog.getByRole('combobox', { name: 'Groups' }).click({ force: true });
  await page.getByRole('option', { name: 'UPS' }).click();
  // The list stays open for more picks: leave it by focusing another field.
  await dialog.getByRole('textbox', { name: 'Name' }).click();
  await expect(page.getByRole('option', { name: 'UPS' })).toBeHidden();
  await dialog.getByText('Every week', { exact: true }).click();
  await dialog.getByText('Sat', { exact: true }).click();
  await dialog.getByLabel('Start time').fill('01:30');
  await dialog.getByRole('textbox', { name: 'Duration (minutes)' }).fill('180');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(saved).toHaveCount(2);
  await expect(saved.nth(1).getByTestId('maintenance-schedule')).toContainText(/^Every .*Sat at 01:30 for 3h/);
  const weekly = core.calls.filter((c) => c.channel === 'maintenance:save').at(-1)?.payload as {
    window: { groups: string[]; schedule: { type: string; days: number[]; durationMinutes: number } };
  };
  expect(weekly.window.groups).toEqual(['ups']);
  expect(weekly.window.schedule.type).toBe('weekly');
  expect(weekly.window.schedule.days).toContain(6);
  expect(weekly.window.schedule.durationMinutes).toBe(180);
  await look(page, 'alerts-maintenance');

  await open('#/alerts');
  const device = page.locator(`[data-testid="problem-device"][data-device="${target.summary.id}"]`);
  await expect(device.getByTestId('badge-maintenance')).toHaveText('Maintenance');

  await open('#/maintenance');
  await saved.nth(1).getByRole('button', { name: 'Remove' }).click();
  await expect(saved).toHaveCount(1);
});

test('Events page: type, text and date filters, older events', async ({ page, fake }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { open, core } = await fake();
  // 150 more events, so the page of 100 leaves older ones to load; one recorded as a code.
  for (let i = 0; i < 150; i++)
    core.appendEvent({
      at: Date.now() - (150 - i) * 1000,
      deviceId: 'this-computer',
      deviceName: 'This computer',
      severity: 'info',
      kind: i % 3 === 0 ? 'audit' : 'system',
      message: i === 149 ? 'This computer is OK again' : `bulk event ${i}`,
      ...(i === 149 && { text: { code: 'state.ok-again', params: { device: 'This computer' } } }),
    });
  await open('#/events');
  const lines = page.getByTestId('events-list').locator('[data-kind]');
  await expect(lines).toHaveCount(100);
  await page.getByRole('button', { name: 'Older events' }).click();
  await expect(lines).toHaveCount(200);
  await page.getByRole('button', { name: 'Older events' }).click();
  await expect(lines).toHaveCount(210);
  await expect(page.getByRole('button', { name: 'Older events' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Type' }).click({ force: true });
  await page.getByRole('option', { name: 'Trap' }).click();
  await page.keyboard.press('Escape');
  const traps = core.events.filter((e) => e.kind === 'trap').length;
  await expect(lines).toHaveCount(traps);
  await expect(page.getByTestId('events-list').locator('[data-kind]:not([data-kind="trap"])')).toHaveCount(0);
  const word = (core.events.find((e) => e.kind === 'trap')?.message ?? '').split(' ')[0] ?? '';
  await page.getByLabel('Text').fill(word);
  const matching = core.events.filter((e) => e.kind === 'trap' && e.message.toLowerCase().includes(word.toLowerCase()));
  expect(matching.length).toBeLessThan(traps);
  await expect(lines).toHaveCount(matching.length);
  await page.getByLabel('Text').fill('');
  expect(core.calls.filter((c) => c.channel === 'events:list').at(-1)?.payload).toMatchObject({ kind: ['trap'] });

  // A date range ending before the fake's oldest events: nothing.
  await page.getByLabel('To').fill('2000-01-01T00:00');
  await expect(page.getByTestId('events-list')).toHaveCount(0);
  await expect(page.getByText('No event.')).toBeVisible();
  await page.getByLabel('To').fill('');
  await expect(lines).toHaveCount(traps);
  await look(page, 'alerts-events');
});

test('Events page in French shows a coded event in French with its date', async ({ page, fake }) => {
  await page.setViewportSize({ width: 2560, height: 1440 });
  const { open, core } = await fake({ language: 'fr' });
  core.appendEvent({
    at: Date.now(),
    deviceId: 'this-computer',
    deviceName: 'This computer',
    severity: 'ok',
    kind: 'state',
    message: 'This computer is OK again',
    text: { code: 'state.ok-again', params: { device: 'This computer' } },
  });
  await open('#/events');
  const first = page.getByTestId('events-list').locator('[data-kind]').first();
  await expect(first).toContainText('This computer est de nouveau OK');
  await expect(first).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await look(page, 'alerts-events-fr-2560');
});

test('Settings → Alerting: flapping and reference targets saved, a bad target refused', async ({ page, fake }) => {
  const { open, core } = await fake();
  await open('#/settings');
  const section = page.getByTestId('alerting-settings');
  await section.getByRole('textbox', { name: 'Reference targets' }).fill('10.0.0.1\n\n  gw.example.com:53  ');
  await section.getByRole('button', { name: 'Save alerting settings' }).click();
  await expect(page.getByText('Alerting settings saved')).toBeVisible();
  const saved = core.calls.filter((c) => c.channel === 'alerts:save-settings').at(-1);
  expect(saved?.payload).toMatchObject({ referenceTargets: ['10.0.0.1', 'gw.example.com:53'], guardEnabled: true });
  // Eleven targets exceed the contract's ten: refused before anything is sent.
  await section.getByRole('textbox', { name: 'Reference targets' }).fill(Array.from({ length: 11 }, (_, i) => `10.0.0.${i + 1}`).join('\n'));
  await section.getByRole('button', { name: 'Save alerting settings' }).click();
  await expect(section.getByRole('alert')).toContainText('At most 10 reference targets');
  expect(core.calls.filter((c) => c.channel === 'alerts:save-settings')).toHaveLength(1);
  await look(page, 'settings-alerting');
});
