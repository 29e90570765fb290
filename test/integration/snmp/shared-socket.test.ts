import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnmpSession } from '../../../src/main/core/pollers/snmp/session/net-snmp-session';
import { sharedSocketStats } from '../../../src/main/core/pollers/snmp/session/shared-socket';
import type { SnmpSession, SnmpTargetOptions } from '../../../src/main/core/pollers/snmp/session/types';
import { PollError } from '../../../src/main/core/pollers/source';
import { freeUdpPort } from '../../helpers/free-port';
import { missingPeer } from '../../helpers/peer';
import { hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';

const available = await hasSnmpd();

/** Per-session objects the agent serves, so that each session can tell its own answers from the others'. */
const BASE = '1.3.6.1.4.1.99999';
const SESSIONS = 50;
const ROWS = 30;
const label = (i: number): string => `session-${i}`;
const rowValue = (i: number, k: number): number => i * 1000 + k;

/** UDP sockets this process holds: its socket descriptors whose inode the kernel lists as UDP. */
function udpDescriptors(): number {
  const udp = new Set<string>();
  for (const table of ['/proc/net/udp', '/proc/net/udp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6 on this host
    }
    for (const line of text.split('\n').slice(1)) {
      const inode = line.trim().split(/\s+/)[9];
      if (inode) udp.add(inode);
    }
  }
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`))?.[1];
      if (inode && udp.has(inode)) count++;
    } catch {
      /* closed while listing */
    }
  }
  return count;
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 20 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)'))(
  'one UDP socket for every SNMP session (Debian snmpd on 127.0.0.1)',
  () => {
    let agent: SnmpdPeer;
    beforeAll(async () => {
      const extra: string[] = [];
      for (let i = 0; i <= SESSIONS; i++) {
        extra.push(`override .${BASE}.1.${i}.0 octet_str "${label(i)}"`);
        for (let k = 1; k <= ROWS; k++) extra.push(`override .${BASE}.2.${i}.${k}.0 integer ${rowValue(i, k)}`);
      }
      agent = await startSnmpd({ extra });
    });
    afterAll(async () => agent.dispose());

    const v2c = (): SnmpTargetOptions => ({ host: '127.0.0.1', port: agent.port, version: '2c', community: agent.community, timeoutMs: 3000, retries: 2 });

    /** Two rounds of get + walk of the session's own objects; what it read, for the caller to check. */
    async function pollOwn(session: SnmpSession, i: number): Promise<{ name: unknown; rows: unknown[] }[]> {
      const rounds = [];
      for (let round = 0; round < 2; round++) {
        const got = await session.get([`${BASE}.1.${i}.0`]);
        const walked = await session.walk(`${BASE}.2.${i}`);
        rounds.push({ name: (got.get(`${BASE}.1.${i}.0`)?.value as Buffer | undefined)?.toString(), rows: walked.map((vb) => vb.value) });
      }
      return rounds;
    }
    const expected = (i: number): { name: string; rows: number[] } => ({
      name: label(i),
      rows: Array.from({ length: ROWS }, (_, k) => rowValue(i, k + 1)),
    });

    it('50 v2c sessions, a v3 session and a dead one share one descriptor, each gets its own answers, none left after', async () => {
      const baseline = udpDescriptors();
      expect(sharedSocketStats('udp4').sessions).toBe(0);

      const sessions = Array.from({ length: SESSIONS }, () => createSnmpSession(v2c()));
      const user = agent.users.find((u) => u.privProtocol === 'aes') ?? agent.users[0];
      if (!user) throw new Error('the snmpd helper has no SNMPv3 user');
      const v3 = createSnmpSession({
        host: '127.0.0.1',
        port: agent.port,
        version: '3',
        timeoutMs: 3000,
        retries: 2,
        v3: { user: user.name, level: 'authPriv', authProtocol: user.authProtocol, privProtocol: user.privProtocol, authKey: user.authKey, privKey: user.privKey },
      });
      const deadPort = await freeUdpPort();
      const dead = createSnmpSession({ host: '127.0.0.1', port: deadPort, version: '2c', community: 'x', timeoutMs: 500, retries: 1 });

      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, udpDescriptors())), 10);
      try {
        const deadResult = dead.get(['1.3.6.1.2.1.1.3.0']).then(
          () => 'answered',
          (e: unknown) => e,
        );
        const results = await Promise.all([...sessions.map((s, i) => pollOwn(s, i + 1)), pollOwn(v3, 0)]);
        peak = Math.max(peak, udpDescriptors());

        results.forEach((rounds, i) => {
          const want = expected(i < SESSIONS ? i + 1 : 0);
          for (const round of rounds) expect(round).toEqual(want);
        });
        const deadError = await deadResult;
        expect(deadError).toBeInstanceOf(PollError);
        expect((deadError as PollError).stage).toBe('timeout');
        expect((deadError as PollError).message).toContain(`127.0.0.1:${deadPort}`);
        // The dead device's session dropped its net-snmp session after the timeout (a fresh one next time).
        expect(sharedSocketStats('udp4')).toMatchObject({ sessions: SESSIONS + 1, open: true });
      } finally {
        clearInterval(sampler);
        for (const s of [...sessions, v3, dead]) s.close();
      }
      expect(peak).toBe(baseline + 1);
      await until('the shared socket closes with the last session', () => udpDescriptors() <= baseline);
      expect(sharedSocketStats('udp4')).toMatchObject({ sessions: 0, open: false, tracked: 0 });
    });

    it('a session that polls again after the others closed opens the socket again', async () => {
      const baseline = udpDescriptors();
      const s = createSnmpSession(v2c());
      try {
        expect(await pollOwn(s, 7)).toEqual([expected(7), expected(7)]);
        expect(udpDescriptors()).toBe(baseline + 1);
      } finally {
        s.close();
      }
      await until('the shared socket closes again', () => udpDescriptors() <= baseline);
      expect(sharedSocketStats('udp4')).toMatchObject({ sessions: 0, open: false });
    });
  },
);
