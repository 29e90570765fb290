import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/main/core/monitor/scheduler';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import { PollError, type DevicePoller } from '../../../src/main/core/pollers/source';
import { hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';
import { snmpTarget, testDeps } from './engine-target';
import { missingPeer } from '../../helpers/peer';

const available = await hasSnmpd();

describe.skipIf(missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('one scheduler, live and dead devices: the dead ones never delay the live ones', () => {
  let agent: SnmpdPeer;
  const silent: dgram.Socket[] = [];

  beforeAll(async () => {
    agent = await startSnmpd();
    // Dead devices: a port that takes datagrams and never answers (no ICMP, a real timeout).
    for (let i = 0; i < 3; i++) {
      const s = dgram.createSocket('udp4');
      s.on('message', () => undefined);
      await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
      silent.push(s);
    }
  });
  afterAll(async () => {
    for (const s of silent) s.close();
    await agent?.dispose();
  });

  it('keeps every live device on its interval while dead ones time out', async () => {
    const scheduler = new Scheduler({ concurrency: 2, slotHoldMs: 150, initialJitterMs: 0 });
    const pollers: DevicePoller[] = [];
    const starts = new Map<string, number[]>();
    const outcomes = new Map<string, string[]>();
    const add = (id: string, port: number, community: string): void => {
      const poller = snmpSource.open(snmpTarget({ port, community, timeoutMs: 1000, retries: 1 }), testDeps());
      pollers.push(poller);
      starts.set(id, []);
      outcomes.set(id, []);
      // Dead ones first in the queue: the worst case for the live ones.
      scheduler.add(id, 1500, async (signal) => {
        starts.get(id)?.push(Date.now());
        try {
          const r = await poller.poll(signal);
          outcomes.get(id)?.push(r.family);
        } catch (error) {
          // Runs cut short by stop() at the end of the test are not outcomes.
          if (signal.reason === 'removed') return;
          outcomes.get(id)?.push(error instanceof PollError ? `error:${error.stage}` : 'error');
        }
      });
    };
    silent.forEach((s, i) => add(`dead${i}`, s.address().port, 'public'));
    for (let i = 0; i < 4; i++) add(`live${i}`, agent.port, agent.community);
    const t0 = Date.now();
    // Run until every live device has 4 starts and every dead one 2 outcomes (the condition asserted below),
    // with a deadline far beyond the ~6 s it takes, so a busy machine cannot cut the test short.
    const enough = (): boolean =>
      [0, 1, 2, 3].every((i) => (starts.get(`live${i}`)?.length ?? 0) >= 4) &&
      [0, 1, 2].every((i) => (outcomes.get(`dead${i}`)?.length ?? 0) >= 2);
    const deadline = Date.now() + 60_000;
    while (!enough() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await scheduler.stop();
    for (const p of pollers) await p.close();

    for (let i = 0; i < 4; i++) {
      const s = starts.get(`live${i}`) ?? [];
      expect(s.length).toBeGreaterThanOrEqual(4);
      // The bar (quality.md): no healthy device delayed by more than one timeout (1 s here; a dead poll takes
      // 2 s with its retry). First poll after the dead ones' slot holds (3 × 150 ms over 2 slots), well
      // before their timeouts; then every start on its 1.5 s interval within less than one timeout.
      expect((s[0] ?? Infinity) - t0).toBeLessThan(1000);
      for (let k = 1; k < s.length; k++) expect(Math.abs((s[k] ?? 0) - (s[k - 1] ?? 0) - 1500)).toBeLessThan(1000);
      expect(outcomes.get(`live${i}`)?.every((o) => o === 'linux'), outcomes.get(`live${i}`)?.join()).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      const o = outcomes.get(`dead${i}`) ?? [];
      expect(o.length).toBeGreaterThanOrEqual(2);
      // Each dead poll ends as one "timeout" (no answer, or aborted at the run timeout).
      expect(o.every((x) => x === 'error:timeout'), o.join()).toBe(true);
    }
  });
});
