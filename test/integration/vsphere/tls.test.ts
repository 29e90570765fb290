import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { VimClient } from '../../../src/main/core/vsphere/client';
import { TlsUntrustedError } from '../../../src/main/core/vsphere/errors';
import { startVcsim, tempDir, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';
import { missingPeer } from '../../helpers/peer';

const available = vcsimAvailable();

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))('vSphere TLS: untrusted until pinned, refused when changed', () => {
  let sim: Vcsim;
  let tmp: ReturnType<typeof tempDir>;
  let pinned: string;

  beforeAll(async () => {
    tmp = tempDir('vigie-vcsim-tls-');
    sim = await startVcsim({ cluster: 1, host: 2, vm: 1, certFile: join(tmp.dir, 'a.pem'), keyFile: join(tmp.dir, 'a.key') });
    // Computed here from the certificate file, not taken from the simulator's ready line.
    pinned = new X509Certificate(readFileSync(join(tmp.dir, 'a.pem'))).fingerprint256;
  });
  afterAll(async () => {
    await sim?.stop();
    tmp?.remove();
  });

  it('a self-signed certificate is refused until pinned, with what the user needs to decide', async () => {
    const r = await vsphereSource.test(vcsimTarget(sim, { pin: null }), testDeps(), AbortSignal.timeout(30_000));
    expect(r).toMatchObject({ ok: false, stage: 'tls-untrusted' });
    expect(r.certificate?.fingerprint).toBe(pinned);
    expect(r.certificate?.subject).toContain('CN=vcsim.vigie.lab');
    expect(r.certificate?.issuer).toContain('CN=vcsim.vigie.lab');
    expect(new Date(r.certificate?.validTo ?? '').getTime()).toBeGreaterThan(Date.now());
    expect(r.message).toContain('self-signed');
    // Nothing else was attempted on that connection: the poller fails the same way.
    const poller = vsphereSource.open(vcsimTarget(sim, { pin: null }), testDeps());
    await expect(poller.poll(AbortSignal.timeout(30_000))).rejects.toMatchObject({ stage: 'tls-untrusted' });
    await poller.close();
  });

  it('a certificate that chains to a trusted root is accepted without a pin, for the names it covers', async () => {
    const root = readFileSync(join(tmp.dir, 'a.pem'), 'utf8');
    // The lab certificate names 127.0.0.1 and localhost: trusted as a root, it verifies like a CA-signed one.
    const trusted = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, extraRoots: [root] });
    await expect(trusted.login()).resolves.toMatchObject({ userName: sim.user });
    expect(trusted.certificate?.fingerprint).toBe(pinned);
    await trusted.close();
    // The system roots alone do not trust it: untrusted, with the certificate to show.
    const plain = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password });
    await expect(plain.login()).rejects.toBeInstanceOf(TlsUntrustedError);
    await plain.close();
  });

  it('accepted once pinned; refused with tls-changed when the server comes back with another certificate', async () => {
    const ok = await vsphereSource.test(vcsimTarget(sim, { pin: pinned }), testDeps(), AbortSignal.timeout(30_000));
    expect(ok).toMatchObject({ ok: true, stage: 'ok' });
    expect(ok.certificate?.fingerprint).toBe(pinned);
    const poller = vsphereSource.open(vcsimTarget(sim, { pin: pinned }), testDeps());
    try {
      const first = await poller.poll(AbortSignal.timeout(30_000));
      expect(first.identity.hosts).toBe(sim.counts.hosts);

      // Same address, new key and certificate (the files of the first one are not reused).
      const address = `${sim.host}:${sim.port}`;
      await sim.stop();
      sim = await startVcsim({ cluster: 1, host: 2, vm: 1, listen: address, certFile: join(tmp.dir, 'b.pem'), keyFile: join(tmp.dir, 'b.key') });
      const presented = new X509Certificate(readFileSync(join(tmp.dir, 'b.pem'))).fingerprint256;
      expect(presented).not.toBe(pinned);

      const changed = await vsphereSource.test(vcsimTarget(sim, { pin: pinned }), testDeps(), AbortSignal.timeout(30_000));
      expect(changed).toMatchObject({ ok: false, stage: 'tls-changed' });
      expect(changed.certificate?.fingerprint).toBe(presented);
      expect(changed.message).toContain(pinned);
      expect(changed.message).toContain(presented);
      await expect(poller.poll(AbortSignal.timeout(30_000))).rejects.toMatchObject({ name: 'PollError', stage: 'tls-changed' });

      // Accepting the new fingerprint (the UI re-submits the device with it) works again.
      const repinned = await vsphereSource.test(vcsimTarget(sim, { pin: presented }), testDeps(), AbortSignal.timeout(30_000));
      expect(repinned).toMatchObject({ ok: true, stage: 'ok' });
    } finally {
      await poller.close();
    }
  });
});
