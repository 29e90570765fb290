/**
 * Issue 17 "what the administrator sees" (items 8, 10–16) against a real `vigie serve`: "This computer",
 * snmpsim recordings (Linux, AKCP sensorProbe, a NetApp 7-mode filer with moving counters, and a Linux agent
 * that is stopped after its first answers) and, when built, the vCenter simulator. One server and one set of
 * peers for the file; each test is one screen size, theme and language, with several checks per page load:
 *   1366×768 light English · 2560×1440 dark French · 1440×900 (VM table) · the other combinations looked at.
 * Screenshots: e2e/screenshots/serve-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator } from '@playwright/test';
import { startSnmpsim, type SnmpsimPeer } from '../test/helpers/snmpsim';
import { startVcsim, vcsimAvailable, type Vcsim } from '../test/helpers/vcsim';
import { expect, test, type Page } from './fixtures';
import { DAY, drag, openWeek, span, xLabelBoxes, yRange } from './support/chart-axis';
import { look } from './support/look';
import { REPO, SHARED_SNMPREC } from './support/paths';
import { requirePeer } from './support/peer';
import { setUpAndSignIn } from './support/sign-in';
import { serveAvailable, startVigieServer, type VigieServer } from './support/vigie-server';

const LINUX = join(SHARED_SNMPREC, 'linux-netsnmp.snmprec');
const AKCP = join(SHARED_SNMPREC, 'akcp-sensorprobe8.snmprec');
// A 7-mode filer whose uptime and interface counters move (snmpsim's numeric variation): rates appear.
const NETAPP7 = join(REPO, 'lab/snmprec/netapp-7mode-volume-full.snmprec');

type Lang = 'en' | 'fr';
type Dict = Record<string, unknown>;
const CATALOG: Record<Lang, Dict> = {
  en: JSON.parse(readFileSync(join(REPO, 'src/renderer/src/i18n/en.json'), 'utf8')) as Dict,
  fr: JSON.parse(readFileSync(join(REPO, 'src/renderer/src/i18n/fr.json'), 'utf8')) as Dict,
};
/** The UI's own words, from the catalogs the renderer uses: the checks follow the language under test. */
function tr(lang: Lang, key: string): string {
  let node: unknown = CATALOG[lang];
  for (const part of key.split('.')) node = (node as Dict | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${lang} text for ${key}`);
  return node;
}

// e2e code has no DOM types: the little it reads inside the page is typed here (types only, erased).
interface El {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  getBoundingClientRect(): { top: number };
}
interface Win {
  scrollY: number;
  getComputedStyle(el: unknown): { fontWeight: string; position: string };
}

interface Lab {
  server: VigieServer;
  sim: SnmpsimPeer;
  stopping: SnmpsimPeer;
  vc: Vcsim | null;
  cookies: Awaited<ReturnType<BrowserContext['cookies']>>;
  ids: Record<'linux' | 'akcp' | 'netapp' | 'stopped' | 'local', string> & { vc: string | null };
}
let lab: Lab | null = null;

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 30_000 });

async function api<T>(page: Page, channel: string, body: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ channel, body }) => {
      const r = await fetch(`/api/call/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await r.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
    },
    { channel, body },
  );
  if (!answer.ok) throw new Error(`${channel}: ${answer.error?.message ?? 'failed'}`);
  return answer.result as T;
}

interface Summary {
  id: string;
  name: string;
  family: string;
  keyFigure: { value: number | null } | null;
  lastPollAt: number | null;
}

