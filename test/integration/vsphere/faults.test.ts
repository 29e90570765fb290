import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { PollError } from '../../../src/main/core/pollers/source';
import { VimClient } from '../../../src/main/core/vsphere/client';
import { browseDiagnosticLog, queryLogDescriptions } from '../../../src/main/core/vsphere/diagnostic-log';
import { VsphereUnsupportedError } from '../../../src/main/core/vsphere/errors';
import { readEvents } from '../../../src/main/core/vsphere/events';
import { InvalidArgumentFault, ManagedObjectNotFoundFault, MethodNotFoundFault } from '../../../src/main/core/vsphere/faults';
import { queryHostDateTime } from '../../../src/main/core/vsphere/host-clock';
import { retrieveFromContainer } from '../../../src/main/core/vsphere/property-collector';
import { freeTcpPort } from '../../helpers/free-port';
import { startVcsim, tempDir, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';
import { missingPeer } from '../../helpers/peer';

const available = vcsimAvailable();

function listen(server: HttpServer | TcpServer): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
}

function close(server: HttpServer | TcpServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

const HTML = '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>';

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))('vSphere faults', () => {
  let sim: Vcsim;
  let tmp: ReturnType<typeof tempDir>;
  let cert: string;
  let key: string;
  let fingerprint: string;
  const servers: (HttpServer | TcpServer)[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    tmp = tempDir('vigie-vcsim-faults-');
    sim = await startVcsim({ cluster: 1, host: 2, vm: 1, certFile: join(tmp.dir, 'cert.pem'), keyFile: join(tmp.dir, 'key.pem') });
    // The simulator wrote a self-signed certificate: the fake servers below present the same one.
    cert = readFileSync(join(tmp.dir, 'cert.pem'), 'utf8');
    key = readFileSync(join(tmp.dir, 'key.pem'), 'utf8');
    fingerprint = new X509Certificate(cert).fingerprint256;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    for (const s of servers) await close(s);
    await sim?.stop();
    tmp?.remove();
  });

  it('wrong password → auth (InvalidLogin)', async () => {
    const r = await vsphereSource.test(vcsimTarget(sim, { password: 'not-the-password' }), testDeps(), AbortSignal.timeout(30_000));
    expect(r).toMatchObject({ ok: false, stage: 'auth' });
    expect(r.message).toContain('InvalidLogin');
    const poller = vsphereSource.open(vcsimTarget(sim, { password: 'not-the-password' }), testDeps());
    await expect(poller.poll(AbortSignal.timeout(30_000))).rejects.toMatchObject({ name: 'PollError', stage: 'auth' });
    await poller.close();
  });

  it('no password stored → secrets', async () => {
    const target = vcsimTarget(sim);
    const r = await vsphereSource.test({ ...target, secret: null }, testDeps(), AbortSignal.timeout(30_000));
    expect(r).toMatchObject({ ok: false, stage: 'secrets' });
  });

  it('nothing listening → refused; unknown name → dns', async () => {
    const port = await freeTcpPort();
    const refused = await vsphereSource.test(vcsimTarget(sim, { port }), testDeps(), AbortSignal.timeout(30_000));
    expect(refused).toMatchObject({ ok: false, stage: 'refused' });
    expect(refused.message).toContain(`127.0.0.1:${port}`);
    const dns = await vsphereSource.test(vcsimTarget(sim, { host: 'vcenter.vigie-lab.invalid' }), testDeps(), AbortSignal.timeout(30_000));
    expect(dns).toMatchObject({ ok: false, stage: 'dns' });
    expect(dns.message).toContain('vcenter.vigie-lab.invalid');
  });

  it('an HTML page instead of SOAP → protocol, naming what came back', async () => {
    const server = createHttpsServer({ cert, key }, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(HTML);
    });
    servers.push(server);
    const port = await listen(server);
    const r = await vsphereSource.test(vcsimTarget(sim, { port, pin: fingerprint }), testDeps(), AbortSignal.timeout(30_000));
    expect(r).toMatchObject({ ok: false, stage: 'protocol' });
    expect(r.message).toContain('HTML page ("Welcome to nginx!")');
  });

  it('garbage, truncated XML, and XML that is not SOAP → protocol', async () => {
    const bodies = ['\u0000\u0001binary junk', '<?xml version="1.0"?><soapenv:Envelope><soapenv:Body><RetrieveServiceContentResponse>', '<?xml version="1.0"?><config><a>1</a></config>'];
    let next = 0;
    const server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(bodies[next++ % bodies.length]);
    });
    servers.push(server);
    const port = await listen(server);
    const messages: string[] = [];
    for (let i = 0; i < bodies.length; i++) {
      const c = new VimClient({ host: '127.0.0.1', port, protocol: 'http', user: 'u', password: 'p' });
      const err = await c.serviceContent().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ name: 'VsphereProtocolError', stage: 'protocol' });
      messages.push((err as Error).message);
      await c.close();
    }
    expect(messages[0]).toContain('instead of vSphere SOAP');
    expect(messages[1]).toContain('malformed XML');
    expect(messages[2]).toContain('instead of vSphere SOAP');
  });

  it('a server that never answers → timeout within the bound', async () => {
    // Accepts TLS, reads the request, never answers.
    const silent = createHttpsServer({ cert, key }, () => undefined);
    servers.push(silent);
    silent.on('connection', (s: Socket) => sockets.push(s));
    const port = await listen(silent);
    const client = new VimClient({ host: '127.0.0.1', port, user: 'u', password: 'p', tlsFingerprint: fingerprint, timeoutMs: 1500 });
    const t0 = Date.now();
    await expect(client.serviceContent()).rejects.toMatchObject({ name: 'VsphereTimeoutError', stage: 'timeout' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - t0).toBeLessThan(4000);
    await client.close();
    // Test connection bounded by the caller's signal (the monitor's own timeout).
    const t1 = Date.now();
    const r = await vsphereSource.test(vcsimTarget(sim, { port, pin: fingerprint }), testDeps(), AbortSignal.timeout(1500));
    expect(r).toMatchObject({ ok: false, stage: 'timeout' });
    expect(Date.now() - t1).toBeLessThan(4000);
    // A TCP peer that never starts TLS: the handshake is bounded too.
    const mute = createTcpServer((s) => sockets.push(s));
    servers.push(mute);
    const mutePort = await listen(mute);
    const c2 = new VimClient({ host: '127.0.0.1', port: mutePort, user: 'u', password: 'p', timeoutMs: 1500 });
    const t2 = Date.now();
    await expect(c2.serviceContent()).rejects.toMatchObject({ stage: 'timeout' });
    expect(Date.now() - t2).toBeLessThan(4000);
    await c2.close();
  });

  it('a poll that cannot happen is a PollError with the same stage', async () => {
    const port = await freeTcpPort();
    const poller = vsphereSource.open(vcsimTarget(sim, { port }), testDeps());
    const err = await poller.poll(AbortSignal.timeout(30_000)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PollError);
    expect(err).toMatchObject({ stage: 'refused' });
    await poller.close();
  });

  it('SOAP faults become typed errors with the fault message', async () => {
    const client = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint });
    try {
      await client.login();
      const gone = { type: 'EventHistoryCollector', value: 'session[none]nothing' };
      const e1 = await client.call('ReadNextEvents', gone, { maxCount: 10 }).catch((e: unknown) => e);
      expect(e1).toBeInstanceOf(ManagedObjectNotFoundFault);
      expect(e1).toMatchObject({ faultType: 'ManagedObjectNotFound', object: gone });
      expect((e1 as Error).message).toContain('ReadNextEvents: ManagedObjectNotFound');
      // The simulator refuses collectors over 1000 events.
      const e2 = await readEvents(client, { collectorMaxCount: 5000 }).catch((e: unknown) => e);
      expect(e2).toBeInstanceOf(InvalidArgumentFault);
      expect(e2).toMatchObject({ details: { invalidProperty: 'maxCount' } });
      const sc = await client.serviceContent();
      const e3 = await client.call('RebootHost_Task', sc.rootFolder, { force: true }).catch((e: unknown) => e);
      expect(e3).toBeInstanceOf(MethodNotFoundFault);
      // The session is still fine after faults.
      expect(await retrieveFromContainer(client, [{ type: 'HostSystem', paths: ['name'] }])).toHaveLength(sim.counts.hosts);
    } finally {
      await client.close();
    }
  });

  it('what the simulator lacks (HostDateTimeSystem, DiagnosticManager) is reported as unsupported', async () => {
    const client = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint });
    try {
      await client.login();
      const [host] = await retrieveFromContainer(client, [{ type: 'HostSystem', paths: ['name'] }]);
      const ref = host?.obj ?? { type: 'HostSystem', value: 'none' };
      const clock = await queryHostDateTime(client, ref).catch((e: unknown) => e);
      expect(clock).toBeInstanceOf(VsphereUnsupportedError);
      expect(clock).toMatchObject({ call: 'HostDateTimeSystem.QueryDateTime' });
      const log = await browseDiagnosticLog(client, { host: ref, key: 'vmkernel' }).catch((e: unknown) => e);
      expect(log).toBeInstanceOf(VsphereUnsupportedError);
      expect(log).toMatchObject({ call: 'DiagnosticManager.BrowseDiagnosticLog' });
      const desc = await queryLogDescriptions(client, ref).catch((e: unknown) => e);
      expect(desc).toBeInstanceOf(VsphereUnsupportedError);
    } finally {
      await client.close();
    }
  });
});
