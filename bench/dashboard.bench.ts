import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FakeCore } from '../e2e/fake/fake-core';
import { installFake } from '../e2e/fake/install-fake';
import { REPO, RENDERER_DIR } from '../e2e/support/paths';
import { startStaticServer, type StaticServer } from '../e2e/support/static-server';
import { CHROMIUM_LAUNCH } from '../test/helpers/chromium';
import { ratioOf, type Benchmark, type BenchResult, type BenchSize } from './bench';

/**
 * quality.md "Performance": the dashboard with 2,000 tiles. The built renderer (out/renderer) on a static
 * server, in Debian's Chromium, on the fake core of the e2e specs (e2e/fake, installed as the specs do), in a
 * 1400×900 window.
 *
 * (a) First render: from the moment the answer to `devices:list` resolves in the page (before the renderer
 * parses it) to the start of the frame after the first frame whose DOM holds tiles down past the bottom of
 * the window (that frame has then been painted). Baseline: the same build and page with every tile
 * rendered, through the test-only switch of dashboard/render-every-tile.ts (what the page did before it was
 * virtualised).
 * (b) Live updates: every device changes once per second (an in-page driver calls the fake bridge's event
 * hook, as the transport would, at an even rate), the page at the top. Main-thread busy = growth of CDP
 * `Performance.getMetrics` TaskDuration over wall time. Baseline: the same page over the same time with
 * updates off. The page with every tile rendered under the same updates is printed as a note.
 *
 * Runs alternate between the two pages; medians are compared.
 */
const PLAN: Record<BenchSize, { extraDevices: number; updateSeconds: number; runs: number }> = {
  full: { extraDevices: 2000, updateSeconds: 10, runs: 3 },
  // Above the 200 tiles that small dashboards render whole, so the smoke run is virtualised too.
  smoke: { extraDevices: 250, updateSeconds: 2, runs: 1 },
};
const VIEWPORT = { width: 1400, height: 900 };

interface PageRun {
  firstRenderMs: number;
  busyUpdatesOn: Busy;
  busyUpdatesOff: Busy | null;
  tilesMounted: number;
  updatesSent: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

// Runs in the page before the app: stamps when the device list reaches the renderer, then watches frames.
const MEASURE_FIRST_RENDER = `(() => {
  const w = window;
  const invoke = w.__vigieFakeInvoke;
  w.__vigieFakeInvoke = (channel, payload) => invoke(channel, payload).then((answer) => {
    if (channel === 'devices:list' && w.__benchListAt === undefined) {
      w.__benchListAt = performance.now();
      const check = () => {
        const tiles = document.querySelectorAll('a[data-testid^="tile-"]');
        const last = tiles[tiles.length - 1];
        if (last && last.getBoundingClientRect().top >= innerHeight) {
          requestAnimationFrame(() => { w.__benchDrawnAt = performance.now(); });
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }
    return answer;
  });
})();`;

const RENDER_ALL = `window.__VIGIE_BENCH_RENDER_ALL_TILES__ = true;`;

type Summary = ReturnType<FakeCore['tick']>;

/** Starts the in-page driver: every device changes once a second, spread evenly; resolves what it sent. */
async function driveUpdates(page: Page, summaries: Summary[], seconds: number): Promise<number> {
  return page.evaluate(
    async ({ list, ms }) => {
      const emit = (globalThis as unknown as { __vigieFakeEmit: (e: string, p: unknown) => void })
        .__vigieFakeEmit;
      const start = performance.now();
      let sent = 0;
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const elapsed = performance.now() - start;
          const due = Math.floor((Math.min(elapsed, ms) / 1000) * list.length);
          for (; sent < due; sent++) {
            const s = list[sent % list.length] as (typeof list)[number];
            const now = Date.now();
            const value = (sent % 997) / 10;
            emit('devices:changed', {
              ...s,
              lastPollAt: now,
              keyFigureAt: now,
              keyFigure: s.keyFigure
                ? { ...s.keyFigure, value, text: null }
                : { value, text: null, unit: 'percent' },
            });
          }
          if (elapsed >= ms) {
            clearInterval(timer);
            resolve();
          }
        }, 50);
      });
      return sent;
    },
    { list: summaries, ms: seconds * 1000 },
  );
}

interface Busy {
  /** Share of wall time (0–1) the page's main thread spent in tasks. */
  task: number;
  /** Of which script, style recalculation and layout (shares of wall time), to say where it went. */
  script: number;
  style: number;
  layout: number;
}

/** Main-thread busy shares of the page over a function's run, from CDP's Performance metrics. */
async function busyWhile(page: Page, work: () => Promise<unknown>): Promise<Busy> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async (): Promise<Map<string, number>> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return new Map(metrics.map((m) => [m.name, m.value]));
  };
  const before = await read();
  const w0 = performance.now();
  await work();
  const after = await read();
  const wall = (performance.now() - w0) / 1000;
  await cdp.detach();
  const share = (name: string): number => {
    const a = after.get(name);
    const b = before.get(name);
    if (a === undefined || b === undefined) throw new Error(`CDP Performance.getMetrics has no ${name}`);
    return (a - b) / wall;
  };
  return {
    task: share('TaskDuration'),
    script: share('ScriptDuration'),
    style: share('RecalcStyleDuration'),
    layout: share('LayoutDuration'),
  };
}

