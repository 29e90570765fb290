import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FakeCore } from '../e2e/fake/fake-core';
import { installFake } from '../e2e/fake/install-fake';
import { REPO, RENDERER_DIR } from '../e2e/support/paths';
import { startStaticServer, type StaticServer } from '../e2e/support/static-server';
import { AUTO_FULL_VMS, effectiveVmHistory, VM_METRICS, type VmHistory } from '../src/main/core/pollers/vsphere/vm-history';
import { CHROMIUM_LAUNCH } from '../test/helpers/chromium';
import { ratioOf, type Benchmark, type BenchResult, type BenchSize } from './bench';
import type { Profile } from './store-data';
import { measureSize } from './store-size';

/**
 * quality.md "Load" / issue 18 item 3: a 5,000-VM vCenter on one workstation.
 *
 * (a) Store size at steady state of the site: 200 hosts (7 host series each, 2 NICs × 4 rates, 1 storage adapter
 * × 4 rates), 20 datastores × 5, 10 clusters, 6 site counts, and the 4 per-VM series of 5,000 powered-on VMs.
 * Bytes per series are measured through the real store (bench/store-size.ts: the real pipeline for `days`, then
 * every tier's retained chunks × their measured size) for each history policy, with value profiles shaped like
 * each series; then multiplied by the site's series counts. Vigie: the default policy (auto) at 5,000 VMs.
 * Baseline: every series at full history (what the store did before the policy).
 *
 * (b) The VM table of the vSphere page with 5,000 rows, in Debian's Chromium on the built renderer and the fake
 * core of the e2e specs: time from the click on a column header (sort) or the input event of the filter box to
 * the start of the frame after the table's body changed (MutationObserver, then requestAnimationFrame), in the
 * page. Baseline: the same table with 500 rows. Medians of alternating runs.
 */
const PLAN: Record<BenchSize, { days: number; perProfile: number; vms: number; baselineVms: number; runs: number; repeats: number }> = {
  full: { days: 130, perProfile: 2, vms: 5000, baselineVms: 500, runs: 2, repeats: 9 },
  smoke: { days: 3, perProfile: 1, vms: 1000, baselineVms: 100, runs: 1, repeats: 2 },
};

const SITE = { vms: 5000, hosts: 200, nicsPerHost: 2, adaptersPerHost: 1, datastores: 20, clusters: 10 };
const GB = 1e9;

/** The value profile (bench/store-data.ts) closest to each vSphere series. */
const VM_PROFILES: Record<(typeof VM_METRICS)[number], Profile> = {
  'vm.cpu.mhz': 'cpu',
  'vm.cpu.percent': 'fpct',
  'vm.memory.host': 'bytes',
  'vm.memory.guest.percent': 'fpct',
};
/** connected, maintenance, status (flat 0/1/2: temp is the flattest profile), cpu %, memory %, MHz, bytes. */
const HOST_PROFILES: Profile[] = ['temp', 'temp', 'temp', 'fpct', 'fpct', 'cpu', 'bytes'];
/** capacity, free, free %, accessible, status. */
const DATASTORE_PROFILES: Profile[] = ['bytes', 'bytes', 'fpct', 'temp', 'temp'];

function siteSeries(): { profile: Profile; count: number }[] {
  const { hosts, nicsPerHost, adaptersPerHost, datastores, clusters } = SITE;
  return [
    ...HOST_PROFILES.map((profile) => ({ profile, count: hosts })),
    { profile: 'rate' as const, count: hosts * (nicsPerHost + adaptersPerHost) * 4 },
    ...DATASTORE_PROFILES.map((profile) => ({ profile, count: datastores })),
    { profile: 'temp' as const, count: clusters + 6 },
  ];
}

