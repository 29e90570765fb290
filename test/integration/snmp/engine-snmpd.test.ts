import dgram from 'node:dgram';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import { PollError, type PollResult } from '../../../src/main/core/pollers/source';
import { freeUdpPort } from '../../helpers/free-port';
import { DEFAULT_USERS, hasSnmpd, startSnmpd, type SnmpdPeer, type SnmpdUser } from '../../helpers/snmpd';
import { metric, signal, snmpTarget, testDeps, type TargetOptions } from './engine-target';
import { missingPeer } from '../../helpers/peer';

const available = await hasSnmpd();

function v3(agent: SnmpdPeer, user: SnmpdUser, over: Partial<TargetOptions> = {}): TargetOptions {
  return {
    port: agent.port,
    version: '3',
    user: user.name,
    authProtocol: user.authProtocol,
    privProtocol: user.privProtocol,
    authKey: user.authKey,
    privKey: user.privKey,
    ...over,
  };
}

async function pollOnce(o: TargetOptions): Promise<PollResult> {
  const poller = snmpSource.open(snmpTarget(o), testDeps());
  try {
    return await poller.poll(signal());
  } finally {
    await poller.close();
  }
}

/** Restarts on the same port; the port was free for a moment, so another test's agent may grab it: retry. */
async function restartOn(port: number, dir: string): Promise<SnmpdPeer> {
  let last: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await startSnmpd({ port, dir });
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}

const user = (i: number): SnmpdUser => {
  const u = DEFAULT_USERS[i];
  if (!u) throw new Error('missing fixture user');
  return u;
};

