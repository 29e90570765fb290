import dgram from 'node:dgram';
import { EventEmitter } from 'node:events';
import snmp from 'net-snmp';
import { afterEach, describe, expect, it } from 'vitest';
import { discoveryPacket } from './alive-probe';
import { readRequestId, sharedSocket, sharedSocketStats, type SnmpSocket } from './shared-socket';

/** What net-snmp put on the wire for one request, and the id it registered that request under. */
interface Captured {
  datagram: Buffer;
  registeredId: number;
}

/**
 * Runs `ask` on a net-snmp session whose socket only records what is sent; the id net-snmp registered is
 * the key of its pending-request table once the send callback has run.
 */
async function capture(make: (dgramModule: unknown) => snmp.Session, ask: (s: snmp.Session) => void): Promise<Captured> {
  const sent: Buffer[] = [];
  const fake = {
    createSocket: () =>
      Object.assign(new EventEmitter(), {
        send: (buf: Buffer, offset: number, length: number, _port: number, _address: string, cb: (e: Error | null, n: number) => void) => {
          sent.push(Buffer.from(buf.subarray(offset, offset + length)));
          process.nextTick(() => cb(null, length));
        },
        close: () => undefined,
        ref: () => undefined,
        unref: () => undefined,
      }),
  };
  const session = make(fake);
  session.on('error', () => undefined);
  ask(session);
  const reqs = (session as unknown as { reqs: Record<string, unknown> }).reqs;
  const deadline = Date.now() + 5000;
  while (Object.keys(reqs).length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  const ids = Object.keys(reqs);
  // Cancel quietly: the request will never be answered.
  (session as unknown as { cancelRequests: (e: Error) => void }).cancelRequests(new Error('test over'));
  expect(sent).toHaveLength(1);
  expect(ids).toHaveLength(1);
  return { datagram: sent[0] ?? Buffer.alloc(0), registeredId: Number(ids[0]) };
}

const ignore = (): void => undefined;
const v3User = (level: snmp.SecurityLevel): snmp.User =>
  ({
    name: 'vigie-sha-aes',
    level,
    authProtocol: snmp.AuthProtocols.sha,
    authKey: 'auth-pass-sha1',
    privProtocol: snmp.PrivProtocols.aes,
    privKey: 'priv-pass-aes1',
  });
/** Engine parameters as a discovery would have set them, so that the next request is a full v3 one. */
const discovered = (s: snmp.Session): void => {
  Object.assign(s, {
    msgSecurityParameters: {
      msgAuthoritativeEngineID: Buffer.from('80001f888059dc486145a26322', 'hex'),
      msgAuthoritativeEngineBoots: 4,
      msgAuthoritativeEngineTime: 1234,
    },
  });
};
const manyOids = Array.from({ length: 30 }, (_, i) => `1.3.6.1.2.1.2.2.1.10.${1000 + i}`);

describe('readRequestId reads the id net-snmp matches answers on', () => {
  const v2 = (version: 0 | 1) => (dgramModule: unknown) =>
    snmp.createSession('127.0.0.1', 'public', { version, dgramModule, idBitsSize: 32 });
  const v3 = (level: snmp.SecurityLevel) => (dgramModule: unknown) =>
    snmp.createV3Session('127.0.0.1', v3User(level), { version: snmp.Version3, dgramModule, idBitsSize: 32 });

  it.each<[string, (d: unknown) => snmp.Session, (s: snmp.Session) => void]>([
    ['v1 GET', v2(snmp.Version1), (s) => s.get(['1.3.6.1.2.1.1.3.0'], ignore)],
    ['v2c GET', v2(snmp.Version2c), (s) => s.get(['1.3.6.1.2.1.1.3.0'], ignore)],
    ['v2c GET of 30 objects (long-form lengths)', v2(snmp.Version2c), (s) => s.get(manyOids, ignore)],
    ['v2c GETBULK', v2(snmp.Version2c), (s) => s.getBulk(['1.3.6.1.2.1.2.2.1.2'], 0, 25, ignore)],
    ['v3 discovery (noAuthNoPriv user)', v3(snmp.SecurityLevel.noAuthNoPriv), (s) => s.get(['1.3.6.1.2.1.1.3.0'], ignore)],
    ['v3 discovery (authPriv user)', v3(snmp.SecurityLevel.authPriv), (s) => s.get(['1.3.6.1.2.1.1.3.0'], ignore)],
    ['v3 authPriv GET after discovery', v3(snmp.SecurityLevel.authPriv), (s) => (discovered(s), s.get(['1.3.6.1.2.1.1.3.0'], ignore))],
    ['v3 authPriv GETBULK of 30 objects', v3(snmp.SecurityLevel.authPriv), (s) => (discovered(s), s.getBulk(manyOids, 0, 10, ignore))],
    ['v3 noAuthNoPriv GET after discovery', v3(snmp.SecurityLevel.noAuthNoPriv), (s) => (discovered(s), s.get(['1.3.6.1.2.1.1.3.0'], ignore))],
  ])('%s', async (_name, make, ask) => {
    const { datagram, registeredId } = await capture(make, ask);
    expect(registeredId).toBeGreaterThanOrEqual(0);
    expect(readRequestId(datagram)).toBe(registeredId);
  });

  it('reads the msgID of our own discovery probe and of ids that need a sign byte', () => {
    expect(readRequestId(discoveryPacket(123456))).toBe(123456);
    expect(readRequestId(discoveryPacket(0x80))).toBe(0x80);
    expect(readRequestId(discoveryPacket(99_999_999))).toBe(99_999_999);
  });

  it('returns null on garbage, truncation and other ASN.1, never throws', () => {
    const good = discoveryPacket(4242);
    expect(readRequestId(Buffer.alloc(0))).toBeNull();
    expect(readRequestId(Buffer.from('this is not BER at all \x00\xff\x30\x82'))).toBeNull();
    expect(readRequestId(Buffer.from([0x30, 0x84, 0x01, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01]))).toBeNull();
    expect(readRequestId(Buffer.from([0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00]))).toBeNull();
    for (let cut = 0; cut < good.length; cut++) expect(readRequestId(good.subarray(0, cut))).toBeNull();
    // A v2c envelope whose PDU is not a PDU tag.
    expect(readRequestId(Buffer.from('300d020101040170300502010702', 'hex'))).toBeNull();
    for (let seed = 1; seed < 300; seed++) {
      const noise = Buffer.from(Array.from({ length: seed % 60 }, (_, i) => (seed * 31 + i * 17) & 0xff));
      noise[0] = 0x30;
      expect(() => readRequestId(noise)).not.toThrow();
    }
  });
});

describe('the multiplexer', () => {
  const opened: SnmpSocket[] = [];
  const agents: dgram.Socket[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) s.close();
    await Promise.all(agents.splice(0).map((a) => new Promise<void>((r) => a.close(() => r()))));
  });

  /** A loopback UDP peer that answers each datagram with what `reply` makes of it (null: no answer). */
  async function agent(reply: (msg: Buffer) => Buffer | null): Promise<number> {
    const a = dgram.createSocket('udp4');
    a.on('message', (msg, rinfo) => {
      const out = reply(msg);
      if (out) a.send(out, rinfo.port, rinfo.address);
    });
    await new Promise<void>((r) => a.bind(0, '127.0.0.1', r));
    agents.push(a);
    return a.address().port;
  }
  function open(): { socket: SnmpSocket; got: Buffer[] } {
    const socket = sharedSocket('udp4');
    opened.push(socket);
    const got: Buffer[] = [];
    socket.on('message', (msg) => got.push(msg as Buffer));
    socket.on('error', () => undefined);
    return { socket, got };
  }
  const send = (s: SnmpSocket, buf: Buffer, port: number): Promise<Error | null> =>
    new Promise((r) => s.send(buf, 0, buf.length, port, '127.0.0.1', (e) => r(e)));
  async function until(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not met within 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it('gives each answer to the socket that sent its id, over one real socket', async () => {
    const port = await agent((msg) => msg);
    const a = open();
    const b = open();
    expect(sharedSocketStats('udp4')).toMatchObject({ sessions: 2, open: true });
    await send(a.socket, discoveryPacket(111), port);
    await send(b.socket, discoveryPacket(222), port);
    await send(a.socket, discoveryPacket(333), port);
    await until(() => a.got.length === 2 && b.got.length === 1);
    expect(a.got.map(readRequestId).sort()).toEqual([111, 333]);
    expect(b.got.map(readRequestId)).toEqual([222]);
  });

  it('sends an answer without a known id to the socket that last spoke to that agent', async () => {
    const garbage = Buffer.from('not snmp');
    const port = await agent(() => garbage);
    const other = await agent(() => null);
    const a = open();
    const b = open();
    await send(b.socket, discoveryPacket(1), other);
    await send(a.socket, discoveryPacket(2), port);
    await until(() => a.got.length === 1);
    expect(a.got[0]?.equals(garbage)).toBe(true);
    expect(b.got).toHaveLength(0);
  });

  it('closes the real socket with the last session, fails sends on a closed one, emits close later', async () => {
    const a = open();
    const closed: string[] = [];
    a.socket.on('close', () => closed.push('a'));
    a.socket.close();
    expect(closed).toEqual([]);
    await until(() => closed.length === 1);
    expect(sharedSocketStats('udp4')).toMatchObject({ sessions: 0, open: false, tracked: 0 });
    const error = await send(a.socket, discoveryPacket(5), 9);
    expect(error?.message).toMatch(/closed/);
  });

  it('refuses to bind a source address with a clear error', () => {
    const a = open();
    expect(() => a.socket.bind(1161, '127.0.0.1')).toThrow(/source address/);
  });
});