function measureStore(size: BenchSize): BenchResult {
  const plan = PLAN[size];
  const profiles: Profile[] = ['cpu', 'fpct', 'bytes', 'temp', 'rate'];
  const full = measureSize(plan.days, plan.perProfile, { profiles, history: 'full' }).steady;
  const reduced = measureSize(plan.days, plan.perProfile, { profiles, history: 'reduced' }).steady;
  const perSeries = (p: Profile, history: 'full' | 'reduced'): number => (history === 'full' ? full : reduced).get(p) ?? 0;
  const site = siteSeries().reduce((sum, s) => sum + s.count * perSeries(s.profile, 'full'), 0);
  const siteSeriesCount = siteSeries().reduce((n, s) => n + s.count, 0);
  const vmBytes = (history: VmHistory): number =>
    history === 'table-only'
      ? 0
      : SITE.vms * VM_METRICS.reduce((sum, m) => sum + perSeries(VM_PROFILES[m], history), 0);
  const policy = effectiveVmHistory('auto', SITE.vms);
  const vigie = site + vmBytes(policy);
  const baseline = site + vmBytes('full');
  const kb = (p: Profile, h: 'full' | 'reduced'): string => (perSeries(p, h) / 1024).toFixed(1);
  return {
    name: `store at steady state, ${SITE.hosts} hosts / ${SITE.vms.toLocaleString('en-US')} VMs (${siteSeriesCount.toLocaleString('en-US')} site series + ${VM_METRICS.length} per VM; projected from ${plan.days} days of the real store)`,
    vigie: { label: `default policy (auto = ${policy} beyond ${AUTO_FULL_VMS} VMs)`, value: vigie / GB, unit: 'GB' },
    baseline: { label: 'every series at full history (before the policy)', value: baseline / GB, unit: 'GB' },
    ratio: ratioOf(vigie, baseline),
    better: 'lower',
    target: '< 1 GB',
    pass: vigie < GB,
    notes: [
      `per-VM policy reduced (no raw tier) at ${SITE.vms} VMs: ${((site + vmBytes('reduced')) / GB).toFixed(2)} GB; full: ${(baseline / GB).toFixed(2)} GB`,
      `KiB per series, full / reduced: ${profiles.map((p) => `${p} ${kb(p, 'full')} / ${kb(p, 'reduced')}`).join(', ')}`,
    ],
  };
}

interface TableTimes {
  sortMs: number[];
  filterMs: number[];
  /** Main-thread CPU time of each action (CDP ThreadTime), which a busy neighbour inflates far less. */
  sortCpuMs: number[];
  filterCpuMs: number[];
  /** Array.prototype.sort + filter of the same rows in the page, for scale. */
  plainMs: number;
}

/**
 * In the page (a string: it runs in the browser, not in Node). __benchStep(action, query): clicks the VM
 * header ('sort') or types into the filter box ('filter': the query, 'clear': nothing), then resolves the time
 * to the frame after the table body's next mutation (MutationObserver, then requestAnimationFrame).
 */
const IN_PAGE = `(() => {
  const time = (body, act) => new Promise((resolve, reject) => {
    let start = 0;
    const observer = new MutationObserver(() => {
      observer.disconnect();
      requestAnimationFrame(() => { clearTimeout(timeout); resolve(performance.now() - start); });
    });
    const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('the table did not change')); }, 30000);
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    start = performance.now();
    act();
  });
  window.__benchStep = (action, query) => {
    const table = [...document.querySelectorAll('table')].find((x) => x.getAttribute('aria-label') === 'Virtual machines');
    const body = table && table.querySelector('tbody');
    const header = table && [...table.querySelectorAll('thead button')].find((b) => b.textContent.trim() === 'VM');
    const input = document.querySelector('input[aria-label*="Virtual machines"]');
    if (!body || !header || !input) throw new Error('VM table, its VM header or its filter box not found');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const type = (text) => { setValue.call(input, text); input.dispatchEvent(new Event('input', { bubbles: true })); };
    return time(body, () => (action === 'sort' ? header.click() : type(action === 'filter' ? query : '')));
  };
  window.__benchPlain = (rows, query) => {
    const t0 = performance.now();
    const sorted = [...rows].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const kept = sorted.filter((r) => Object.values(r).some((v) => String(v).toLowerCase().includes(query)));
    const plainMs = performance.now() - t0;
    window.__benchKept = kept.length;
    return plainMs;
  };
})();`;

/** Matches name-120…129 and name-1200…1299 among the fake VMs' names (110 of 5,000; none of 500). */
const QUERY = 'name-12';

type InPage = { __benchStep: (action: string, q: string) => Promise<number>; __benchPlain: (rows: unknown[], q: string) => number };

