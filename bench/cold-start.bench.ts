import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';
import { z } from 'zod';
import { openDataFolderSettings } from '../src/main/core/settings/data-folder-settings';
import { AuthStore } from '../src/main/server/auth-store';
import { freeTcpPort } from '../test/helpers/free-port';
import { startSnmpd } from '../test/helpers/snmpd';
import { ratioOf, type Benchmark, type BenchResult, type BenchSize } from './bench';
import { writeEventHistory, writeMetricHistory, SERIES_PER_DEVICE } from './support/history';
import { createSite, SITE_PASSWORD } from './support/site';

/**
 * quality.md "start": `vigie serve` with 1,000 SNMP devices configured (enabled, polled every 60 s by an snmpd
 * on loopback, as at a real site) and 30 days of history, from spawn to the first 200 of the login page,
 * median of cold runs. Beside it in the same run: Node starting a bare HTTP server that answers the same page
 * (the floor of Node's own start), and serve on an empty data folder (notes). The desktop app's first window
 * is measured where an Electron binary exists.
 */
const PLAN: Record<BenchSize, { devices: number; days: number; runs: number }> = {
  full: { devices: 1000, days: 30, runs: 3 },
  smoke: { devices: 50, days: 2, runs: 1 },
};
const BAR_MS = 2000;
/** Bump when the generated site changes shape: a cached folder of another version is rebuilt. */
const SITE_VERSION = 'v1';
const COMMUNITY = 'bench-cold';
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'out', 'main', 'cli.js');
const CACHE_ROOT = join(tmpdir(), 'vigie-bench-cache');

const MetaSchema = z.object({
  version: z.string(),
  devices: z.number(),
  days: z.number(),
  end: z.number(),
  samples: z.number(),
  events: z.number(),
  buildSeconds: z.number(),
});
type Meta = z.infer<typeof MetaSchema>;

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
}

/**
 * The site folder, built once per version and size and kept under /tmp: the history is written first (so
 * the devices' first real polls land after it), then the devices are imported as a user would (site.ts).
 */
async function cachedSite(
  devices: number,
  days: number,
  agentPort: number,
): Promise<{ dir: string; meta: Meta }> {
  const dir = join(CACHE_ROOT, `cold-start-${SITE_VERSION}-${devices}dev-${days}d`);
  const metaPath = join(dir, 'bench-meta.json');
  if (existsSync(metaPath)) {
    const meta = MetaSchema.safeParse(JSON.parse(readFileSync(metaPath, 'utf8')));
    if (meta.success && meta.data.version === SITE_VERSION) return { dir, meta: meta.data };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(CACHE_ROOT, { recursive: true });
  const work = mkdtempSync(join(CACHE_ROOT, 'building-'));
  const started = performance.now();
  const end = Date.now();
  const ids = Array.from({ length: devices }, (_, i) => `bench-${String(i + 1).padStart(4, '0')}`);
  const { samples } = writeMetricHistory(join(work, 'metrics.db'), ids, { days, end });
  const { events } = writeEventHistory(join(work, 'events.db'), {
    days,
    end,
    devices: ids.map((id) => ({ id, name: id })),
  });
  await createSite({
    devices,
    agent: { host: '127.0.0.1', port: agentPort, community: COMMUNITY },
    intervalSeconds: 60,
    dataDir: work,
  });
  const stored = openDataFolderSettings(work, silentLog)
    .get()
    .devices.filter((d) => d.kind === 'snmp')
    .map((d) => d.id);
  const missing = ids.filter((id) => !stored.includes(id));
  if (missing.length)
    throw new Error(
      `the imported devices do not have the ids of their history: ${missing.slice(0, 3).join(', ')}`,
    );
  const meta: Meta = {
    version: SITE_VERSION,
    devices,
    days,
    end,
    samples,
    events,
    buildSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(work, 'bench-meta.json'), JSON.stringify(meta));
  renameSync(work, dir);
  return { dir, meta };
}

/** A copy per run, so every run starts from the same files; devices point at this run's agent. */
function copySite(from: string, agentPort: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cold-'));
  cpSync(from, dir, { recursive: true });
  const settings = openDataFolderSettings(dir, silentLog);
  settings.update((s) => ({
    ...s,
    devices: s.devices.map((d) => (d.kind === 'snmp' ? { ...d, port: agentPort } : d)),
  }));
  return dir;
}

/**
 * Drops the OS page cache (root, outside a read-only /proc); false when not allowed: the figure is then
 * warm-disk. Full size only: on a machine shared with other runs it slows everyone, and the smoke run checks
 * the bench works, not the figure.
 */
function dropCaches(size: BenchSize): boolean {
  if (size === 'smoke') return false;
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

function get(port: number, path: string): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path, agent: false, headers: { 'Accept-Language': 'en' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.end();
  });
}

