import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { createFakeCore, type FakeCore } from '../../helpers/fake-core';
import { request, silentLog } from './http-request';

const TOKEN = 'scrape-token-0123456789abcdef';
const EXPOSITION =
  '# HELP vigie_cpu_percent CPU use\n# TYPE vigie_cpu_percent gauge\nvigie_cpu_percent{device="this-computer"} 12.5\n';
let dir: string;
let core: FakeCore;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-serve-metrics-'));
  core = createFakeCore({ metricsToken: TOKEN, metricsText: EXPOSITION });
  server = await startServer(core, {
    host: '127.0.0.1',
    port: 0,
    staticDir: dir,
    dataDir: dir,
    log: silentLog,
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const scrape = (authorization?: string): ReturnType<typeof request> =>
  request(new URL('/metrics', server.url).toString(), { headers: authorization ? { authorization } : {} });

describe('/metrics', () => {
  it('answers 401 with a Bearer challenge without a token or with a wrong one', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="vigie-metrics"');
    expect(none.body).not.toContain('vigie_cpu_percent');
    const wrong = await scrape(`Bearer ${TOKEN.slice(0, -1)}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(wrong.body).not.toContain('vigie_cpu_percent');
    expect((await scrape(`Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`)).status).toBe(401);
  });

  it('serves the exposition of the core with the right token, as Prometheus text 0.0.4', async () => {
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(ok.body).toBe([...core.metrics()].join(''));
  });

  it('follows the token set in settings, and is closed when none is set', async () => {
    const noToken = createFakeCore({ metricsToken: null });
    const s = await startServer(noToken, {
      host: '127.0.0.1',
      port: 0,
      staticDir: dir,
      dataDir: dir,
      log: silentLog,
    });
    try {
      const url = new URL('/metrics', s.url).toString();
      expect((await request(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);
      await noToken.dispatch('settings:update', { metricsToken: TOKEN });
      expect((await request(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('rate-limits token guesses per address', async () => {
    for (let i = 0; i < 5; i++) expect((await scrape(`Bearer guess-${i}-0000000000000000`)).status).toBe(401);
    const locked = await scrape(`Bearer ${TOKEN}`);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