async function setUpLab(browser: Browser): Promise<Lab> {
  const server = await startVigieServer();
  const sim = await startSnmpsim([LINUX, AKCP, NETAPP7]);
  const stopping = await startSnmpsim([LINUX]);
  const vcOk = vcsimAvailable();
  requirePeer('vCenter simulator', vcOk.ok ? null : vcOk.reason);
  const vc = await startVcsim({ tls: true, cluster: 1, host: 2, vm: 6, noTools: 2 });
  const context = await browser.newContext();
  const page = await context.newPage();
  await setUpAndSignIn(page, server.url);
  const snmp = (name: string, peer: SnmpsimPeer, recording: string, intervalSeconds: number): Promise<Summary> =>
    api<Summary>(page, 'devices:add', {
      name,
      kind: 'snmp',
      host: '127.0.0.1',
      port: peer.port,
      intervalSeconds,
      snmp: { version: '2c', timeoutMs: 2000, retries: 0 },
      secret: { community: peer.community(recording) },
    });
  // Counters need two polls for a rate: the Linux host is polled every 10 s.
  const linux = await snmp('linux-host', sim, LINUX, 10);
  const akcp = await snmp('akcp-probe', sim, AKCP, 60);
  const netapp = await snmp('fas3270-7mode', sim, NETAPP7, 10);
  const stopped = await snmp('stops-answering', stopping, LINUX, 10);
  const added = await api<Summary>(page, 'devices:add', {
    name: 'vcsim',
    kind: 'vsphere',
    host: vc.host,
    port: vc.port,
    intervalSeconds: 60,
    vsphere: { user: vc.user, tlsFingerprint: vc.fingerprint.toUpperCase() },
    secret: { password: vc.password },
  });
  const list = async (): Promise<Summary[]> => api<Summary[]>(page, 'devices:list', {});
  const local = (await list()).find((d) => d.family === 'this-computer');
  if (!local) throw new Error('no This computer device on a fresh serve');
  // The agent that will stop: once it has given a figure, stop it; its tile then keeps that figure, aged.
  await expect.poll(async () => (await list()).find((d) => d.id === stopped.id)?.keyFigure?.value ?? null, { timeout: 90_000 }).not.toBeNull();
  await stopping.stop();
  const cookies = await context.cookies();
  await context.close();
  return { server, sim, stopping, vc, cookies, ids: { linux: linux.id, akcp: akcp.id, netapp: netapp.id, stopped: stopped.id, local: local.id, vc: added.id } };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const available = serveAvailable();
  requirePeer('vigie serve (built console)', available.ok ? null : available.why);
  lab = await setUpLab(browser);
});

test.afterAll(async () => {
  await lab?.vc?.stop();
  await lab?.sim.stop();
  await lab?.stopping.stop();
  await lab?.server.stop();
});

function theLab(): Lab {
  if (!lab) throw new Error('lab not started');
  return lab;
}

/** Signs the test's page in with the lab's session, sets size, theme and language, opens a route. */
async function open(page: Page, o: { width: number; height: number; theme: 'light' | 'dark'; lang: Lang }, route = '#/'): Promise<void> {
  const { server, cookies } = theLab();
  await page.context().addCookies(cookies);
  await page.setViewportSize({ width: o.width, height: o.height });
  await page.goto(`${server.url}/${route}`);
  await api(page, 'settings:update', { theme: o.theme, language: o.lang });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', o.theme);
  await expect(page.getByRole('navigation').getByRole('link', { name: tr(o.lang, 'nav.dashboard'), exact: true }).first()).toBeVisible();
}

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = r;
  }, route);
}

const section = (page: Page, title: string): Locator => page.getByTestId('device-page').getByRole('region', { name: title, exact: true });

// ---- the checks, each usable at any size, theme and language ----

