import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../../../src/shared/contract/alerting';
import { createNotificationRouter } from '../../../src/main/core/alerting/notification-router';
import { systemClock } from '../../../src/main/core/ports';
import { recordingLog, stateChange, until, type LogLine } from './alert-test-kit';

type Received = { path: string; contentType: string | undefined; body: Record<string, unknown> };

/** A webhook receiver on loopback that answers each request with the next scripted status (then the last one). */
function receiver(): { received: Received[]; script: number[]; hang: boolean; server: Server } {
  const state = { received: [] as Received[], script: [200], hang: false, server: null as unknown as Server };
  state.server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.received.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      if (state.hang) return;
      const status = state.script.length > 1 ? state.script.shift()! : (state.script[0] ?? 200);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'nope');
    });
  });
  return state;
}

describe('webhook channel against a local HTTP server', () => {
  const hook = receiver();
  let url: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
    const addr = hook.server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/services/T000/B000?token=s3cret-part`;
  });
  afterAll(async () => {
    hook.server.closeAllConnections();
    await new Promise<void>((resolve) => hook.server.close(() => resolve()));
  });

  const channel = (): Extract<ChannelConfig, { type: 'webhook' }> => ({
    id: 'chat',
    type: 'webhook',
    enabled: true,
    url,
    severities: ['critical', 'warning', 'unknown', 'ok'],
    groups: [],
    language: 'en',
  });
  const router = (log = recordingLog(), retryDelaysMs = [100, 200, 400], timeoutMs = 10_000) =>
    createNotificationRouter({
      channels: () => [channel()],
      mode: 'web',
      notifier: { notify: () => undefined },
      sink: { emit: () => undefined },
      clock: systemClock,
      log,
      webhook: { retryDelaysMs, timeoutMs },
    });
  const fresh = (script: number[]): number => {
    hook.script = script;
    hook.hang = false;
    return hook.received.length;
  };
  const noSecret = (lines: LogLine[]): void => {
    const text = JSON.stringify(lines);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('B000');
  };

  it('posts the change as JSON with a Slack/Teams text field', async () => {
    const before = fresh([200]);
    const r = router();
    r.send(stateChange('esx-01', 'critical', Date.UTC(2026, 11, 3, 8, 0)));
    await until(() => hook.received.length > before, 'the webhook request');
    await r.stop();
    const got = hook.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.path).toBe('/services/T000/B000?token=s3cret-part');
    expect(got[0]!.contentType).toBe('application/json');
    expect(got[0]!.body).toMatchObject({
      text: 'CRITICAL esx-01: esx-01 is CRITICAL: no answer',
      deviceId: 'esx-01',
      deviceName: 'esx-01',
      severity: 'critical',
      state: 'critical',
      previous: 'ok',
      kind: 'problem',
      at: Date.UTC(2026, 11, 3, 8, 0),
      message: { code: 'state.changed', params: { device: 'esx-01', state: 'CRITICAL', detail: 'no answer' } },
    });
  });

  it('retries after a 500 and delivers the same body, logging the status and never the secret', async () => {
    const before = fresh([500, 200]);
    const log = recordingLog();
    const r = router(log);
    r.send(stateChange('nas-02', 'warning'));
    await until(() => log.lines.some((l) => l.message === 'webhook delivered after retry'), 'the retried delivery');
    await r.stop();
    const got = hook.received.slice(before);
    expect(got).toHaveLength(2);
    expect(got[1]!.body).toEqual(got[0]!.body);
    expect(log.lines.find((l) => l.message === 'webhook not delivered, will retry')?.fields).toMatchObject({ status: 500, host: url.split('/')[2], attempts: 1 });
    noSecret(log.lines);
  });

  it('no retry storm: a failing endpoint gets 1 + 3 requests per change, changes one at a time; a 404 is not retried', async () => {
    const before = fresh([503]);
    const log = recordingLog();
    const r = router(log, [50, 100, 150]);
    for (const name of ['vm-1', 'vm-2', 'vm-3']) r.send(stateChange(name, 'unknown'));
    await until(() => log.lines.filter((l) => l.message === 'webhook not delivered, given up').length === 3, 'three give-ups', 60_000);
    await r.stop();
    const got = hook.received.slice(before);
    expect(got).toHaveLength(12);
    // Sequential: each change's attempts come together, in order.
    expect(got.map((g) => g.body.deviceName)).toEqual(['vm-1', 'vm-1', 'vm-1', 'vm-1', 'vm-2', 'vm-2', 'vm-2', 'vm-2', 'vm-3', 'vm-3', 'vm-3', 'vm-3']);
    noSecret(log.lines);

    const again = fresh([404]);
    const log404 = recordingLog();
    const r404 = router(log404);
    r404.send(stateChange('vm-4', 'warning'));
    await until(() => log404.lines.some((l) => l.message === 'webhook not delivered, given up'), 'the 404 give-up');
    await r404.stop();
    expect(hook.received.length - again).toBe(1);
  });

  it('an endpoint that never answers is cut at the timeout and retried, boundedly', async () => {
    const before = fresh([200]);
    hook.hang = true;
    const log = recordingLog();
    const r = router(log, [50], 500);
    r.send(stateChange('vm-slow', 'critical'));
    await until(() => log.lines.some((l) => l.message === 'webhook not delivered, given up'), 'the timeout give-up');
    await r.stop();
    expect(hook.received.length - before).toBe(2);
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.fields?.error)).toEqual(['no answer within 0.5 s', 'no answer within 0.5 s']);
  });

  it('Test answers with the HTTP status, and a non-http URL is never fetched', async () => {
    fresh([200]);
    const r = router();
    expect(await r.test(channel())).toEqual({ ok: true, message: `HTTP 200 from ${url.split('/')[2]}` });
    const before = hook.received.length;
    expect(await r.test({ ...channel(), url: 'file:///etc/passwd' })).toEqual({ ok: false, message: 'file: URLs are refused (http or https only)' });
    expect(hook.received.length).toBe(before);
    await r.stop();
  });
});
