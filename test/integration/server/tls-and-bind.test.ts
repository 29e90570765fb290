import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthStore } from '../../../src/main/server/auth-store';
import { startServer } from '../../../src/main/server/http-server';
import { createFakeCore } from '../../helpers/fake-core';
import { missingPeer } from '../../helpers/peer';
import { call, openEvents, postForm, request, sessionCookieOf, silentLog } from './http-request';

const PASSWORD = 'tls password 123';
const hasOpenssl = existsSync('/usr/bin/openssl');

let dir: string;
let cert: Buffer;
let key: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-serve-tls-'));
  await new AuthStore(dir).setPassword(PASSWORD);
  if (!hasOpenssl) return;
  const san = ['IP:127.0.0.1', 'DNS:localhost'].join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=vigie-test',
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'));
  key = readFileSync(join(dir, 'key.pem'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const options = { port: 0, staticDir: '/nonexistent', log: silentLog };

describe('bind policy', () => {
  it('refuses a public address without TLS or --insecure-public, with a clear message', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.1', 'vigie.example']) {
      await expect(startServer(createFakeCore(), { ...options, host, dataDir: dir })).rejects.toMatchObject({
        code: 'public-bind',
        message: `Refusing to listen on ${host} without TLS: passwords and session cookies would cross the network in clear. Give --tls-cert and --tls-key, or --insecure-public if a TLS proxy sits in front.`,
      });
    }
  });

  it('allows it with --insecure-public, and then accepts any Host name', async () => {
    const s = await startServer(createFakeCore(), {
      ...options,
      host: '0.0.0.0',
      dataDir: dir,
      insecurePublic: true,
    });
    try {
      const r = await request(`http://127.0.0.1:${s.port}/healthz`, {
        headers: { host: `vigie.example:${s.port}` },
      });
      expect(r.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('answers to a reverse proxy name given with --allowed-host on a loopback bind, and to no other', async () => {
    const s = await startServer(createFakeCore(), {
      ...options,
      host: '127.0.0.1',
      dataDir: dir,
      allowedHosts: ['vigie.example'],
    });
    try {
      const url = `http://127.0.0.1:${s.port}/healthz`;
      expect((await request(url, { headers: { host: 'vigie.example' } })).status).toBe(200);
      expect((await request(url, { headers: { host: 'other.example' } })).status).toBe(421);
    } finally {
      await s.close();
    }
  });

  it('refuses a certificate that is not PEM', async () => {
    await expect(
      startServer(createFakeCore(), {
        ...options,
        host: '127.0.0.1',
        dataDir: dir,
        tls: { cert: 'not a cert', key: 'not a key' },
      }),
    ).rejects.toMatchObject({
      code: 'tls',
      message: expect.stringMatching(/^The TLS certificate or key is not usable/) as unknown,
    });
  });
});

describe.skipIf(missingPeer('openssl', hasOpenssl ? null : 'openssl not installed (apt-get install openssl)'))('serve under TLS (self-signed certificate made by openssl)', () => {
  it('allows a public bind with TLS, and the session cookie is Secure with the __Host- prefix', async () => {
    const s = await startServer(createFakeCore(), {
      ...options,
      host: '0.0.0.0',
      dataDir: dir,
      tls: { cert, key },
    });
    try {
      const base = `https://127.0.0.1:${s.port}/`;
      expect(s.url).toBe(base);
      const login = await postForm(base, '/login', { password: PASSWORD }, { ca: cert });
      expect(login.status).toBe(303);
      const set = login.headers['set-cookie']?.[0] ?? '';
      expect(set).toMatch(
        /^__Host-vigie_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
      );
      const cookie = sessionCookieOf(login);
      const r = await call(base, 'app:info', {}, { cookie }, cert);
      expect(r.status).toBe(200);
      expect(r.headers['content-security-policy']).toContain(`connect-src 'self' wss://127.0.0.1:${s.port}`);
      const events = await openEvents(base, { Cookie: cookie }, new URL(base).origin, cert);
      events.ws.close();
      // Plain HTTP on the TLS port gets nothing useful.
      await expect(request(`http://127.0.0.1:${s.port}/healthz`)).rejects.toThrow();
    } finally {
      await s.close();
    }
  });

  // Network tests stay on loopback: the client that is not this machine is one seen through a proxy
  // (Forwarded header), the same refusal path as a remote socket address (unit-tested in request-checks).
  it('refuses first-run setup to a client that is not this machine (through a TLS proxy)', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'vigie-serve-remote-'));
    const s = await startServer(createFakeCore(), { ...options, host: '127.0.0.1', dataDir: fresh, tls: { cert, key } });
    try {
      const base = `https://127.0.0.1:${s.port}/`;
      const remote = { forwarded: 'for=192.0.2.7;proto=https' };
      const page = await request(new URL('/setup', base).toString(), { ca: cert, headers: remote });
      expect(page.status).toBe(403);
      expect(page.body).toContain('vigie passwd');
      expect(page.body).not.toContain('<form');
      const post = await postForm(base, '/setup', { password: PASSWORD, confirm: PASSWORD }, { ca: cert, headers: remote });
      expect(post.status).toBe(403);
      expect(await new AuthStore(fresh).isSet()).toBe(false);
      // The same machine without the proxy header gets the form.
      expect((await request(new URL('/setup', base).toString(), { ca: cert })).body).toContain('<form');
    } finally {
      await s.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