/** Item 16: the tiles use the width (no wide empty band left of the events column), names and figures whole. */
async function checkDashboard(page: Page, lang: Lang, width: number): Promise<void> {
  await go(page, '#/');
  const tiles = page.locator('a[data-testid^="tile-"]');
  await expect(tiles).toHaveCount(6 + (theLab().vc ? 0 : -1), { timeout: 60_000 });
  for (const grid of await page.locator('[data-testid^="group-"] > div:last-child').all()) {
    const box = await grid.boundingBox();
    const events = await page.getByRole('complementary', { name: tr(lang, 'dashboard.recentEvents') }).boundingBox().catch(() => null);
    if (box && events && events.x > box.x) expect(events.x - (box.x + box.width), 'tiles reach the events column').toBeLessThan(40);
  }
  const cut = await page.locator('a[data-testid^="tile-"] [title]').evaluateAll((els) =>
    (els as unknown as El[]).filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent ?? ''),
  );
  expect(cut, 'names are shown whole').toEqual([]);
  const cutFigures = await page.getByTestId('key-figure').evaluateAll((els) =>
    (els as unknown as El[]).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''),
  );
  expect(cutFigures, 'key figures are shown whole').toEqual([]);
  if (width >= 2560) {
    // At 2560 px a group's tiles sit on one row (the first fix: 3 per row with half the screen empty).
    const tops = await page.getByTestId('group-servers').locator('a[data-testid^="tile-"]').evaluateAll((els) =>
      els.map((e) => Math.round((e as unknown as El).getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
  }
}

/** Item 12: the agent that stopped keeps its last figure, dimmed, with its age; a live tile does not. */
async function checkStaleTile(page: Page, lang: Lang): Promise<void> {
  await go(page, '#/');
  const tile = page.getByTestId(`tile-${theLab().ids.stopped}`);
  await expect(tile).toHaveAttribute('data-state', 'unknown', { timeout: 90_000 });
  const figure = tile.getByTestId('key-figure');
  await expect(figure).toHaveAttribute('data-stale', 'true');
  await expect(figure).toHaveText(/\d/);
  const ago = tr(lang, 'tile.figureAge').replace('{{age}}', '').trim();
  await expect(tile.getByTestId('key-figure-age')).toContainText(ago);
  const weight = await figure.evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).fontWeight);
  expect(Number(weight)).toBeLessThan(700);
  const live = page.getByTestId(`tile-${theLab().ids.linux}`);
  await expect(live.getByTestId('key-figure')).toHaveAttribute('data-stale', 'false');
  await expect(live.getByTestId('key-figure-age')).toHaveCount(0);
}

/** Item 15: every event line has a date and a time; configuration changes are there, saying who made them. */
async function checkEvents(page: Page, lang: Lang): Promise<void> {
  await go(page, '#/events');
  const list = page.getByTestId('events-list');
  await expect(list).toContainText('linux-host', { timeout: 30_000 });
  const date = lang === 'fr' ? /\d{2}\/\d{2}\/\d{4}.*\d{2}:\d{2}/ : /\d{1,2}\/\d{1,2}\/\d{2}.*\d{1,2}:\d{2}/;
  const stamps = await list.locator('[data-severity] > div > :first-child').allTextContents();
  expect(stamps.length).toBeGreaterThan(3);
  for (const s of stamps) expect(s).toMatch(date);
  // Added through the web console: the audit event names the device and the web login that added it.
  const audit = list.locator('[data-severity]', { hasText: 'akcp-probe' }).filter({ hasText: /web|127\.0\.0\.1/ });
  await expect(audit.first()).toBeVisible();
}

/** Item 8 on This computer: a week's labels do not overlap; a drag zooms every chart of the page. */
async function checkWeekAndZoom(page: Page, lang: Lang): Promise<void> {
  await go(page, `#/device/${theLab().ids.local}`);
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'this-computer');
  const chart = page.getByTestId('chart').first();
  await openWeek(chart);
  await expect.poll(async () => (await xLabelBoxes(chart)).boxes.length).toBeGreaterThanOrEqual(4);
  const { boxes, minGap } = await xLabelBoxes(chart);
  expect(minGap, `labels overlap: ${boxes.map((b) => b.label).join(' | ')}`).toBeGreaterThanOrEqual(4);
  await drag(page, chart, 0.3, 0.7);
  await expect.poll(() => span(chart)).toBeLessThan(0.5 * 7 * DAY);
  await expect.poll(() => span(page.getByTestId('chart').last())).toBeLessThan(0.5 * 7 * DAY);
  await chart.getByRole('button', { name: tr(lang, 'chart.resetZoom') }).click();
  await expect.poll(() => span(chart)).toBe(7 * DAY);
  // Item 11: the availability says the period monitored, not "last year 100 %" after a few minutes.
  const observed = tr(lang, 'uptime.observed').split('{{duration}}')[0]?.trim() ?? '';
  await expect(page.getByTestId('uptime-table')).toContainText(observed);
}

