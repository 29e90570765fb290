import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthStore } from '../../../src/main/server/auth-store';
import { startServer } from '../../../src/main/server/http-server';
import { createFakeCore } from '../../helpers/fake-core';
import { call, memoryLog, openEvents, postForm, sessionCookieOf } from './http-request';

const PASSWORD = 'correct horse battery';

describe('serve session expiry', () => {
  it('ends an idle session and closes its WebSocket on its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-idle-'));
    let clock = Date.now();
    await new AuthStore(dir).setPassword(PASSWORD);
    const s = await startServer(createFakeCore(), {
      host: '127.0.0.1',
      port: 0,
      staticDir: dir,
      dataDir: dir,
      log: memoryLog(),
      // A clock the test moves: idleness is judged on it, so a busy machine's slow requests cannot expire
      // the session while the test keeps it active (the sweeper's real timer only decides when it looks).
      sessions: { idleMs: 600, now: () => clock },
    });
    try {
      expect(s.passwordSet).toBe(true);
      const c = sessionCookieOf(await postForm(s.url, '/login', { password: PASSWORD }));
      const events = await openEvents(s.url, { Cookie: c }, new URL(s.url).origin);
      // Activity keeps it alive...
      for (let i = 0; i < 3; i++) {
        clock += 400;
        expect((await call(s.url, 'app:info', {}, { cookie: c })).status).toBe(200);
      }
      // ...silence ends it, and the sweeper closes the socket without any request.
      clock += 700;
      expect(await events.closed).toEqual({ code: 4401, reason: 'session expired' });
      expect((await call(s.url, 'app:info', {}, { cookie: c })).status).toBe(401);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
