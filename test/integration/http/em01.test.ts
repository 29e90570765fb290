import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/main/core/ports';
import { em01Source, HTTP_FAMILIES } from '../../../src/main/core/pollers/http';
import { PollError, type DeviceTarget, type SourceDeps } from '../../../src/main/core/pollers/source';
import { freeTcpPort } from '../../helpers/free-port';

/**
 * EM01 websensor over HTTP against a real server on loopback that answers the way the sensor does
 * (GET /index.htm?em → a small HTML page with TF:/TC:, HU: and IL readings), plus the failures a
 * console meets in the field: wrong path, non-sensor page, access refused, silence, huge answers, an
 * unplugged probe, nothing listening, a name that does not resolve.
 */
const F_PAGE = '<html><head><title>EM01b Websensor</title></head><body>Server room|TF: 84.2|HU:41.5%|IL 212.0</body></html>';
const C_PAGE = '<HTML><BODY>Lab<br>TC: 23.8<br>HU: 55.0 %<br>IL: 0.4</BODY></HTML>';

const deps: SourceDeps = { clock: systemClock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };

function target(port: number, path: string, options: { host?: string; timeoutMs?: number } = {}): DeviceTarget {
  return {
    device: {
      name: 'Server room sensor',
      kind: 'http',
      family: 'sensor-em01',
      host: options.host ?? '127.0.0.1',
      port,
      intervalSeconds: 60,
      enabled: true,
      snmp: null,
      vsphere: null,
      http: { scheme: 'http', path, timeoutMs: options.timeoutMs ?? 2000 },
      watchedProcesses: [],
      parentId: null,
    },
    secret: null,
  };
}

async function pollError(t: DeviceTarget): Promise<PollError> {
  const poller = em01Source.open(t, deps);
  try {
    await poller.poll(AbortSignal.timeout(10_000));
  } catch (error) {
    if (error instanceof PollError) return error;
    throw error;
  } finally {
    await poller.close();
  }
  throw new Error('poll succeeded');
}