/**
 * Item 8 on the 7-mode filer: its Network chart (counted in bytes, drawn in bits) and its interfaces table
 * speak the same unit (the table was in kB/s beside a chart in Mb/s), and a rate's axis starts at 0.
 */
async function checkRates(page: Page, lang: Lang): Promise<void> {
  await go(page, `#/device/${theLab().ids.netapp}`);
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'netapp', { timeout: 60_000 });
  const traffic = section(page, lang === 'fr' ? 'Réseau' : 'Network');
  const table = page.getByRole('table', { name: lang === 'fr' ? 'Interfaces réseau' : 'Network interfaces', exact: true });
  // Two polls 10 s apart give the first rate.
  await expect.poll(async () => Number((await traffic.getByTestId('chart-canvas').getAttribute('data-points').catch(() => null)) ?? 0), { timeout: 90_000 }).toBeGreaterThan(1);
  const bits = /\d\s*[kMGT]?(bit|b)\/s/;
  const inHeader = lang === 'fr' ? 'Entrée' : 'In';
  const inCells = async (): Promise<string[]> => {
    const headers = await table.locator('thead th').allTextContents();
    const col = headers.findIndex((h) => new RegExp(`^${inHeader}(\\s|$)`).test(h.trim()));
    return col < 0 ? [] : (await table.locator(`tbody tr td:nth-child(${col + 1})`).allTextContents()).filter((t) => /\d/.test(t));
  };
  await expect.poll(async () => (await inCells()).length, { timeout: 60_000 }).toBeGreaterThan(0);
  for (const cell of await inCells()) expect(cell).toMatch(bits);
  const legend = (await traffic.getByTestId('chart-legend').locator('[data-col="current"]').allTextContents()).filter((t) => /\d/.test(t));
  expect(legend.length).toBeGreaterThan(0);
  for (const cell of legend) expect(cell).toMatch(bits);
  await expect.poll(async () => (await yRange(traffic))?.min, { message: 'a rate is drawn from 0' }).toBe(0);
}

/** Item 10: AKCP humidity thresholds in %, temperature thresholds in °C. */
async function checkAkcp(page: Page, lang: Lang): Promise<void> {
  await go(page, `#/device/${theLab().ids.akcp}`);
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'sensor-akcp', { timeout: 60_000 });
  const probes = page.getByRole('table', { name: lang === 'fr' ? 'Sondes' : 'Probes', exact: true });
  await expect(probes.locator('tbody tr').first()).toBeVisible();
  const humidityHeader = lang === 'fr' ? 'Alerte humidité haute' : 'Humidity high warning';
  if ((await probes.locator('thead th', { hasText: humidityHeader }).count()) === 0) {
    await section(page, lang === 'fr' ? 'Sondes' : 'Probes').getByRole('button', { name: tr(lang, 'table.columns') }).click();
    await page.getByRole('checkbox', { name: humidityHeader }).check();
    await page.keyboard.press('Escape');
  }
  const headers = await probes.locator('thead th').allTextContents();
  const col = headers.findIndex((h) => h.includes(humidityHeader));
  expect(col).toBeGreaterThanOrEqual(0);
  const cells = (await probes.locator(`tbody tr td:nth-child(${col + 1})`).allTextContents()).filter((t) => /\d/.test(t));
  expect(cells.length, 'the recording has humidity probes with thresholds').toBeGreaterThan(0);
  for (const c of cells) {
    expect(c).toMatch(/%/);
    expect(c).not.toMatch(/°/);
  }
}

