/**
 * Issue 14 item 8: a failed poll names the same cause as Test connection (wrong community, refused port,
 * wrong SNMPv3 keys), instead of "timeout" for all of them. Through the headless core: Test connection's
 * result against the device's message after a poll of the same settings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInput, DeviceSummary, TestResult } from '../../../src/shared/contract/devices';
import { createHeadlessCore } from '../../../src/main/server/headless-core';
import type { ServedCore } from '../../../src/main/server/served-core';
import { freeTcpPort, freeUdpPort } from '../../helpers/free-port';
import { missingPeer } from '../../helpers/peer';
import { DEFAULT_USERS, hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';

const available = await hasSnmpd();

async function call<T>(core: ServedCore, channel: string, payload: unknown = {}): Promise<T> {
  const env = await core.dispatch(channel, payload);
  if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
  return env.result as T;
}

/** Test connection on the settings, then the same device added and polled once: both answers. */
async function testThenPoll(core: ServedCore, device: DeviceInput): Promise<{ test: TestResult; polled: DeviceSummary }> {
  const test = await call<TestResult>(core, 'devices:test', { device });
  // A long interval: the poll below is the one that counts, not a scheduled one.
  const added = await call<DeviceSummary>(core, 'devices:add', { ...device, intervalSeconds: 3600 });
  const polled = await call<DeviceSummary>(core, 'devices:poll', { id: added.id });
  return { test, polled };
}

const user = DEFAULT_USERS[0]!;
const snmp = (over: Record<string, unknown> = {}): DeviceInput['snmp'] => ({ version: '2c', timeoutMs: 800, retries: 1, ...over });

describe.skipIf(missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('a failed poll names its cause as Test connection does', () => {
  let agent: SnmpdPeer;
  let core: ServedCore;
  let dir: string;

  beforeAll(async () => {
    agent = await startSnmpd();
    dir = mkdtempSync(join(tmpdir(), 'vigie-poll-cause-'));
    core = await createHeadlessCore({ dataDir: dir, secrets: 'file' });
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await agent?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('wrong community: the agent is alive but does not answer this community', async () => {
    const { test, polled } = await testThenPoll(core, {
      name: 'wrong-community',
      kind: 'snmp',
      host: '127.0.0.1',
      port: agent.port,
      snmp: snmp(),
      secret: { community: 'not-the-community' },
    });
    expect(test.stage).toBe('community');
    expect(polled.state).toBe('unknown');
    expect(polled.message).toContain(test.message);
    expect(polled.message).toMatch(/does not answer this community/);
    expect(polled.message).not.toMatch(/\(timeout\)/);
  }, 60_000);

  it('refused port: nothing listens there (ICMP port unreachable on loopback)', async () => {
    const closed = await freeUdpPort();
    const { test, polled } = await testThenPoll(core, {
      name: 'refused-port',
      kind: 'snmp',
      host: '127.0.0.1',
      port: closed,
      snmp: snmp(),
      secret: { community: agent.community },
    });
    expect(test.stage).toBe('refused');
    expect(polled.state).toBe('unknown');
    expect(polled.message).toContain(test.message);
    expect(polled.message).toMatch(/port closed/);
  }, 60_000);

  it('wrong SNMPv3 authentication key: named as an authentication failure', async () => {
    const { test, polled } = await testThenPoll(core, {
      name: 'wrong-v3-auth',
      kind: 'snmp',
      host: '127.0.0.1',
      port: agent.port,
      snmp: snmp({ version: '3', user: user.name, level: 'authPriv', authProtocol: user.authProtocol, privProtocol: user.privProtocol }),
      secret: { authKey: 'wrong-auth-key-1', privKey: user.privKey },
    });
    expect(test.stage).toBe('auth');
    expect(polled.state).toBe('unknown');
    expect(polled.message).toContain(test.message);
  }, 60_000);

  it('wrong SNMPv3 privacy key: the authentication key is right, the privacy key is not', async () => {
    const { test, polled } = await testThenPoll(core, {
      name: 'wrong-v3-priv',
      kind: 'snmp',
      host: '127.0.0.1',
      port: agent.port,
      snmp: snmp({ version: '3', user: user.name, level: 'authPriv', authProtocol: user.authProtocol, privProtocol: user.privProtocol }),
      secret: { authKey: user.authKey, privKey: 'wrong-priv-key-1' },
    });
    expect(test.stage).toBe('privacy');
    expect(polled.state).toBe('unknown');
    expect(polled.message).toContain(test.message);
    expect(polled.message).toMatch(/privacy key or protocol is wrong/);
  }, 60_000);

  it('the right settings still poll OK (the diagnosis only runs after a failure)', async () => {
    const { test, polled } = await testThenPoll(core, {
      name: 'right',
      kind: 'snmp',
      host: '127.0.0.1',
      port: agent.port,
      snmp: snmp(),
      secret: { community: agent.community },
    });
    expect(test.stage).toBe('ok');
    expect(polled.lastPollAt).not.toBeNull();
    expect(polled.state).not.toBe('unknown');
  }, 60_000);

  it('vSphere on a closed port: the poll says refused, as the test does', async () => {
    const closed = await freeTcpPort();
    const { test, polled } = await testThenPoll(core, {
      name: 'vc-refused',
      kind: 'vsphere',
      host: '127.0.0.1',
      port: closed,
      vsphere: { user: 'administrator@vsphere.local' },
      secret: { password: 'not-used-here' },
    });
    expect(test.stage).toBe('refused');
    expect(polled.state).toBe('unknown');
    expect(polled.message).toContain(test.message);
  }, 60_000);
});
