import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vsphereSource } from '../../../src/main/core/pollers/vsphere/vsphere-source';
import { VimClient } from '../../../src/main/core/vsphere/client';
import { readProperty, retrieveFromContainer } from '../../../src/main/core/vsphere/property-collector';
import { arrayItems, text } from '../../../src/main/core/vsphere/xml-parse';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { testDeps, vcsimTarget } from './device-target';
import { missingPeer } from '../../helpers/peer';

const available = vcsimAvailable();

function client(sim: Vcsim): VimClient {
  return new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint });
}

/** Ends every session but the admin's own, as a vCenter administrator (or an idle timeout) would. */
async function terminateOthers(admin: VimClient): Promise<string[]> {
  const sc = await admin.serviceContent();
  const list = await readProperty(admin, sc.sessionManager ?? { type: 'SessionManager', value: 'SessionManager' }, 'sessionList');
  const keys = arrayItems(list)
    .map((s) => text(s, 'key') ?? '')
    .filter((k) => k && k !== admin.session?.key);
  if (keys.length) await admin.call('TerminateSession', sc.sessionManager ?? { type: 'SessionManager', value: 'SessionManager' }, { sessionId: keys });
  return keys;
}

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))("vSphere session expiry against VMware's simulator", () => {
  let sim: Vcsim;
  let admin: VimClient;

  beforeAll(async () => {
    sim = await startVcsim({ cluster: 1, host: 2, standalone: 1, vm: 2, poweredOff: 1 });
    admin = client(sim);
    await admin.login();
  });
  afterAll(async () => {
    await admin?.close();
    await sim?.stop();
  });

  it('a call after the session was terminated elsewhere logs in again and succeeds', async () => {
    const c = client(sim);
    try {
      const first = await c.login();
      const generation = c.sessionGeneration;
      expect(await terminateOthers(admin)).toContain(first.key);
      // CreateContainerView needs a session: it fails with NotAuthenticated, the client logs in again and retries.
      const hosts = await retrieveFromContainer(c, [{ type: 'HostSystem', paths: ['name'] }]);
      expect(hosts).toHaveLength(sim.counts.hosts);
      expect(c.sessionGeneration).toBe(generation + 1);
      expect(c.session?.key).not.toBe(first.key);
    } finally {
      await c.close();
    }
  });

  it('a poller survives its session being ended between polls (collector and view recreated)', async () => {
    const poller = vsphereSource.open(vcsimTarget(sim), testDeps());
    try {
      const before = await poller.poll(AbortSignal.timeout(60_000));
      expect(await terminateOthers(admin)).not.toHaveLength(0);
      const after = await poller.poll(AbortSignal.timeout(60_000));
      expect(after.identity.vmsTotal).toBe(sim.counts.vms);
      expect(after.identity.hosts).toBe(sim.counts.hosts);
      expect(after.tables.vms).toEqual(before.tables.vms);
      // And again: a second expiry is survived too.
      await terminateOthers(admin);
      const third = await poller.poll(AbortSignal.timeout(60_000));
      expect(third.identity.vmsPoweredOn).toBe(sim.counts.vmsPoweredOn);
    } finally {
      await poller.close();
    }
  });

  it('concurrent calls share one re-login', async () => {
    const c = client(sim);
    try {
      await c.login();
      const generation = c.sessionGeneration;
      await terminateOthers(admin);
      const results = await Promise.all(
        Array.from({ length: 4 }, () => retrieveFromContainer(c, [{ type: 'Datastore', paths: ['name'] }])),
      );
      for (const r of results) expect(r).toHaveLength(sim.counts.datastores);
      expect(c.sessionGeneration).toBe(generation + 1);
    } finally {
      await c.close();
    }
  });
});