interface Timed {
  ms: number;
  body: string;
  /** Spawn to the "Vigie console:" line, which serve prints once the core is up (serve only). */
  readyMs: number | null;
}

/**
 * Spawns a program and polls the port until the page answers 200: the time a user waits, spawn included.
 * With `waitReady`, goes on until the program prints its URL line (serve: the core is up) before stopping it.
 */
async function timeToPage(
  args: string[],
  port: number,
  path: string,
  waitReady = false,
  deadlineMs = 120_000,
): Promise<Timed> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let readyMs: number | null = null;
  child.stdout?.on('data', (d: Buffer) => {
    if (readyMs === null && d.toString().includes('Vigie console:')) readyMs = performance.now() - t0;
  });
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const failIfGone = (): void => {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode}): ${stderr}`);
    if (performance.now() - t0 > deadlineMs) throw new Error(`no answer within ${deadlineMs} ms: ${stderr}`);
  };
  try {
    let answer: { status: number; body: string } | null = null;
    for (;;) {
      answer = await get(port, path);
      if (answer?.status === 200) break;
      failIfGone();
      // Fast retry: a refused connection on loopback costs microseconds; the step bounds the error to ~2 ms.
      await new Promise((r) => setTimeout(r, answer ? 20 : 2));
    }
    const ms = performance.now() - t0;
    while (waitReady && readyMs === null) {
      failIfGone();
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms, body: answer.body, readyMs };
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function serveOnce(dataDir: string): Promise<Timed> {
  const port = await freeTcpPort();
  return timeToPage(
    [CLI, 'serve', '--data', dataDir, '--port', String(port), '--secrets', 'file'],
    port,
    '/login',
    true,
  );
}

/** Node's own start: a bare http server answering the login page's bytes from a file. */
async function nodeFloorOnce(dir: string, page: string): Promise<Timed> {
  const port = await freeTcpPort();
  const file = join(dir, 'login.html');
  const script = join(dir, 'floor.mjs');
  writeFileSync(file, page);
  writeFileSync(
    script,
    `import { createServer } from 'node:http';\nimport { readFileSync } from 'node:fs';\n` +
      `createServer((q, s) => { s.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); s.end(readFileSync(${JSON.stringify(file)})); }).listen(${port}, '127.0.0.1');\n`,
  );
  return timeToPage([script], port, '/login');
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function electronBinary(): string | null {
  const pathTxt = join(REPO, 'node_modules/electron/path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = join(REPO, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/** The desktop app on the same site: launch to the first window's DOMContentLoaded. */
async function electronFirstWindow(bin: string, dataDir: string): Promise<number> {
  const t0 = performance.now();
  const app = await electron.launch({
    executablePath: bin,
    args: [REPO, `--user-data-dir=${dataDir}`],
    env: { ...process.env, VIGIE_DATA: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return performance.now() - t0;
  } finally {
    await app.close();
  }
}

function sizeMb(path: string): number {
  return existsSync(path) ? statSync(path).size / 2 ** 20 : 0;
}

const bench: Benchmark = {
  name: 'cold start of serve',
  requires: ['snmpd'],
  async run(size) {
    const plan = PLAN[size];
    ensureBuilt();
    const agent = await startSnmpd({ community: COMMUNITY, users: [] });
    const scratch = mkdtempSync(join(tmpdir(), 'vigie-cold-floor-'));
    const copies: string[] = [];
    try {
      const { dir: siteDir, meta } = await cachedSite(plan.devices, plan.days, agent.port);
      const empty = mkdtempSync(join(tmpdir(), 'vigie-cold-empty-'));
      copies.push(empty);
      await new AuthStore(empty).setPassword(SITE_PASSWORD);
      const site: number[] = [];
      const ready: number[] = [];
      const floor: number[] = [];
      const bare: number[] = [];
      let cold = true;
      let page = '';
      // Interleaved, so that a busy moment of this shared machine falls on every side alike.
      for (let run = 0; run < plan.runs; run++) {
        const copy = copySite(siteDir, agent.port);
        copies.push(copy);
        cold = dropCaches(size) && cold;
        const served = await serveOnce(copy);
        site.push(served.ms);
        if (served.readyMs !== null) ready.push(served.readyMs);
        page = served.body;
        cold = dropCaches(size) && cold;
        floor.push((await nodeFloorOnce(scratch, page)).ms);
        const emptyCopy = mkdtempSync(join(tmpdir(), 'vigie-cold-empty-'));
        copies.push(emptyCopy);
        cpSync(empty, emptyCopy, { recursive: true });
        cold = dropCaches(size) && cold;
        bare.push((await serveOnce(emptyCopy)).ms);
      }
      if (!page.includes('password')) throw new Error('the page answered is not the login page');
      const vigieMs = median(site);
      const floorMs = median(floor);
      const notes = [
        `${plan.devices} SNMP devices (enabled, 60 s, polled from the start by snmpd on 127.0.0.1:${agent.port}) + This computer; ${SERIES_PER_DEVICE} series per device, ${plan.days} days of history (last 25 h at 60 s, older at 5-min steps: same tier rows), ${meta.events.toLocaleString('en-US')} events`,
        `metrics.db ${sizeMb(join(siteDir, 'metrics.db')).toFixed(0)} MB, events.db ${sizeMb(join(siteDir, 'events.db')).toFixed(1)} MB, settings.json ${(sizeMb(join(siteDir, 'settings.json')) * 1024).toFixed(0)} KB; site built in ${meta.buildSeconds.toFixed(0)} s (cached in ${siteDir})`,
        `the core behind it (store, ${plan.devices} devices, alert memory, first polls) is up, URL printed, after ${ready.map((v) => v.toFixed(0)).join(', ')} ms: API calls made before wait for it`,
        `runs (ms): serve on the site ${site.map((v) => v.toFixed(0)).join(', ')}; node floor ${floor.map((v) => v.toFixed(0)).join(', ')}; serve on an empty data folder ${bare.map((v) => v.toFixed(0)).join(', ')} (median ${median(bare).toFixed(0)})`,
        cold
          ? 'page cache dropped before every start (cold disk)'
          : size === 'smoke'
            ? 'smoke size: page cache kept (warm-disk figures)'
            : 'page cache could not be dropped (/proc/sys/vm/drop_caches not writable): warm-disk figures',
      ];
      const bin = electronBinary();
      if (!bin) notes.push('desktop app first window: skipped: no Electron binary');
      else {
        const copy = copySite(siteDir, agent.port);
        copies.push(copy);
        dropCaches(size);
        notes.push(
          `desktop app first window (launch → DOMContentLoaded, same site, keychain secrets): ${(await electronFirstWindow(bin, copy)).toFixed(0)} ms, bar ≤ ${BAR_MS} ms`,
        );
      }
      for (const n of notes) if (n.includes('skipped')) console.log(`    ${n}`);
      const result: BenchResult = {
        name: `cold start of serve to the login page, ${plan.devices} devices, ${plan.days} days of history (median of ${plan.runs})`,
        vigie: { label: 'vigie serve: spawn → first 200 of /login', value: vigieMs, unit: 'ms' },
        baseline: { label: 'node: bare http server answering the same page', value: floorMs, unit: 'ms' },
        ratio: ratioOf(vigieMs, floorMs),
        better: 'lower',
        target: `≤ ${BAR_MS} ms`,
        pass: vigieMs <= BAR_MS,
        notes,
      };
      return [result];
    } finally {
      await agent.dispose();
      for (const c of copies) rmSync(c, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

export default bench;
