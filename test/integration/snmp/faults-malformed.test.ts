import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import { PollError } from '../../../src/main/core/pollers/source';
import { hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';
import { signal, snmpTarget, testDeps } from './engine-target';
import { missingPeer } from '../../helpers/peer';

const available = await hasSnmpd();
// The healthy-device half of each case needs snmpd: under CI its absence fails the run.
missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)');

/** A UDP "agent" on loopback that answers every request with what `reply` makes of it. */
async function fakeAgent(reply: (request: Buffer) => Buffer[]): Promise<{ port: number; close: () => Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    for (const out of reply(msg)) socket.send(out, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  return { port: socket.address().port, close: () => new Promise((r) => socket.close(() => r())) };
}

/** The request with its PDU tag turned into GetResponse (0xa2): a well-formed answer with the same id. */
function echoAsResponse(request: Buffer): Buffer {
  const out = Buffer.from(request);
  const i = out.indexOf(0xa0, 5);
  if (i > 0) out[i] = 0xa2;
  return out;
}

const CASES: [string, (req: Buffer) => Buffer[]][] = [
  ['random garbage', () => [Buffer.from('this is not BER at all \x00\xff\x30\x82')]],
  ['a truncated answer (half of a well-formed message)', (req) => [echoAsResponse(req).subarray(0, Math.floor(req.length / 2))]],
  ['a SEQUENCE announcing 16 MB', () => [Buffer.from([0x30, 0x84, 0x01, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01])]],
  ['an SNMPv3 message to a v2c session', () => [Buffer.from('303e020103301102040000000102030100ff0401040201030410300e0400020100020100040004000400301404000400a00e020400000001020100020100300000', 'hex')]],
  ['nested garbage inside a valid envelope', (req) => {
    const bad = echoAsResponse(req);
    bad.fill(0xff, Math.max(0, bad.length - 12));
    return [bad];
  }],
];

describe('malformed answers never crash the console and end in a clear message', () => {
  let agent: SnmpdPeer | null = null;
  beforeAll(async () => {
    if (available) agent = await startSnmpd();
  });
  afterAll(async () => agent?.dispose());

  it.each(CASES)('%s → PollError("protocol"), and a healthy device polled meanwhile is unaffected', async (_name, reply) => {
    const fake = await fakeAgent(reply);
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown): void => void uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const bad = snmpSource.open(snmpTarget({ port: fake.port, community: 'x', timeoutMs: 400, retries: 1 }), testDeps());
      const healthy = agent ? snmpSource.open(snmpTarget({ port: agent.port, community: agent.community }), testDeps()) : null;
      const [badResult, goodResult] = await Promise.allSettled([bad.poll(signal()), healthy?.poll(signal())]);
      expect(badResult.status).toBe('rejected');
      const error = (badResult as PromiseRejectedResult).reason as unknown;
      expect(error).toBeInstanceOf(PollError);
      expect((error as PollError).stage).toBe('protocol');
      expect((error as PollError).message).toMatch(/127\.0\.0\.1:\d+/);
      if (healthy) {
        expect(goodResult.status).toBe('fulfilled');
        expect((goodResult as PromiseFulfilledResult<{ family: string }>).value.family).toBe('linux');
        await healthy.close();
      }
      await bad.close();
      // Test connection reports the same clear stage.
      const t = await snmpSource.test(snmpTarget({ port: fake.port, community: 'x', timeoutMs: 400, retries: 0 }), testDeps(), signal());
      expect(t.ok).toBe(false);
      expect(['protocol', 'community', 'timeout']).toContain(t.stage);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await fake.close();
    }
  });

  it('a v1/v2c message arriving on an SNMPv3 session is dropped without crashing', async () => {
    const fake = await fakeAgent(() => [Buffer.from('302902010104067075626c6963a21c02040000000102010002010030',  'hex')]);
    try {
      const poller = snmpSource.open(
        snmpTarget({ port: fake.port, version: '3', user: 'u', authKey: 'authkey-123', privKey: 'privkey-123', timeoutMs: 300, retries: 0 }),
        testDeps(),
      );
      await expect(poller.poll(signal())).rejects.toBeInstanceOf(PollError);
      await poller.close();
    } finally {
      await fake.close();
    }
  });
});