/** Item 14: a 7-mode filer has no cluster nodes and no section says "No rows". */
async function checkNoEmptySections(page: Page, lang: Lang): Promise<void> {
  await go(page, `#/device/${theLab().ids.netapp}`);
  const device = page.getByTestId('device-page');
  await expect(device).toHaveAttribute('data-family', 'netapp', { timeout: 60_000 });
  await expect(page.getByRole('table', { name: lang === 'fr' ? 'Volumes' : 'Volumes', exact: true }).locator('tbody tr').first()).toBeVisible();
  await expect(device).not.toContainText(tr(lang, 'table.empty'));
  await expect(device.getByRole('region', { name: lang === 'fr' ? 'Nœuds' : 'Nodes', exact: true })).toHaveCount(0);
}

/** Item 13: a Test connection result goes away when the host or the community is edited. */
async function checkTestCleared(page: Page, lang: Lang): Promise<void> {
  const { sim } = theLab();
  await go(page, '#/devices');
  await page.getByRole('button', { name: tr(lang, 'devices.add') }).click();
  const dialog = page.getByRole('dialog', { name: tr(lang, 'devices.addTitle') });
  const result = dialog.getByTestId('test-result');
  await dialog.getByRole('textbox', { name: tr(lang, 'form.name'), exact: true }).fill('trial');
  await dialog.getByLabel(tr(lang, 'form.host')).fill('127.0.0.1');
  await dialog.getByLabel(tr(lang, 'form.port')).fill(String(sim.port));
  await dialog.getByLabel(new RegExp(`^${tr(lang, 'form.community')}`)).fill(sim.community(LINUX));
  const testOk = async (): Promise<void> => {
    await dialog.getByRole('button', { name: tr(lang, 'devices.test') }).click();
    await expect(result).toHaveAttribute('data-stage', 'ok', { timeout: 30_000 });
  };
  await testOk();
  await dialog.getByRole('textbox', { name: tr(lang, 'form.name'), exact: true }).fill('trial-2');
  await expect(result).toHaveAttribute('data-stage', 'ok');
  await dialog.getByLabel(tr(lang, 'form.host')).fill('127.0.0.2');
  await expect(result).toHaveCount(0);
  await dialog.getByLabel(tr(lang, 'form.host')).fill('127.0.0.1');
  await testOk();
  await dialog.getByLabel(new RegExp(`^${tr(lang, 'form.community')}`)).fill('another-one');
  await expect(result).toHaveCount(0);
  await look(page, `serve-13-test-cleared-${lang}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

/** Item 16: a page opens at its top, not at the previous page's scroll position. */
async function checkScrollReset(page: Page, lang: Lang): Promise<void> {
  await go(page, `#/device/${theLab().ids.linux}`);
  await expect(page.getByTestId('device-page')).toBeVisible();
  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as Win).scrollY)).toBeGreaterThan(300);
  await page.getByRole('navigation').getByRole('link', { name: tr(lang, 'nav.events'), exact: true }).first().click();
  await expect(page.getByTestId('events-list')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as Win).scrollY)).toBe(0);
}

