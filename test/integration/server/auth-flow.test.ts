import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthStore } from '../../../src/main/server/auth-store';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { createClient } from '../../../src/shared/contract/client';
import { createWebTransport, type SocketLike } from '../../../src/shared/contract/web-transport';
import { createFakeCore, type FakeCore } from '../../helpers/fake-core';
import { call, memoryLog, openEvents, postForm, request, sessionCookieOf, type Reply } from './http-request';

const PASSWORD = 'correct horse battery';
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head><body>Vigie app shell</body></html>';
const BIG_ASSET = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(',')}];`;
const device = {
  name: 'core-switch <img src=x onerror=alert(1)>',
  kind: 'snmp',
  host: '192.0.2.10',
  snmp: { version: '2c' },
};

let root: string;
let dataDir: string;
let core: FakeCore;
let server: RunningServer;
let base: string;
let origin: string;
let cookie = '';
const log = memoryLog();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vigie-serve-'));
  dataDir = join(root, 'data');
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'assets', 'app-1a2b.js'), 'console.log("vigie")');
  writeFileSync(join(staticDir, 'assets', 'page-3c4d.js'), BIG_ASSET);
  writeFileSync(join(root, 'outside.txt'), 'must never be served');
  core = createFakeCore();
  server = await startServer(core, { host: '127.0.0.1', port: 0, staticDir, dataDir, log });
  base = server.url;
  origin = new URL(base).origin;
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}): Promise<Reply> =>
  request(new URL(path, base).toString(), { headers });
const envelope = (r: Reply): { ok: boolean; result?: unknown; error?: { code: string; message: string } } =>
  JSON.parse(r.body) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };

describe('serve before the first password', () => {
  it('reports the first run and sends every page to setup', async () => {
    expect(server.passwordSet).toBe(false);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get('/devices/42');
    expect(home.status).toBe(303);
    expect(home.headers.location).toBe('/login?next=%2Fdevices%2F42');
    const login = await get('/login');
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/setup');
    const setup = await get('/setup');
    expect(setup.status).toBe(200);
    expect(setup.body).toContain('<form method="post" action="/setup">');
    expect(setup.body).toContain('autocomplete="new-password"');
  });

  it('refuses API calls and WebSockets without a session', async () => {
    const r = await call(base, 'devices:list', {});
    expect(r.status).toBe(401);
    expect(envelope(r)).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: expect.any(String) as unknown },
    });
    await expect(openEvents(base, {}, origin)).rejects.toThrow('refused: 401');
    await expect(openEvents(base, { Cookie: 'vigie_session=forged-token-value' }, origin)).rejects.toThrow(
      'refused: 401',
    );
  });

  it('refuses setup sent from another site, relayed by a proxy, or with bad passwords', async () => {
    const cross = await postForm(
      base,
      '/setup',
      { password: PASSWORD, confirm: PASSWORD },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(cross.status).toBe(403);
    const proxied = await postForm(
      base,
      '/setup',
      { password: PASSWORD, confirm: PASSWORD },
      { headers: { 'x-forwarded-for': '203.0.113.9' } },
    );
    expect(proxied.status).toBe(403);
    expect(proxied.body).toContain('vigie passwd');
    const rebinding = await postForm(
      base,
      '/setup',
      { password: PASSWORD, confirm: PASSWORD },
      {
        headers: { host: `evil.example:${server.port}`, origin: `http://evil.example:${server.port}` },
      },
    );
    expect(rebinding.status).toBe(421);
    const short = await postForm(base, '/setup', { password: 'short', confirm: 'short' });
    expect(short.status).toBe(400);
    expect(short.body).toContain('at least 10 characters');
    const mismatch = await postForm(base, '/setup', { password: PASSWORD, confirm: `${PASSWORD}!` });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain('The two passwords differ.');
    expect(await new AuthStore(dataDir).isSet()).toBe(false);
  });

  it('sets the password from this machine, hashed with scrypt in a 0600 file, and signs in', async () => {
    const r = await postForm(base, '/setup', { password: PASSWORD, confirm: PASSWORD });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    cookie = sessionCookieOf(r);
    const authFile = join(dataDir, 'auth.json');
    expect(statSync(authFile).mode & 0o777).toBe(0o600);
    const text = readFileSync(authFile, 'utf8');
    expect(text).not.toContain(PASSWORD);
    const doc = JSON.parse(text) as {
      admin: { algorithm: string; N: number; r: number; p: number; salt: string };
    };
    expect(doc.admin).toMatchObject({ algorithm: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(Buffer.from(doc.admin.salt, 'base64')).toHaveLength(16);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('does not offer setup again once a password exists', async () => {
    expect((await get('/setup')).headers.location).toBe('/login');
    const again = await postForm(base, '/setup', {
      password: 'another password',
      confirm: 'another password',
    });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/login');
    expect(await new AuthStore(dataDir).verify(PASSWORD)).toBe(true);
  });
});

describe('serve with a session', () => {
  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/ and not Secure over plain HTTP', async () => {
    const r = await postForm(base, '/login', { password: PASSWORD });
    expect(r.status).toBe(303);
    const set = r.headers['set-cookie']?.[0] ?? '';
    expect(set).toMatch(/^vigie_session=[A-Za-z0-9_-]{43};/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/');
    expect(set).not.toContain('Secure');
    // A new login gets a new token: no session fixation.
    expect(sessionCookieOf(r)).not.toBe(cookie);
  });

  it('serves the renderer, with the SPA fallback, and nothing outside it', async () => {
    const index = await get('/', { cookie });
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get('/devices/42', { cookie })).body).toBe(INDEX);
    const asset = await get('/assets/app-1a2b.js', { cookie });
    expect(asset.body).toBe('console.log("vigie")');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/assets/missing.js', { cookie })).status).toBe(404);
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt']) {
      const r = await get(path, { cookie });
      expect(r.body).not.toContain('must never be served');
    }
    expect((await get('/assets/app-1a2b.js')).status).toBe(303);
  });

  it('sends scripts gzipped to a browser that accepts it, and plain to one that does not', async () => {
    const url = new URL('/assets/page-3c4d.js', base).toString();
    // fetch asks for gzip and inflates: the header says what travelled, the text that it is the same file.
    const zipped = await fetch(url, { headers: { cookie } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(BIG_ASSET.length / 3);
    expect(await zipped.text()).toBe(BIG_ASSET);
    const plain = await get('/assets/page-3c4d.js', { cookie, 'accept-encoding': 'identity, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_ASSET);
    // A file under 1 KiB is not worth it.
    const small = await fetch(new URL('/assets/app-1a2b.js', base), { headers: { cookie } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('sends strict security headers, the CSP without inline scripts included', async () => {
    for (const r of [
      await get('/', { cookie }),
      await get('/login?lang=fr'),
      await call(base, 'app:info', {}, { cookie }),
    ]) {
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('same-origin');
    }
    expect((await call(base, 'app:info', {}, { cookie })).headers['cache-control']).toBe('no-store');
  });

  it('answers calls with the same envelopes as the dispatcher, and pushes core events over the WebSocket', async () => {
    const events = await openEvents(base, { Cookie: cookie }, origin);
    const added = await call(base, 'devices:add', device, { cookie });
    expect(added.status).toBe(200);
    const summary = envelope(added);
    expect(summary).toMatchObject({
      ok: true,
      result: { name: device.name, host: '192.0.2.10', state: 'unknown' },
    });
    expect(await events.next((m) => (m as { event: string }).event === 'devices:changed')).toEqual({
      event: 'devices:changed',
      payload: summary.result,
    });
    core.emit('notify:show', {
      title: 'UPS on battery',
      body: 'ups-1 runs on battery',
      severity: 'critical',
    });
    expect(await events.next((m) => (m as { event: string }).event === 'notify:show')).toEqual({
      event: 'notify:show',
      payload: { title: 'UPS on battery', body: 'ups-1 runs on battery', severity: 'critical' },
    });
    const list = await call(base, 'devices:list', {}, { cookie });
    expect(envelope(list)).toEqual({ ok: true, result: [summary.result] });
    const invalid = envelope(await call(base, 'devices:get', { id: '../etc' }, { cookie }));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(envelope(await call(base, 'nope:nothing', {}, { cookie }))).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    events.ws.close();
  });

  it('speaks exactly the protocol of the contract web transport', async () => {
    const transport = createWebTransport({
      baseUrl: origin,
      headers: { cookie, origin },
      openSocket: (url) => {
        const ws = new WebSocket(url, { headers: { cookie }, origin });
        opened = new Promise((resolve) => ws.once('open', resolve));
        return ws as unknown as SocketLike;
      },
    });
    let opened: Promise<unknown> | null = null;
    const client = createClient(transport);
    const changed = new Promise((resolve) => client.on('devices:removed', resolve));
    // The event below is only delivered to a socket the server has accepted: wait for that, not a delay.
    await (opened ?? Promise.reject(new Error('the transport opened no socket on subscribe')));
    const info = await client.call('app:info', {});
    expect(info).toMatchObject({ name: 'vigie', mode: 'web' });
    const [first] = await client.call('devices:list', {});
    expect(await client.call('devices:remove', { id: first?.id ?? 'x' })).toEqual({ removed: true });
    expect(await changed).toEqual({ id: first?.id });
    await expect(client.call('devices:get', { id: 'missing' })).rejects.toMatchObject({
      name: 'VigieError',
      code: 'not_found',
    });
    transport.close();
  });

  it('refuses cross-site requests, non-JSON bodies, bad JSON and oversized bodies', async () => {
    const cross = await call(base, 'devices:list', {}, { cookie, origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(envelope(cross).error?.code).toBe('forbidden');
    const fetchMeta = await call(base, 'devices:list', {}, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
    // A sandboxed iframe or a data: page sends the opaque origin "null".
    expect((await call(base, 'devices:list', {}, { cookie, origin: 'null' })).status).toBe(403);
    const asForm = await request(new URL('/api/call/devices:list', base).toString(), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(asForm.status).toBe(415);
    const badJson = await request(new URL('/api/call/devices:list', base).toString(), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"unterminated',
    });
    expect(badJson.status).toBe(400);
    expect(envelope(badJson)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const huge = await request(new URL('/api/call/devices:import', base).toString(), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'content-length': String(17 * 1024 * 1024) },
      body: Buffer.alloc(1024, 0x20),
    }).catch((e: Error) => ({ status: -1, body: e.message, headers: {} }));
    expect(huge.status).toBe(413);
    expect(
      (await request(new URL('/api/call/devices:list', base).toString(), { headers: { cookie } })).status,
    ).toBe(405);
    const unknown = await request(new URL('/api/whatever', base).toString(), { headers: { cookie } });
    expect(unknown.status).toBe(404);
    expect(envelope(unknown).error?.code).toBe('not_found');
    expect(
      (await request(new URL('/anything', base).toString(), { method: 'DELETE', headers: { cookie } }))
        .status,
    ).toBe(404);
    await expect(openEvents(base, { Cookie: cookie }, 'https://evil.example')).rejects.toThrow(
      'refused: 403',
    );
    await expect(openEvents(base, { Cookie: cookie })).rejects.toThrow('refused: 403');
  });

  it('refuses a DNS-rebinding Host on the loopback bind, everywhere', async () => {
    const r = await get('/', { cookie, host: `rebind.example:${server.port}` });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('Vigie app shell');
    expect((await get('/healthz', { host: 'localhost' })).status).toBe(200);
  });

  it('answers /healthz without a session, with nothing but ok', async () => {
    const r = await get('/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toBe('ok');
  });

  it('shows the login page in French for a French browser, with no script', async () => {
    const fresh = await get('/login', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toContain('<html lang="fr">');
    expect(fresh.body).toContain('Mot de passe');
    expect(fresh.body).not.toContain('<script');
    expect((await get('/login', { 'accept-language': 'de-DE,en;q=0.8' })).body).toContain('<html lang="en">');
    const wrong = await postForm(base, '/login', { password: 'wrong password', lang: 'fr' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Mot de passe incorrect.');
  });

  it('does not redirect off-site after login', async () => {
    const off = await postForm(base, '/login', { password: PASSWORD, next: '//evil.example/' });
    expect(off.headers.location).toBe('/');
    const r = await postForm(base, '/login', { password: PASSWORD, next: '/devices/42?range=7d' });
    expect(r.headers.location).toBe('/devices/42?range=7d');
  });

  it('logout ends the session and closes its WebSocket, other sessions untouched', async () => {
    const other = sessionCookieOf(await postForm(base, '/login', { password: PASSWORD }));
    const mine = await openEvents(base, { Cookie: cookie }, origin);
    const theirs = await openEvents(base, { Cookie: other }, origin);
    const crossSite = await postForm(
      base,
      '/logout',
      {},
      { headers: { cookie, origin: 'https://evil.example' } },
    );
    expect(crossSite.status).toBe(403);
    expect((await call(base, 'app:info', {}, { cookie })).status).toBe(200);
    const out = await postForm(base, '/logout', {}, { headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login?bye=1');
    expect(out.headers['set-cookie']?.[0]).toMatch(/^vigie_session=; .*Max-Age=0/);
    expect(await mine.closed).toEqual({ code: 4401, reason: 'session logout' });
    expect((await call(base, 'app:info', {}, { cookie })).status).toBe(401);
    expect((await get('/', { cookie })).status).toBe(303);
    expect(theirs.ws.readyState).toBe(WebSocket.OPEN);
    expect((await call(base, 'app:info', {}, { cookie: other })).status).toBe(200);
    theirs.ws.close();
    cookie = other;
  });

  it('a password changed with vigie passwd (another process) ends every session', async () => {
    const events = await openEvents(base, { Cookie: cookie }, origin);
    await new AuthStore(dataDir).setPassword('a brand new password');
    expect(await events.closed).toEqual({ code: 4401, reason: 'session password-changed' });
    expect((await call(base, 'app:info', {}, { cookie })).status).toBe(401);
    expect((await postForm(base, '/login', { password: PASSWORD })).status).toBe(401);
    expect((await postForm(base, '/login', { password: 'a brand new password' })).status).toBe(303);
  });
});
