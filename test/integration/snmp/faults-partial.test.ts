import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import { PollError } from '../../../src/main/core/pollers/source';
import { hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText, writeSnmprec, type Snmprec } from '../../helpers/snmprec';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { metric, signal, snmpTarget, testDeps } from './engine-target';
import { missingPeer } from '../../helpers/peer';

const SOURCE = `${SHARED_SNMPREC}linux-netsnmp.snmprec`;
const STORAGE = '1.3.6.1.2.1.25.2.3.1';

/**
 * Half of what a Linux poll reads is gone: every other filesystem row loses its size and used columns, the
 * per-CPU loads, hrSystem scalars and the interface counters are removed. The recording is otherwise served
 * as is, so the agent answers noSuchObject / end of view for the missing parts.
 */
function halfRecording(rec: Snmprec): { rec: Snmprec; removed: number } {
  const out: Snmprec = new Map();
  let removed = 0;
  const storageRows = [...snmprecColumn(rec, STORAGE, 1).keys()];
  const dropRows = new Set(storageRows.filter((_, i) => i % 2 === 1));
  for (const [oid, entry] of rec) {
    const storage = /^1\.3\.6\.1\.2\.1\.25\.2\.3\.1\.([56])\.(\d+)$/.exec(oid);
    const drop =
      (storage?.[2] !== undefined && dropRows.has(storage[2])) ||
      oid.startsWith('1.3.6.1.2.1.25.3.3.1.2.') ||
      oid.startsWith('1.3.6.1.2.1.25.1.') ||
      /^1\.3\.6\.1\.2\.1\.2\.2\.1\.(10|11|13|14|16|17|19|20)\./.test(oid);
    if (drop) removed++;
    else out.set(oid, entry);
  }
  return { rec: out, removed };
}

describe('a device answering noSuchObject for half of the objects', () => {
  let sim: SnmpsimPeer;
  let dir: string;
  const original = readSnmprec(SOURCE);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-partial-'));
    const { rec, removed } = halfRecording(original);
    expect(removed).toBeGreaterThan(20);
    writeSnmprec(join(dir, 'linux-half.snmprec'), rec);
    sim = await startSnmpsim([join(dir, 'linux-half.snmprec')]);
  });
  afterAll(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still polls: what is there is reported, what is missing is absent, not an error', async () => {
    const poller = snmpSource.open(snmpTarget({ port: sim.port, community: 'linux-half', timeoutMs: 3000 }), testDeps());
    const poll = await poller.poll(signal());
    await poller.close();
    expect(poll.family).toBe('linux');
    const storageRows = [...snmprecColumn(original, STORAGE, 1).keys()];
    const kept = storageRows.filter((_, i) => i % 2 === 0);
    const fixed = kept.filter((i) => original.get(`${STORAGE}.2.${i}`)?.value === '1.3.6.1.2.1.25.2.1.4');
    expect(fixed.length).toBeGreaterThan(0);
    for (const i of fixed) {
      const mount = snmprecText(original.get(`${STORAGE}.3.${i}`)) ?? '';
      const units = snmprecNumber(original.get(`${STORAGE}.4.${i}`)) ?? 0;
      expect(metric(poll, 'fs.size', mount)).toBe(units * (snmprecNumber(original.get(`${STORAGE}.5.${i}`)) ?? 0));
    }
    // Rows that lost their size are not reported with a made-up zero.
    const dropped = storageRows.filter((_, i) => i % 2 === 1).map((i) => snmprecText(original.get(`${STORAGE}.3.${i}`)));
    for (const mount of dropped) expect(poll.metrics.some((m) => m.instance === mount)).toBe(false);
    expect(poll.metrics.some((m) => m.name === 'cpu.core')).toBe(false);
    expect(poll.metrics.some((m) => m.name === 'processes')).toBe(false);
    expect((poll.tables.interfaces ?? []).length).toBe(snmprecColumn(original, '1.3.6.1.2.1.2.2.1', 2).size);
    // No hrSystemUptime: the agent's sysUpTime stands in.
    expect(poll.uptimeSeconds).toBe((snmprecNumber(original.get('1.3.6.1.2.1.1.3.0')) ?? 0) / 100);
    expect(poll.metrics.every((m) => Number.isFinite(m.value) && m.value >= 0)).toBe(true);
  });
});

/** Relays datagrams to the agent until `allow` requests have passed, then drops everything: an agent dying mid-poll. */
async function dyingRelay(agentPort: number, allow: number): Promise<{ port: number; passed: () => number; close: () => Promise<void> }> {
  const front = dgram.createSocket('udp4');
  const back = dgram.createSocket('udp4');
  let client: dgram.RemoteInfo | null = null;
  let passed = 0;
  front.on('message', (msg, rinfo) => {
    client = rinfo;
    if (passed++ < allow) back.send(msg, agentPort, '127.0.0.1');
  });
  back.on('message', (msg) => {
    if (client) front.send(msg, client.port, client.address);
  });
  await new Promise<void>((r) => front.bind(0, '127.0.0.1', r));
  await new Promise<void>((r) => back.bind(0, '127.0.0.1', r));
  return {
    port: front.address().port,
    passed: () => passed,
    close: async () => {
      await new Promise<void>((r) => front.close(() => r()));
      await new Promise<void>((r) => back.close(() => r()));
    },
  };
}

describe.skipIf(missingPeer('snmpd', (await hasSnmpd()) ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('an agent that stops answering in the middle of a poll', () => {
  let agent: SnmpdPeer;
  beforeAll(async () => {
    agent = await startSnmpd();
  });
  afterAll(async () => agent?.dispose());

  it('fails the whole poll with PollError("timeout") instead of returning half a poll as current', async () => {
    const relay = await dyingRelay(agent.port, 3);
    try {
      const poller = snmpSource.open(snmpTarget({ port: relay.port, community: agent.community, timeoutMs: 300, retries: 1 }), testDeps());
      const error = await poller.poll(signal()).catch((e: unknown) => e);
      await poller.close();
      expect(relay.passed()).toBeGreaterThan(3);
      expect(error).toBeInstanceOf(PollError);
      expect((error as PollError).stage).toBe('timeout');
    } finally {
      await relay.close();
    }
  });
});
