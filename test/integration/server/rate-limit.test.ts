import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthStore } from '../../../src/main/server/auth-store';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { createFakeCore } from '../../helpers/fake-core';
import { memoryLog, postForm } from './http-request';

const PASSWORD = 'the right password';
let dir: string;
let server: RunningServer;
const log = memoryLog();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-serve-limit-'));
  await new AuthStore(dir).setPassword(PASSWORD);
  // The production limits: 5 failures per minute, then a 60 s lock.
  server = await startServer(createFakeCore(), {
    host: '127.0.0.1',
    port: 0,
    staticDir: dir,
    dataDir: dir,
    log,
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('login rate limit', () => {
  it('locks the address after 5 wrong passwords: 429 with Retry-After, the right password refused too', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await postForm(server.url, '/login', { password: `wrong guess ${i}` });
      expect(r.status, `attempt ${i}`).toBe(401);
    }
    const locked = await postForm(server.url, '/login', { password: 'wrong guess 6' });
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(locked.body).toContain('Too many failed attempts');
    const right = await postForm(server.url, '/login', { password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
    expect(log.lines.filter((l) => l.startsWith('warn login failed'))).toHaveLength(5);
    expect(log.lines.some((l) => l.startsWith('warn login refused: address locked'))).toBe(true);
    expect(log.lines.join('\n')).not.toContain('wrong guess');
  });

  it('counts parallel guesses: a burst cannot get more than 5 checked', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'vigie-serve-burst-'));
    await new AuthStore(dir2).setPassword(PASSWORD);
    const s = await startServer(createFakeCore(), {
      host: '127.0.0.1',
      port: 0,
      staticDir: dir2,
      dataDir: dir2,
      log: memoryLog(),
    });
    try {
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) => postForm(s.url, '/login', { password: `burst ${i}` })),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses.filter((c) => c === 401)).toHaveLength(5);
      expect(statuses.filter((c) => c === 429)).toHaveLength(7);
    } finally {
      await s.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
