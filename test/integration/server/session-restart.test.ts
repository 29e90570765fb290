import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthStore } from '../../../src/main/server/auth-store';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { SESSIONS_FILE } from '../../../src/main/server/sessions';
import { currentCaller } from '../../../src/main/core/audit/caller';
import { createFakeCore } from '../../helpers/fake-core';
import { call, memoryLog, postForm, sessionCookieOf } from './http-request';

const PASSWORD = 'correct horse battery';
const dirs: string[] = [];
const servers: RunningServer[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function serve(dir: string): Promise<RunningServer> {
  const s = await startServer(createFakeCore(), { host: '127.0.0.1', port: 0, staticDir: dir, dataDir: dir, log: memoryLog() });
  servers.push(s);
  return s;
}

async function stop(s: RunningServer): Promise<void> {
  servers.splice(servers.indexOf(s), 1);
  await s.close();
}

describe('serve sessions across a restart (issue 17 item 17)', () => {
  it('keeps a browser signed in after a restart, storing only the token hash with its times', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-restart-'));
    dirs.push(dir);
    await new AuthStore(dir).setPassword(PASSWORD);
    const first = await serve(dir);
    const cookie = sessionCookieOf(await postForm(first.url, '/login', { password: PASSWORD }));
    expect((await call(first.url, 'app:info', {}, { cookie })).status).toBe(200);
    await stop(first);

    const file = join(dir, SESSIONS_FILE);
    const text = readFileSync(file, 'utf8');
    const token = cookie.slice(cookie.indexOf('=') + 1);
    expect(text).not.toContain(token);
    const stored = JSON.parse(text) as { sessions: { id: string; createdAt: number; lastSeen: number }[] };
    expect(stored.sessions).toHaveLength(1);
    expect(stored.sessions[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = await serve(dir);
    expect((await call(second.url, 'app:info', {}, { cookie })).status).toBe(200);
  });

  it('ends stored sessions when the password changed while the server was down, and after a logout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-restart-'));
    dirs.push(dir);
    await new AuthStore(dir).setPassword(PASSWORD);
    const first = await serve(dir);
    const kept = sessionCookieOf(await postForm(first.url, '/login', { password: PASSWORD }));
    const out = sessionCookieOf(await postForm(first.url, '/login', { password: PASSWORD }));
    expect((await postForm(first.url, '/logout', {}, { headers: { cookie: out } })).status).toBe(303);
    await stop(first);

    const second = await serve(dir);
    expect((await call(second.url, 'app:info', {}, { cookie: kept })).status).toBe(200);
    expect((await call(second.url, 'app:info', {}, { cookie: out })).status).toBe(401);
    await stop(second);

    await new AuthStore(dir).setPassword('another horse battery');
    const third = await serve(dir);
    expect((await call(third.url, 'app:info', {}, { cookie: kept })).status).toBe(401);
  });
});

describe('who made a web call (issue 17 item 15)', () => {
  it('is the web login and its address, for the audit trail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-caller-'));
    dirs.push(dir);
    await new AuthStore(dir).setPassword(PASSWORD);
    const core = createFakeCore();
    const callers: string[] = [];
    const dispatch = core.dispatch;
    core.dispatch = (channel, payload) => {
      callers.push(currentCaller());
      return dispatch(channel, payload);
    };
    const s = await startServer(core, { host: '127.0.0.1', port: 0, staticDir: dir, dataDir: dir, log: memoryLog() });
    servers.push(s);
    const cookie = sessionCookieOf(await postForm(s.url, '/login', { password: PASSWORD }));
    expect((await call(s.url, 'app:info', {}, { cookie })).status).toBe(200);
    expect(callers).toEqual(['web login from 127.0.0.1']);
  });
});
