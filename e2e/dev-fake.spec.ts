/**
 * The renderer against a fake core (no server): every registered family's page drawn from its descriptor,
 * hostile device data shown as text, live updates, charts, French and dark, and 2,000
 * tiles. Screenshots land in e2e/screenshots/fake-*.png to be looked at.
 */
import { FAMILY_DESCRIPTORS } from '../src/shared/families/index';
import { HOSTILE } from './fake/random';
import { expect, test } from './fixtures';
import { chartInk } from './support/chart-ink';
import { look } from './support/look';
import { updateLatency } from './support/update-latency';

const deviceId = (familyId: string): string =>
  familyId === 'this-computer' ? 'this-computer' : `${familyId}-1`;

test('dashboard: tiles by group, legend, recent events, hostile names as text', async ({ page, fake }) => {
  const { open, core } = await fake({
    notices: [
      'The settings file was corrupt; it was set aside as settings.json.corrupt-2024 and defaults are used.',
    ],
  });
  await open();
  for (const d of core.devices.values()) await expect(page.getByTestId(`tile-${d.summary.id}`)).toBeVisible();
  await expect(page.getByTestId('group-workstation')).toContainText('This computer');
  // A group the renderer does not know still gets its tiles.
  await expect(page.getByTestId('group-appliances')).toBeVisible();
  const hostileTile = page.getByTestId('tile-hostile');
  await expect(hostileTile).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByTestId('legend')).toBeVisible();
  await expect(page.getByTestId('recent-events')).toContainText(`linkDown trap from ${HOSTILE}`);
  // Weather shares are in the tooltip text.
  await expect(page.getByTestId('tile-this-computer').locator('[data-weather]')).toHaveAttribute(
    'title',
    /OK 97/,
  );
  const banner = page.getByTestId('notices');
  await expect(banner).toContainText('settings.json.corrupt-2024');
  await look(page, 'fake-dashboard');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});

test('a poll landing updates its tile without reload', async ({ page, fake }) => {
  const { open, core } = await fake();
  await open();
  const figure = page.getByTestId('tile-this-computer').getByTestId('key-figure');
  await expect(figure).toBeVisible();
  core.tick('this-computer', 42.5);
  await expect(figure).toHaveText('42.5%');
  core.tick('this-computer', 7.25);
  await expect(figure).toHaveText('7.25%');
  const calls = core.calls.filter((c) => c.channel === 'devices:list').length;
  expect(calls, 'live updates come from events, not from reloading the list').toBe(1);
});

for (const family of [...FAMILY_DESCRIPTORS.map((d) => d.id), 'future-appliance']) {
  test(`device page of ${family} is drawn from its descriptor`, async ({ page, fake }) => {
    const { open, core } = await fake({ rowsPerTable: 120 });
    const id = family === 'future-appliance' ? 'future-1' : deviceId(family);
    const device = core.devices.get(id);
    if (!device) throw new Error(`fake has no ${id}`);
    await open(`#/device/${id}`);
    await expect(page.getByTestId('device-name')).toHaveText(device.summary.name);
    const descriptor = FAMILY_DESCRIPTORS.find((d) => d.id === family);
    const charts = page.getByTestId('chart');
    if (descriptor) {
      const tables = descriptor.sections.filter((s) => s.kind === 'table');
      for (const t of tables) {
        const table = page.getByRole('table', { name: t.title.en, exact: true });
        await expect(table).toBeVisible();
        await expect(table.locator('tbody tr')).toHaveCount(50); // first page of 120 rows
      }
      await expect(charts).toHaveCount(descriptor.sections.filter((s) => s.kind === 'chart').length);
    }
    // Every chart with series draws lines and fills its legend with numbers.
    const n = await charts.count();
    for (let i = 0; i < n; i++) {
      const chart = charts.nth(i);
      await chart.scrollIntoViewIfNeeded();
      await expect(chart.locator('canvas')).toBeVisible();
      // An empty plot has no pixel of the first series' colour; any drawn line has at least a few hundred
      // (the fake's random series can be nearly flat, so no more than that is certain).
      await expect.poll(() => chartInk(chart), { timeout: 30_000 }).toBeGreaterThan(100);
      await expect(chart.getByTestId('chart-legend').locator('td[data-col="avg"]').first()).not.toHaveText(
        '—',
      );
    }
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await look(page, `fake-family-${family}`);
  });
}

test('tables sort by any column and filter by text', async ({ page, fake }) => {
  const family = FAMILY_DESCRIPTORS.find((d) =>
    d.sections.some((s) => s.kind === 'table' && s.columns.some((c) => c.unit === 'percent')),
  );
  test.skip(!family, 'no registered family has a table with a percent column');
  if (!family) return;
  const section = family.sections.find(
    (s) => s.kind === 'table' && s.columns.some((c) => c.unit === 'percent'),
  );
  if (section?.kind !== 'table') return;
  const column = section.columns.find((c) => c.unit === 'percent');
  if (!column) return;
  const { open } = await fake({ rowsPerTable: 120 });
  await open(`#/device/${deviceId(family.id)}`);
  const table = page.getByRole('table', { name: section.title.en, exact: true });
  const header = table.getByRole('columnheader', { name: column.label.en, exact: true });
  const values = async (): Promise<number[]> => {
    const index = await header.evaluate((th) =>
      Array.from(
        (th as unknown as { parentElement: { children: ArrayLike<unknown> } }).parentElement.children,
      ).indexOf(th),
    );
    const texts = await table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
    return texts.map((s) => Number(s.replace(/[^\d.]/g, '')));
  };
  await header.getByRole('button').click();
  const sorted = (await header.getAttribute('aria-sort')) ?? '';
  const first = await values();
  expect(first).toEqual([...first].sort((a, b) => (sorted === 'descending' ? b - a : a - b)));
  await header.getByRole('button').click();
  const second = await values();
  expect(second).toEqual([...second].sort((a, b) => (sorted === 'descending' ? a - b : b - a)));
  expect(second[0]).not.toEqual(first[0]);
  const filter = page.getByRole('textbox', { name: `Filter ${section.title.en}` });
  if (await filter.count()) {
    await filter.fill('<img');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table.locator('tbody tr').first()).toContainText(HOSTILE);
    await filter.fill('no such thing anywhere');
    await expect(table).toContainText('Nothing matches the filter.');
  }
});