/** Item 16: at 1440 px the VM table shows ESX server and Tools without sideways scrolling, name sticky, columns chosen. */
async function checkVmTable(page: Page): Promise<void> {
  const { ids } = theLab();
  await go(page, `#/device/${ids.vc ?? ''}`);
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'vsphere', { timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Virtual machines', exact: true });
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 120_000 });
  const headers = table.locator('thead th');
  await expect(headers.filter({ hasText: 'ESX server' })).toBeVisible();
  await expect(headers.filter({ hasText: 'VMware Tools' })).toBeVisible();
  const region = page.getByRole('region', { name: 'Virtual machines', exact: true });
  const tableBox = await table.boundingBox();
  const regionBox = await region.boundingBox();
  expect(tableBox && regionBox && tableBox.x + tableBox.width <= regionBox.x + regionBox.width + 1).toBe(true);
  expect(await table.locator('tbody tr td').first().evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).position)).toBe('sticky');
  // Tools states read as words, not vSphere's enum names.
  await expect(table.locator('tbody')).not.toContainText(/tools(Ok|NotInstalled|NotRunning)/);
  await look(page, 'serve-16-vm-table-1440');
  await region.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Allocated CPU' }).check();
  await expect(headers.filter({ hasText: 'Allocated CPU' })).toBeVisible();
}

test('1366×768, light, English: every screen item on real devices', async ({ page }) => {
  test.setTimeout(300_000);
  const size = { width: 1366, height: 768, theme: 'light', lang: 'en' } as const;
  await open(page, size);
  await checkDashboard(page, 'en', 1366);
  await checkStaleTile(page, 'en');
  await look(page, 'serve-dashboard-1366-light-en');
  await checkEvents(page, 'en');
  await look(page, 'serve-events-1366-light-en');
  await checkWeekAndZoom(page, 'en');
  await look(page, 'serve-this-computer-1366-light-en');
  await checkRates(page, 'en');
  await look(page, 'serve-filer-network-1366-light-en');
  await checkAkcp(page, 'en');
  await look(page, 'serve-akcp-1366-light-en');
  await checkNoEmptySections(page, 'en');
  await look(page, 'serve-netapp-1366-light-en');
  await checkScrollReset(page, 'en');
  await checkTestCleared(page, 'en');
});

test('2560×1440, dark, French: every screen item on real devices', async ({ page }) => {
  test.setTimeout(300_000);
  const size = { width: 2560, height: 1440, theme: 'dark', lang: 'fr' } as const;
  await open(page, size);
  await checkDashboard(page, 'fr', 2560);
  await checkStaleTile(page, 'fr');
  await look(page, 'serve-dashboard-2560-dark-fr');
  await checkEvents(page, 'fr');
  await look(page, 'serve-events-2560-dark-fr');
  await checkWeekAndZoom(page, 'fr');
  await look(page, 'serve-this-computer-2560-dark-fr');
  await checkRates(page, 'fr');
  await look(page, 'serve-filer-network-2560-dark-fr');
  await checkAkcp(page, 'fr');
  await look(page, 'serve-akcp-2560-dark-fr');
  await checkNoEmptySections(page, 'fr');
  await look(page, 'serve-netapp-2560-dark-fr');
  await checkScrollReset(page, 'fr');
  await checkTestCleared(page, 'fr');
  await go(page, `#/device/${theLab().ids.vc ?? ''}`);
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'vsphere', { timeout: 60_000 });
  await look(page, 'serve-vcenter-2560-dark-fr');
});

test('1440×900, light, English: the VM table fits, name sticky, columns chosen', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, { width: 1440, height: 900, theme: 'light', lang: 'en' });
  await checkVmTable(page);
});

// The remaining combinations, looked at: dashboard, a device page and the events.
for (const combo of [
  { width: 1366, height: 768, theme: 'dark', lang: 'fr' },
  { width: 2560, height: 1440, theme: 'light', lang: 'en' },
] as const) {
  test(`look: ${combo.width}, ${combo.theme}, ${combo.lang}`, async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, combo);
    await checkDashboard(page, combo.lang, combo.width);
    await look(page, `serve-dashboard-${combo.width}-${combo.theme}-${combo.lang}`);
    await checkRates(page, combo.lang);
    await look(page, `serve-filer-network-${combo.width}-${combo.theme}-${combo.lang}`);
    await checkEvents(page, combo.lang);
    await look(page, `serve-events-${combo.width}-${combo.theme}-${combo.lang}`);
  });
}
