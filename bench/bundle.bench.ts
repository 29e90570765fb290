import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page, type Response } from 'playwright-core';
import { FakeCore } from '../e2e/fake/fake-core';
import { installFake } from '../e2e/fake/install-fake';
import { REPO, RENDERER_DIR } from '../e2e/support/paths';
import { startStaticServer } from '../e2e/support/static-server';
import { CHUNK_MODULES_FILE } from '../scripts/chunk-modules-plugin';
import { CHROMIUM_LAUNCH } from '../test/helpers/chromium';
import { ratioOf, type Benchmark, type BenchSize } from './bench';
import {
  addBytes,
  entryKey,
  MANIFEST_FILE,
  readRendererBuild,
  sizeOf,
  staticLoad,
  wholeBundle,
  type Bytes,
} from './bundle-graph';

/**
 * Issue 18 item 6: what the browser fetches to show the dashboard. The built renderer (out/renderer) on a
 * static server with the e2e fake core, in Debian's Chromium: every JS and CSS response from opening the
 * console until the dashboard shows tiles and the network has been idle, counted with the bytes of each
 * body as served (minified) and gzip-compressed (level 9, what a compressing proxy would send). Baseline:
 * the whole renderer bundle (every JS and CSS file of out/renderer/assets), which the single-chunk build
 * sent at once. Target, as the issue words it ("the dashboard loads only what it draws"): no page chunk (a
 * dynamic entry of the manifest) in the first load, and at most 300 kB over the wire, gzip being what
 * `serve` sends (static-files.ts). Mantine's stylesheet and react-dom are most of what remains. The same at
 * smoke size: it is quick.
 * Notes: what opening a device page fetches next, and the chunk graph's own prediction of the first load
 * (the manifest), which must name the same files the browser fetched.
 */
const TARGET_GZIP_KB = 300;
const DEADLINE_MS = 60_000;

function ensureBuilt(): void {
  if ([MANIFEST_FILE, CHUNK_MODULES_FILE, 'index.html'].every((f) => existsSync(join(RENDERER_DIR, f)))) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
}

interface Fetched {
  files: string[];
  bytes: Bytes;
}

/** Records JS and CSS answered by the server; `take` returns what arrived since the last take. */
function recordAssets(page: Page, origin: string): { take: () => Promise<Fetched> } {
  let pending: Promise<{ file: string; bytes: Bytes } | null>[] = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (url.origin !== origin || !/\.(js|css)$/.test(url.pathname)) return;
    pending.push(
      response.body().then(
        (body) => ({ file: url.pathname.replace(/^\//, ''), bytes: sizeOf(body) }),
        () => null,
      ),
    );
  });
  return {
    async take() {
      const got = (await Promise.all(pending)).filter((x): x is { file: string; bytes: Bytes } => x !== null);
      pending = [];
      return {
        files: [...new Set(got.map((g) => g.file))].sort(),
        bytes: got.reduce((sum, g) => addBytes(sum, g.bytes), { minified: 0, gzip: 0 }),
      };
    },
  };
}

const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;

const bench: Benchmark = {
  name: 'renderer bundle, dashboard first load',
  requires: ['chromium'],
  async run(_size: BenchSize) {
    ensureBuilt();
    const build = readRendererBuild(RENDERER_DIR);
    const predicted = staticLoad(build, entryKey(build.manifest));
    const whole = wholeBundle(RENDERER_DIR);
    const core = new FakeCore();
    const someDevice = [...core.devices.keys()][0];
    if (!someDevice) throw new Error('the fake core has no device');

    const server = await startStaticServer(RENDERER_DIR);
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    let first: Fetched;
    let devicePage: Fetched;
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await installFake(page, core);
      const assets = recordAssets(page, server.url);
      await page.goto(`${server.url}/#/`);
      await page.locator('a[data-testid^="tile-"]').first().waitFor({ state: 'visible', timeout: DEADLINE_MS });
      await page.waitForLoadState('networkidle', { timeout: DEADLINE_MS });
      first = await assets.take();
      // A hash change, as the app's own links do: the document (and what it loaded) stays.
      await page.evaluate((id) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = `#/device/${encodeURIComponent(id)}`;
      }, someDevice);
      await page.getByTestId('device-page').waitFor({ state: 'visible', timeout: DEADLINE_MS });
      await page.waitForLoadState('networkidle', { timeout: DEADLINE_MS });
      devicePage = await assets.take();
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }

    const predictedBytes = predicted.files
      .map((f) => sizeOf(readFileSync(join(RENDERER_DIR, f))))
      .reduce(addBytes, { minified: 0, gzip: 0 });
    const sameAsManifest = JSON.stringify(first.files) === JSON.stringify(predicted.files);
    const share = ratioOf(first.bytes.minified, whole.bytes.minified);
    const pageChunks = new Set(Object.values(build.manifest).filter((c) => c.isDynamicEntry).map((c) => c.file));
    const pagesInFirst = first.files.filter((f) => pageChunks.has(f));
    const gzipKb = first.bytes.gzip / 1000;
    return [
      {
        name: 'dashboard first load: JS + CSS fetched by Chromium until tiles show and the network is idle (minified bytes)',
        vigie: {
          label: `first load, ${String(first.files.length)} files, ${kB(first.bytes.gzip)} gzip`,
          value: first.bytes.minified / 1000,
          unit: 'kB',
        },
        baseline: {
          label: `the whole renderer bundle, ${String(whole.files.length)} files, ${kB(whole.bytes.gzip)} gzip`,
          value: whole.bytes.minified / 1000,
          unit: 'kB',
        },
        ratio: share,
        better: 'lower',
        target: `no page chunk in the first load, ≤ ${String(TARGET_GZIP_KB)} kB gzip (as serve sends it)`,
        pass: pagesInFirst.length === 0 && pageChunks.size > 0 && gzipKb <= TARGET_GZIP_KB,
        notes: [
          pagesInFirst.length
            ? `page chunks in the first load: ${pagesInFirst.join(', ')}`
            : `none of the ${String(pageChunks.size)} page chunks is in the first load`,
          `gzip: first load ${kB(first.bytes.gzip)} of ${kB(whole.bytes.gzip)} (${(ratioOf(first.bytes.gzip, whole.bytes.gzip) * 100).toFixed(0)} %)`,
          `first load files: ${first.files.join(', ')}`,
          `opening a device page then fetches ${String(devicePage.files.length)} files, ${kB(devicePage.bytes.minified)} (${kB(devicePage.bytes.gzip)} gzip)`,
          sameAsManifest
            ? `the manifest's static graph of the entry names the same files (${kB(predictedBytes.minified)})`
            : `MISMATCH: the manifest's static graph names ${predicted.files.join(', ')} (${kB(predictedBytes.minified)})`,
        ],
      },
    ];
  },
};

export default bench;
