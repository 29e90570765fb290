import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertingSettingsSchema, type AlertingSettings } from '../../../shared/contract/alerting';
import type { Logger } from '../ports';
import { dnsFromResolvConf, gatewaysFromRoute, parseTarget, ReachabilityGuard, tcpAnswers } from './reachability-guard';

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

function settings(over: Partial<AlertingSettings> = {}): () => AlertingSettings {
  const s = { ...AlertingSettingsSchema.parse({}), ...over };
  return () => s;
}

let now = 1_700_000_000_000;
const clock = { now: () => now };

describe('ReachabilityGuard', () => {
  it('is not ok when every target is silent, and names them', async () => {
    const probed: string[] = [];
    const guard = new ReachabilityGuard({
      settings: settings({ referenceTargets: ['10.0.0.9:443'] }),
      clock,
      log: recordingLog(),
      systemTargets: () => Promise.resolve(['192.168.1.1', '192.168.1.53']),
      probe: (t) => {
        probed.push(t);
        return Promise.resolve(false);
      },
    });
    expect(await guard.networkOk()).toEqual({ ok: false, detail: '192.168.1.1, 192.168.1.53 and 10.0.0.9:443 did not answer' });
    expect(probed).toEqual(['192.168.1.1', '192.168.1.53', '10.0.0.9:443']);
  });

  it('is ok as soon as one target answers', async () => {
    const guard = new ReachabilityGuard({
      settings: settings({ referenceTargets: ['ref.example:22'] }),
      clock,
      log: recordingLog(),
      systemTargets: () => Promise.resolve(['192.168.1.1']),
      // The gateway never answers (would hang until the round's timeout); the reference target does.
      probe: (t, signal) => (t === 'ref.example:22' ? Promise.resolve(true) : new Promise((r) => signal.addEventListener('abort', () => r(false)))),
    });
    expect(await guard.networkOk()).toEqual({ ok: true, detail: 'ref.example:22 answered' });
  });

  it('always says ok when disabled, without probing', async () => {
    let probes = 0;
    const guard = new ReachabilityGuard({
      settings: settings({ guardEnabled: false }),
      clock,
      log: recordingLog(),
      systemTargets: () => Promise.resolve(['192.168.1.1']),
      probe: () => Promise.resolve(++probes < 0),
    });
    expect((await guard.networkOk()).ok).toBe(true);
    expect(probes).toBe(0);
  });

  it('says ok with no target at all, and logs it once', async () => {
    const log = recordingLog();
    const guard = new ReachabilityGuard({ settings: settings(), clock, log, systemTargets: () => Promise.resolve([]), cacheMs: 0 });
    expect(await guard.networkOk()).toEqual({ ok: true, detail: 'no target to check' });
    expect(await guard.networkOk()).toEqual({ ok: true, detail: 'no target to check' });
    expect(log.lines.filter((l) => l.includes('no gateway'))).toHaveLength(1);
  });

  it('shares one round between concurrent callers and caches it a few seconds', async () => {
    let probes = 0;
    let release: (ok: boolean) => void = () => undefined;
    const guard = new ReachabilityGuard({
      settings: settings(),
      clock,
      log: recordingLog(),
      systemTargets: () => Promise.resolve(['192.168.1.1']),
      probe: () => {
        probes++;
        return new Promise<boolean>((r) => (release = r));
      },
      cacheMs: 5000,
    });
    const asks = [guard.networkOk(), guard.networkOk(), guard.networkOk()];
    await expect.poll(() => probes).toBe(1);
    release(false);
    const verdicts = await Promise.all(asks);
    expect(verdicts.map((v) => v.ok)).toEqual([false, false, false]);
    expect(probes).toBe(1);
    now += 4000;
    expect((await guard.networkOk()).ok).toBe(false);
    expect(probes).toBe(1);
    now += 2000; // past the cache: a new round
    const next = guard.networkOk();
    await expect.poll(() => probes).toBe(2);
    release(true);
    expect((await next).ok).toBe(true);
  });
});

describe('system targets and the default probe', () => {
  let server: Server | null = null;
  afterEach(() => server?.close());

  it('reads the default gateway from /proc/net/route', () => {
    const route = [
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
      'eth0\t00000000\t0101A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0',
      'eth0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
    ].join('\n');
    expect(gatewaysFromRoute(route)).toEqual(['192.168.1.1']);
  });

  it('skips a loopback stub resolver unless it is the only one', () => {
    expect(dnsFromResolvConf('nameserver 127.0.0.53\nnameserver 10.0.0.2\n# nameserver 9.9.9.9\n')).toEqual(['10.0.0.2']);
    expect(dnsFromResolvConf('nameserver 127.0.0.53\noptions edns0\n')).toEqual(['127.0.0.53']);
  });

  it('parses host, host:port and IPv6 targets', () => {
    expect(parseTarget('10.0.0.1')).toEqual({ host: '10.0.0.1', port: null });
    expect(parseTarget('router.lan:443')).toEqual({ host: 'router.lan', port: 443 });
    expect(parseTarget('[fe80::1]:53')).toEqual({ host: 'fe80::1', port: 53 });
    expect(parseTarget('fe80::1')).toEqual({ host: 'fe80::1', port: null });
  });

  it('counts an accepted and a refused TCP connection as an answer', async () => {
    server = createServer((s) => s.destroy());
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    expect(await tcpAnswers('127.0.0.1', port, new AbortController().signal)).toBe(true);
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    expect(await tcpAnswers('127.0.0.1', port, new AbortController().signal)).toBe(true); // refused: the host answered
  });
});