async function runPage(
  browser: Browser,
  server: StaticServer,
  extraDevices: number,
  seconds: number,
  renderAll: boolean,
): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  const page = await context.newPage();
  try {
    const core = new FakeCore({ extraDevices });
    if (renderAll) await page.addInitScript(RENDER_ALL);
    await installFake(page, core);
    await page.addInitScript(MEASURE_FIRST_RENDER);
    await page.goto(`${server.url}/#/`);
    const handle = await page.waitForFunction(
      () => {
        const w = globalThis as unknown as { __benchListAt?: number; __benchDrawnAt?: number };
        return w.__benchDrawnAt !== undefined && w.__benchListAt !== undefined
          ? w.__benchDrawnAt - w.__benchListAt
          : null;
      },
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    const firstRenderMs = (await handle.jsonValue()) as number;
    const tilesMounted = await page.locator('a[data-testid^="tile-"]').count();
    // Let the first-load work (recent events, fonts, idle callbacks) finish before measuring the steady state.
    await page.waitForTimeout(1000);
    const summaries = [...core.devices.values()].map((d) => d.summary);
    let updatesSent = 0;
    const busyUpdatesOn = await busyWhile(page, async () => {
      updatesSent = await driveUpdates(page, summaries, seconds);
    });
    const busyUpdatesOff = renderAll
      ? null
      : await busyWhile(page, () => page.waitForTimeout(seconds * 1000));
    return { firstRenderMs, busyUpdatesOn, busyUpdatesOff, tilesMounted, updatesSent };
  } finally {
    await context.close();
  }
}

function ensureBuilt(size: BenchSize): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  if (size === 'smoke') throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
}

const bench: Benchmark = {
  name: 'dashboard with many tiles',
  requires: ['chromium'],
  async run(size) {
    const plan = PLAN[size];
    ensureBuilt(size);
    const server = await startStaticServer(RENDERER_DIR);
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const virtual: PageRun[] = [];
    const all: PageRun[] = [];
    try {
      for (let i = 0; i < plan.runs; i++) {
        all.push(await runPage(browser, server, plan.extraDevices, plan.updateSeconds, true));
        virtual.push(await runPage(browser, server, plan.extraDevices, plan.updateSeconds, false));
      }
    } finally {
      await browser.close();
      await server.close();
    }
    const devices = new FakeCore({ extraDevices: plan.extraDevices }).devices.size;
    const first = median(virtual.map((r) => r.firstRenderMs));
    const firstAll = median(all.map((r) => r.firstRenderMs));
    const pct = (runs: PageRun[], pick: (r: PageRun) => number): number => median(runs.map(pick)) * 100;
    const busyOn = pct(virtual, (r) => r.busyUpdatesOn.task);
    const busyOff = pct(virtual, (r) => r.busyUpdatesOff?.task ?? 0);
    const busyAll = pct(all, (r) => r.busyUpdatesOn.task);
    const split = (runs: PageRun[], pick: (r: PageRun) => Busy | null): string =>
      `script ${pct(runs, (r) => pick(r)?.script ?? 0).toFixed(1)} %, style ${pct(runs, (r) => pick(r)?.style ?? 0).toFixed(1)} %, layout ${pct(runs, (r) => pick(r)?.layout ?? 0).toFixed(1)} %`;
    const sent = median(virtual.map((r) => r.updatesSent));
    const mounted = median(virtual.map((r) => r.tilesMounted));
    const mountedAll = median(all.map((r) => r.tilesMounted));
    const runs = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
    const results: BenchResult[] = [
      {
        name: `dashboard first render, ${String(devices)} tiles (devices:list answer in the page → first painted frame with the window full of tiles)`,
        vigie: { label: `virtualised, ${String(mounted)} tiles mounted`, value: first, unit: 'ms' },
        baseline: {
          label: `same build, every tile rendered (test-only switch), ${String(mountedAll)} tiles mounted`,
          value: firstAll,
          unit: 'ms',
        },
        ratio: ratioOf(first, firstAll),
        better: 'lower',
        target: '≤ 500 ms',
        pass: first <= 500,
        notes: [
          `runs (ms): virtualised ${runs(virtual.map((r) => r.firstRenderMs))}; every tile ${runs(all.map((r) => r.firstRenderMs))}`,
        ],
      },
      {
        name: `dashboard live updates, ${String(devices)} devices × 1 update/s for ${String(plan.updateSeconds)} s: main-thread busy (CDP TaskDuration / wall time)`,
        vigie: { label: `virtualised, updates on (${String(sent)} sent)`, value: busyOn, unit: '%' },
        baseline: { label: 'same page, updates off', value: busyOff, unit: '%' },
        ratio: ratioOf(busyOn, busyOff),
        better: 'lower',
        target: '≤ 20 % busy',
        pass: busyOn <= 20,
        notes: [
          `of which, updates on: ${split(virtual, (r) => r.busyUpdatesOn)}; updates off: ${split(virtual, (r) => r.busyUpdatesOff)}`,
          `every tile rendered (test-only switch), updates on: ${busyAll.toFixed(1)} % busy (${split(all, (r) => r.busyUpdatesOn)})`,
          `runs (% busy, updates on): virtualised ${virtual.map((r) => (r.busyUpdatesOn.task * 100).toFixed(1)).join(', ')}`,
        ],
      },
    ];
    return results;
  },
};

export default bench;
