import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { createFakeCore, type FakeCore } from '../../helpers/fake-core';
import { memoryLog } from './http-request';
import { CHROMIUM_LAUNCH } from '../../helpers/chromium';
import { missingPeer } from '../../helpers/peer';

const PASSWORD = 'browser password 1';

/**
 * A stand-in renderer: one external script (inline ones are banned by the CSP) that uses the bridge the way
 * the real renderer does, a same-origin fetch POST and a WebSocket, and a logout form.
 */
const INDEX = `<!doctype html><html><head><script src="/assets/probe.js" defer></script></head>
<body><p id="info">…</p><p id="ws">…</p><p id="event">…</p>
<form method="post" action="/logout"><button type="submit">Sign out</button></form></body></html>`;
const PROBE = `
fetch('/api/call/app:info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  .then((r) => r.json()).then((e) => { document.getElementById('info').textContent = e.ok ? 'info:' + e.result.name : 'error:' + e.error.code; });
const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/api/events');
ws.onopen = () => { document.getElementById('ws').textContent = 'ws:open'; };
ws.onclose = (e) => { document.getElementById('ws').textContent = 'ws:closed:' + e.code; };
ws.onmessage = (m) => { document.getElementById('event').textContent = 'event:' + JSON.parse(m.data).payload.title; };
`;

let root: string;
let core: FakeCore;
let server: RunningServer;
let browser: Browser | undefined;
const log = memoryLog();

/** The attacker's script: a no-cors state change, a JSON call (needs a preflight), the socket, a logout. */
const ATTACK = `
const device = { name: 'planted', kind: 'snmp', host: '192.0.2.66', snmp: { version: '2c' } };
const add = (init) => fetch('TARGET/api/call/devices:add', { method: 'POST', credentials: 'include', body: JSON.stringify(device), ...init });
(async () => {
  await add({ mode: 'no-cors', headers: { 'content-type': 'text/plain' } }).catch(() => null);
  const cors = await add({ headers: { 'content-type': 'application/json' } }).then(() => 'answered', () => 'blocked');
  const ws = await new Promise((resolve) => {
    const s = new WebSocket('TARGET'.replace(/^http/, 'ws') + '/api/events');
    s.onopen = () => resolve('open');
    s.onerror = () => resolve('refused');
  });
  await fetch('TARGET/logout', { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({}) }).catch(() => null);
  document.getElementById('out').textContent = 'done cors:' + cors + ' ws:' + ws;
})();
`;

beforeAll(async () => {
  if (!existsSync(CHROMIUM_LAUNCH.executablePath)) return;
  root = mkdtempSync(join(tmpdir(), 'vigie-serve-browser-'));
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'assets', 'probe.js'), PROBE);
  core = createFakeCore();
  server = await startServer(core, {
    host: '127.0.0.1',
    port: 0,
    staticDir,
    dataDir: join(root, 'data'),
    log,
  });
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.skipIf(missingPeer('Chromium', existsSync(CHROMIUM_LAUNCH.executablePath) ? null : `${CHROMIUM_LAUNCH.executablePath} not found (apt-get install chromium)`))('serve in Debian Chromium', () => {
  it('first-run setup, the bridge under the CSP, logout and login, all from real pages', async () => {
    const context = await browser!.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    // CSP violations and script errors; HTTP errors the test provokes (the 401 of a wrong password) are not.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(server.url);
    expect(new URL(page.url()).pathname).toBe('/setup');
    await expect(page.locator('h1').textContent()).resolves.toBe('Choisir le mot de passe administrateur');
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(server.url);
    await page.locator('#info', { hasText: 'info:vigie' }).waitFor();
    await page.locator('#ws', { hasText: 'ws:open' }).waitFor();
    core.emit('notify:show', { title: 'Disk full', body: '/var at 97 %', severity: 'critical' });
    await page.locator('#event', { hasText: 'event:Disk full' }).waitFor();
    const cookies = await context.cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }))).toEqual([
      { name: 'vigie_session', httpOnly: true, sameSite: 'Strict' },
    ]);

    await page.click('text=Sign out');
    await page.waitForURL(/\/login\?bye=1$/);
    await expect(page.locator('[role=status]').textContent()).resolves.toBe('Vous êtes déconnecté.');
    expect(await context.cookies()).toEqual([]);

    await page.fill('#password', 'not the password');
    await page.click('button[type=submit]');
    await expect(page.locator('[role=alert]').textContent()).resolves.toBe('Mot de passe incorrect.');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(server.url);
    await page.locator('#info', { hasText: 'info:vigie' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a page of another site on the same host (same-site, so the cookie goes along) can change nothing', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(server.url);
    // Another port of 127.0.0.1 is another origin but the same site: SameSite=Strict does not stop the
    // cookie there, the Origin checks must.
    const evil = createServer((req, res) => {
      if (req.url === '/attack.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(ATTACK.replaceAll('TARGET', new URL(server.url).origin));
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><body><p id="out">…</p><script src="/attack.js"></script></body>');
      }
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    try {
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const out = await page.locator('#out', { hasText: 'done' }).textContent();
      expect(out).toBe('done cors:blocked ws:refused');
      expect(await core.dispatch('devices:list', {})).toEqual({ ok: true, result: [] });
      expect(log.lines.some((l) => l.startsWith('warn call refused: cross-site origin'))).toBe(true);
      expect(log.lines.some((l) => l.startsWith('warn event socket refused: cross-site origin'))).toBe(true);
      expect(log.lines.some((l) => l.startsWith('warn form refused: cross-site origin'))).toBe(true);
      // The logout form posted from there did not end the session either.
      await page.goto(server.url);
      await page.locator('#info', { hasText: 'info:vigie' }).waitFor();
    } finally {
      await new Promise((r) => evil.close(r));
      await context.close();
    }
  });
});