async function timeTable(browser: Browser, server: StaticServer, vms: number, repeats: number): Promise<TableTimes> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page: Page = await context.newPage();
  try {
    const core = new FakeCore({ tableRows: { vms } });
    await installFake(page, core);
    await page.addInitScript(IN_PAGE);
    await page.goto(`${server.url}/#/device/vsphere-1`);
    const table = page.getByRole('table', { name: 'Virtual machines' });
    await table.locator('tbody tr').first().waitFor({ timeout: 120_000 });
    const rows = core.devices.get('vsphere-1')?.snapshot?.tables.vms ?? [];
    if (rows.length !== vms) throw new Error(`the fake vCenter has ${rows.length} VMs, not ${vms}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = metrics.find((x) => x.name === 'ThreadTime');
      if (!m) throw new Error('CDP Performance.getMetrics has no ThreadTime');
      return m.value * 1000;
    };
    const step = async (action: 'sort' | 'filter' | 'clear'): Promise<{ wall: number; cpu: number }> => {
      const before = await threadTime();
      const wall = await page.evaluate(([a, q]) => (globalThis as unknown as InPage).__benchStep(a, q), [action, QUERY] as const);
      const cpu = (await threadTime()) - before;
      // Let the page finish what follows (deferred renders, idle work) before the next action.
      await page.waitForTimeout(50);
      return { wall, cpu };
    };
    const out: TableTimes = { sortMs: [], filterMs: [], sortCpuMs: [], filterCpuMs: [], plainMs: 0 };
    for (let i = 0; i < repeats; i++) {
      const sort = await step('sort');
      out.sortMs.push(sort.wall);
      out.sortCpuMs.push(sort.cpu);
      const filter = await step('filter');
      out.filterMs.push(filter.wall);
      out.filterCpuMs.push(filter.cpu);
      await step('clear');
    }
    out.plainMs = await page.evaluate(([data, q]) => (globalThis as unknown as InPage).__benchPlain(data, q), [rows, QUERY] as const);
    await cdp.detach();
    return out;
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function ensureBuilt(size: BenchSize): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  if (size === 'smoke') throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
}

async function measureTable(size: BenchSize): Promise<BenchResult[]> {
  const plan = PLAN[size];
  ensureBuilt(size);
  const server = await startStaticServer(RENDERER_DIR);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const big: TableTimes[] = [];
  const small: TableTimes[] = [];
  try {
    // Alternating, so that a busy neighbour weighs on both sides alike.
    for (let run = 0; run < plan.runs; run++) {
      small.push(await timeTable(browser, server, plan.baselineVms, plan.repeats));
      big.push(await timeTable(browser, server, plan.vms, plan.repeats));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const all = (xs: TableTimes[], k: 'sortMs' | 'filterMs' | 'sortCpuMs' | 'filterCpuMs'): number[] => xs.flatMap((x) => x[k]);
  const plain = median(big.map((x) => x.plainMs));
  const one = (what: 'sort' | 'filter', k: 'sortMs' | 'filterMs', cpu: 'sortCpuMs' | 'filterCpuMs', action: string): BenchResult => {
    const vigie = median(all(big, k));
    const baseline = median(all(small, k));
    return {
      name: `VM table ${what}, ${plan.vms.toLocaleString('en-US')} rows (${action} → frame after the rows changed, in Chromium)`,
      vigie: { label: `${plan.vms.toLocaleString('en-US')} rows`, value: vigie, unit: 'ms' },
      baseline: { label: `same table, ${plan.baselineVms} rows`, value: baseline, unit: 'ms' },
      ratio: ratioOf(vigie, baseline),
      better: 'lower',
      target: '< 100 ms',
      pass: vigie < 100,
      notes: [
        `runs (ms): ${all(big, k).map((x) => x.toFixed(1)).join(', ')}`,
        `main-thread CPU per action (CDP ThreadTime, median): ${median(all(big, cpu)).toFixed(1)} ms at ${plan.vms} rows, ${median(all(small, cpu)).toFixed(1)} ms at ${plan.baselineVms}`,
        `plain Array sort + filter of the same ${plan.vms} rows in the page: ${plain.toFixed(1)} ms`,
      ],
    };
  };
  return [
    one('sort', 'sortMs', 'sortCpuMs', 'click on the VM header'),
    one('filter', 'filterMs', 'filterCpuMs', `typing "${QUERY}" in the filter box`),
  ];
}

const bench: Benchmark = {
  name: 'vCenter with 5,000 VMs',
  requires: ['chromium'],
  async run(size) {
    return [measureStore(size), ...(await measureTable(size))];
  },
};

export default bench;