describe.skipIf(missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('SNMP engine against Debian snmpd: versions, v3 security, Test connection', () => {
  let agent: SnmpdPeer;
  let reference: PollResult;

  beforeAll(async () => {
    agent = await startSnmpd();
    reference = await pollOnce({ port: agent.port, community: agent.community });
  });
  afterAll(async () => agent?.dispose());

  it('polls with v1 (GETNEXT walks) and finds the same interfaces and filesystems as v2c (GETBULK)', async () => {
    const v1 = await pollOnce({ port: agent.port, community: agent.community, version: '1' });
    expect(v1.family).toBe('linux');
    expect((v1.tables.interfaces ?? []).map((r) => r.name)).toEqual((reference.tables.interfaces ?? []).map((r) => r.name));
    expect((v1.tables.filesystems ?? []).map((r) => r.mount)).toEqual((reference.tables.filesystems ?? []).map((r) => r.mount));
    expect(metric(v1, 'memory.total')).toBe(metric(reference, 'memory.total'));
  });

  it.each([
    ['SHA / AES', 0],
    ['MD5 / DES', 1],
    ['SHA-256 / AES', 2],
  ])('polls with SNMPv3 authPriv %s', async (_name, i) => {
    const poll = await pollOnce(v3(agent, user(i)));
    expect(poll.family).toBe('linux');
    expect(poll.identity.sysName).toBe(reference.identity.sysName);
    expect((poll.tables.filesystems ?? []).length).toBe((reference.tables.filesystems ?? []).length);
  });

  it('Test connection says ok with the detected family and identity', async () => {
    const r = await snmpSource.test(snmpTarget({ port: agent.port, community: agent.community }), testDeps(), signal());
    expect(r).toMatchObject({ ok: true, stage: 'ok', detected: { family: 'linux' } });
    expect(r.detected?.identity.sysObjectID).toBe('1.3.6.1.4.1.8072.3.2.10');
    expect(r.detected?.identity.sysName).toBe(reference.identity.sysName);
    expect(typeof r.detected?.identity.sysUpTime).toBe('number');
  });

  it('wrong community → stage "community" (the agent is proven alive by SNMPv3 discovery)', async () => {
    const r = await snmpSource.test(snmpTarget({ port: agent.port, community: 'not-the-community', timeoutMs: 500, retries: 0 }), testDeps(), signal());
    expect(r.ok).toBe(false);
    expect(r.stage).toBe('community');
    expect(r.message).toContain('community');
  });

  it('v3 wrong authentication key → "auth"; wrong privacy key → "privacy" (AES and DES); unknown user → "auth"', async () => {
    const deps = testDeps();
    const quick = { timeoutMs: 500, retries: 0 };
    const auth = await snmpSource.test(snmpTarget(v3(agent, user(0), { ...quick, authKey: 'wrong-auth-key' })), deps, signal());
    expect([auth.stage, auth.message]).toEqual(['auth', expect.stringContaining('authentication')]);
    const privAes = await snmpSource.test(snmpTarget(v3(agent, user(0), { ...quick, privKey: 'wrong-priv-key' })), deps, signal());
    expect([privAes.stage, privAes.message]).toEqual(['privacy', expect.stringContaining('privacy key')]);
    const privDes = await snmpSource.test(snmpTarget(v3(agent, user(1), { ...quick, privKey: 'wrong-priv-key' })), deps, signal());
    expect(privDes.stage).toBe('privacy');
    const unknown = await snmpSource.test(snmpTarget(v3(agent, user(0), { ...quick, user: 'nobody-here' })), deps, signal());
    expect([unknown.stage, unknown.message]).toEqual(['auth', expect.stringContaining('unknown')]);
    // The poller itself fails with the same stage on a wrong authentication key (a USM report, no timeout).
    await expect(pollOnce(v3(agent, user(0), { ...quick, authKey: 'wrong-auth-key' }))).rejects.toMatchObject({ stage: 'auth' });
  });

  it('a forced family the device is not → "family"; DNS failure → "dns"; nothing on the port → "refused"', async () => {
    const forced = await snmpSource.test(snmpTarget({ port: agent.port, community: agent.community, family: 'esxi-snmp' }), testDeps(), signal());
    expect(forced).toMatchObject({ ok: false, stage: 'family', detected: { family: 'linux' } });
    const dns = await snmpSource.test(snmpTarget({ port: agent.port, host: 'no-such-host.invalid' }), testDeps(), signal());
    expect(dns.stage).toBe('dns');
    const closed = await snmpSource.test(snmpTarget({ port: await freeUdpPort(), timeoutMs: 300, retries: 0 }), testDeps(), signal());
    expect(closed.stage).toBe('refused');
  });

  it('a host that swallows every datagram → "timeout"', async () => {
    const silent = dgram.createSocket('udp4');
    silent.on('message', () => undefined);
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', r));
    try {
      const r = await snmpSource.test(snmpTarget({ port: silent.address().port, timeoutMs: 300, retries: 0 }), testDeps(), signal());
      expect([r.ok, r.stage]).toEqual([false, 'timeout']);
      expect(r.message).toContain('No SNMP answer');
    } finally {
      silent.close();
    }
  });

  it('missing SNMPv3 keys → "secrets", without sending anything', async () => {
    const r = await snmpSource.test(snmpTarget(v3(agent, user(0), { privKey: '' })), testDeps(), signal());
    expect(r.stage).toBe('secrets');
  });
});

describe.skipIf(missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('SNMP engine: agent stopped and restarted', () => {
  let agent: SnmpdPeer;
  let dir: string;
  let port: number;

  beforeAll(async () => {
    agent = await startSnmpd();
    dir = agent.dir;
    port = agent.port;
  });
  afterAll(async () => {
    await agent?.dispose();
    // The restarted agent was given this directory: dispose() leaves it, it is ours to remove.
    rmSync(dir, { recursive: true, force: true });
  });

  it('a stopped agent makes the poller throw PollError("refused") as Test connection says, then recovers with no negative or absurd rate', async () => {
    let now = Date.now();
    const deps = testDeps(() => now);
    const v2 = snmpSource.open(snmpTarget({ port, community: agent.community, timeoutMs: 400, retries: 0 }), deps);
    const sec = snmpSource.open(snmpTarget(v3(agent, user(0), { timeoutMs: 400, retries: 0 })), deps);
    await v2.poll(signal());
    await sec.poll(signal());

    await agent.stop();
    now += 60_000;
    const failed = await v2.poll(signal()).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PollError);
    // On loopback the kernel answers "port unreachable": the failed poll names it, as Test connection does
    // (issue 14 item 8), instead of a bare timeout.
    expect((failed as PollError).stage).toBe('refused');
    expect((failed as PollError).message).toContain(`127.0.0.1:${port}`);
    const diag = await snmpSource.test(snmpTarget({ port, community: agent.community, timeoutMs: 400, retries: 0 }), testDeps(), signal());
    expect(diag.stage).toBe('refused');
    expect((failed as PollError).message).toBe(diag.message);

    // Same port and state directory: same engine id, engine boots + 1 (the v3 session must resynchronise).
    agent = await restartOn(port, dir);
    now += 60_000;
    const after = await v2.poll(signal());
    const afterV3 = await sec.poll(signal());
    for (const p of [after, afterV3]) {
      expect(p.family).toBe('linux');
      for (const m of p.metrics) {
        expect(m.value, `${m.name} ${m.instance}`).toBeGreaterThanOrEqual(0);
        if (m.unit === 'bitsPerSecond') expect(m.value).toBeLessThan(100e9);
      }
      // The agent restarted (sysUpTime went back): no rate is computed across the restart.
      expect(p.metrics.some((m) => m.name === 'if.in.bps')).toBe(false);
    }
    await v2.close();
    await sec.close();
  });
});