describe('EM01 websensor source', () => {
  let server: Server;
  let port: number;
  const hanging: ServerResponse[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      switch (req.url) {
        case '/index.htm?em':
          res.writeHead(200, { 'content-type': 'text/html' }).end(F_PAGE);
          return;
        case '/celsius.htm?em':
          res.writeHead(200, { 'content-type': 'text/html' }).end(C_PAGE);
          return;
        case '/unplugged.htm?em':
          res.writeHead(200).end('<body>TF: -999.0|HU:42|IL 10</body>');
          return;
        case '/welcome':
          res.writeHead(200).end('<html><body><h1>It works!</h1></body></html>');
          return;
        case '/locked':
          res.writeHead(401, { 'www-authenticate': 'Basic realm="em01"' }).end();
          return;
        case '/huge':
          res.writeHead(200).end(`<body>${'x'.repeat(200_000)} TC: 20</body>`);
          return;
        case '/slow':
          hanging.push(res);
          return;
        default:
          res.writeHead(404).end('Not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const res of hanging) res.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is registered as an HTTP family', () => {
    expect(em01Source.kind).toBe('http');
    expect(HTTP_FAMILIES.map((f) => f.descriptor.id)).toEqual(['sensor-em01']);
  });

  it('polls the °F page: temperature in °C, humidity, illumination, and the default rules see them', async () => {
    const poller = em01Source.open(target(port, '/index.htm?em'), deps);
    const r = await poller.poll(AbortSignal.timeout(10_000));
    await poller.close();
    expect(requests).toContain('/index.htm?em');
    expect(r.family).toBe('sensor-em01');
    const value = (name: string): number | undefined => r.metrics.find((m) => m.name === name)?.value;
    expect(value('sensor.temperature')).toBeCloseTo(((84.2 - 32) * 5) / 9, 2);
    expect(value('sensor.humidity')).toBe(41.5);
    expect(value('sensor.illumination')).toBe(212);
    expect(r.identity).toMatchObject({ deviceUnit: 'fahrenheit', url: `http://127.0.0.1:${port}/index.htm?em` });
    expect(r.tables.probes).toHaveLength(1);
    expect(r.problems).toEqual([]);
    // 29 °C: under the 30 °C warning of the family's rule.
    const rule = HTTP_FAMILIES[0]?.rules.find((x) => x.metric === 'sensor.temperature');
    expect(rule).toMatchObject({ op: '>', warning: 30, critical: 35 });
  });

  it('polls the °C page', async () => {
    const poller = em01Source.open(target(port, '/celsius.htm?em'), deps);
    const r = await poller.poll(AbortSignal.timeout(10_000));
    await poller.close();
    expect(r.metrics.map((m) => [m.name, m.value])).toEqual([
      ['sensor.temperature', 23.8],
      ['sensor.humidity', 55],
      ['sensor.temperature.max', 23.8],
      ['sensor.illumination', 0.4],
    ]);
  });

  it('drops an unplugged probe reading and says so instead of storing -999', async () => {
    const poller = em01Source.open(target(port, '/unplugged.htm?em'), deps);
    const r = await poller.poll(AbortSignal.timeout(10_000));
    await poller.close();
    expect(r.metrics.find((m) => m.name === 'sensor.temperature')).toBeUndefined();
    expect(r.metrics.find((m) => m.name === 'sensor.humidity')?.value).toBe(42);
    expect(r.problems).toEqual([{ severity: 'unknown', message: 'Implausible temperature -999.0 °F: probe unplugged or faulty?' }]);
  });

  it('Test connection reports the reading, or exactly what failed', async () => {
    const ok = await em01Source.test(target(port, '/index.htm?em'), deps, AbortSignal.timeout(10_000));
    expect(ok).toMatchObject({ ok: true, stage: 'ok', detected: { family: 'sensor-em01' } });
    const celsius = Math.round(((84.2 - 32) * 5 * 100) / 9) / 100;
    expect(ok.message).toBe(`EM01 websensor answered: ${celsius} °C, 41.5 % RH`);
    const missing = await em01Source.test(target(port, '/nope'), deps, AbortSignal.timeout(10_000));
    expect(missing).toMatchObject({ ok: false, stage: 'protocol', detected: null });
    expect(missing.message).toMatch(/HTTP 404/);
  });

  it('fails with a clear stage: 404, not a sensor page, access refused, huge answer', async () => {
    await expect(pollError(target(port, '/index.htm?nothing'))).resolves.toMatchObject({ stage: 'protocol', message: expect.stringMatching(/HTTP 404/) as unknown });
    await expect(pollError(target(port, '/welcome'))).resolves.toMatchObject({ stage: 'protocol', message: expect.stringMatching(/not an EM01/) as unknown });
    await expect(pollError(target(port, '/locked'))).resolves.toMatchObject({ stage: 'permission' });
    await expect(pollError(target(port, '/huge'))).resolves.toMatchObject({ stage: 'protocol', message: expect.stringMatching(/larger than/) as unknown });
  });

  it('times out on a sensor that accepts the connection and never answers', async () => {
    const started = Date.now();
    const e = await pollError(target(port, '/slow', { timeoutMs: 300 }));
    expect(e.stage).toBe('timeout');
    expect(e.message).toMatch(/within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports nothing listening and an unknown name', async () => {
    const closed = await freeTcpPort();
    await expect(pollError(target(closed, '/index.htm?em'))).resolves.toMatchObject({ stage: 'refused' });
    await expect(pollError(target(80, '/index.htm?em', { host: 'no-such-sensor.invalid' }))).resolves.toMatchObject({ stage: 'dns' });
  });

  it('stops when the poll is cancelled', async () => {
    const poller = em01Source.open(target(port, '/slow', { timeoutMs: 10_000 }), deps);
    const controller = new AbortController();
    const pending = poller.poll(controller.signal);
    setTimeout(() => controller.abort(new Error('device removed')), 100);
    await expect(pending).rejects.toMatchObject({ stage: 'timeout', message: expect.stringMatching(/device removed/) as unknown });
    await poller.close();
    await expect(poller.poll(AbortSignal.timeout(1000))).rejects.toMatchObject({ stage: 'internal' });
  });
});