test('charts: values at the cursor, ranges query the store, consolidated tiers get a min–max band', async ({
  page,
  fake,
}) => {
  const { open, core } = await fake();
  await open('#/device/this-computer');
  const chart = page.getByTestId('chart').first();
  const legend = chart.getByTestId('chart-legend');
  await expect(legend.getByRole('columnheader', { name: 'Last' })).toBeVisible();
  const last = await legend.locator('td[data-col="current"]').first().textContent();
  await chart.getByTestId('chart-canvas').scrollIntoViewIfNeeded();
  const box = await chart.getByTestId('chart-canvas').boundingBox();
  if (!box) throw new Error('chart not laid out');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 3);
  await page.mouse.move(box.x + box.width * 0.3 + 5, box.y + box.height / 3);
  await expect(legend.getByRole('columnheader', { name: 'At cursor' })).toBeVisible();
  await expect(legend.locator('td[data-col="current"]').first()).not.toHaveText(last ?? '');
  await page.mouse.move(0, 0);
  await expect(legend.getByRole('columnheader', { name: 'Last' })).toBeVisible();

  const before = core.calls.length;
  await chart.getByText('30 d', { exact: true }).click();
  await expect(chart).toContainText('Hourly averages · shaded: min–max of each interval');
  const query = core.calls.slice(before).find((c) => c.channel === 'metrics:query')?.payload as {
    from: number;
    to: number;
  };
  expect(Math.round((query.to - query.from) / 86_400_000)).toBe(30);
  // The range is the page's: every chart follows.
  await expect(page.getByTestId('chart').last()).toContainText('Hourly averages');
  await look(page, 'fake-chart-30d');
});

test('hostile device: name, message, events and rows stay text', async ({ page, fake }) => {
  const { open } = await fake();
  await open('#/device/hostile');
  await expect(page.getByTestId('device-name')).toHaveText(HOSTILE);
  await expect(page.getByTestId('device-message')).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await look(page, 'fake-hostile');
});

test('French and dark theme from the header', async ({ page, fake }) => {
  const { open } = await fake();
  await open();
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
  await page.getByRole('button', { name: 'Thème' }).click();
  await page.getByRole('menuitem', { name: 'Sombre' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByTestId('tile-this-computer').getByTestId('key-figure')).toHaveText(/^\d+,\d\s%$/u);
  await look(page, 'fake-dashboard-fr-dark');
  await open('#/device/this-computer');
  await expect(page.getByRole('button', { name: 'Interroger maintenant' })).toBeVisible();
  await expect.poll(() => chartInk(page.getByTestId('chart').first())).toBeGreaterThan(100);
  await look(page, 'fake-this-computer-fr-dark');
  await page.getByRole('button', { name: 'Langue' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Poll now' })).toBeVisible();
});

test('2,000 tiles: first paint and a live update stay quick', async ({ page, fake }) => {
  // Drawing 2,000 tiles on a busy 2-core machine takes tens of seconds before the measure starts (the
  // timing asserted is the in-page update, not this set-up).
  test.setTimeout(300_000);
  const { open, core } = await fake({ extraDevices: 2000 });
  await open();
  // The dashboard is virtualised (issue 18): the window is full of tiles when one starts below its
  // bottom edge; the rest are unmounted rows (e2e/dashboard-virtual.spec.ts scrolls, tabs and searches).
  await page.waitForFunction(
    () => {
      const g = globalThis as unknown as {
        innerHeight: number;
        document: { querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { top: number } }> };
      };
      const tiles = g.document.querySelectorAll('a[data-testid^="tile-"]');
      const last = tiles[tiles.length - 1];
      return last !== undefined && last.getBoundingClientRect().top >= g.innerHeight;
    },
    undefined,
    { timeout: 60_000 },
  );
  const mounted = await page.locator('a[data-testid^="tile-"]').count();
  expect(mounted, 'only the rows near the window are mounted').toBeLessThan(200);
  const shown = await page.evaluate(() =>
    Math.round((globalThis as unknown as { performance: { now(): number } }).performance.now()),
  );
  const figure = page.getByTestId('tile-this-computer').getByTestId('key-figure');
  const times: number[] = [];
  for (const v of [11.5, 22.5, 33.5, 44.5, 55.5]) {
    times.push(Math.round(await updateLatency(figure, `${v}%`, () => core.tick('this-computer', v))));
  }
  const median = [...times].sort((a, b) => a - b)[2] ?? 0;
  console.log(
    `2,000 tiles: the window full of tiles (${mounted} of ${core.devices.size} mounted) ${shown} ms after navigation; one device update on screen in ${median} ms (in-page, median of 5: ${times.join(', ')})`,
  );
  expect(median, 'one device update must not re-render 2,000 tiles').toBeLessThan(250);
  await page.screenshot({ path: 'e2e/screenshots/fake-2000-tiles.png' });
});
