import dgram from 'node:dgram';
import { isIP } from 'node:net';
import { randomInt } from 'node:crypto';

/**
 * Is an SNMP agent listening, whatever its credentials? Sends an unauthenticated SNMPv3 engine-discovery
 * request (RFC 3414 §4: any v3 agent answers it with a usmStatsUnknownEngineIDs report, no user needed) on a
 * connected UDP socket, so that an ICMP "port unreachable" comes back as ECONNREFUSED. Test connection uses
 * it to tell a wrong community (agent alive, silent to us) from a dead host or a closed port.
 */
export type ProbeOutcome = 'answered' | 'refused' | 'silent' | 'unreachable';

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

function int(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const octets = (b: Buffer = Buffer.alloc(0)): Buffer => tlv(0x04, b);

/** An SNMPv3 GetRequest with no varbinds, empty engine id and user, reportable flag set. */
export function discoveryPacket(id: number): Buffer {
  const globalData = seq(int(id), int(65507), octets(Buffer.from([0x04])), int(3));
  const security = octets(seq(octets(), int(0), int(0), octets(), octets(), octets()));
  const scoped = seq(octets(), octets(), tlv(0xa0, Buffer.concat([int(id), int(0), int(0), seq()])));
  return seq(int(3), globalData, security, scoped);
}

export async function probeAgent(address: string, port: number, timeoutMs: number, tries: number): Promise<ProbeOutcome> {
  const socket = dgram.createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
  return new Promise<ProbeOutcome>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let left = Math.max(1, tries);
    const finish = (outcome: ProbeOutcome): void => {
      clearTimeout(timer);
      socket.removeAllListeners('message');
      socket.on('error', () => undefined);
      try {
        socket.close();
      } catch {
        /* already closed */
      }
      resolve(outcome);
    };
    socket.on('message', () => finish('answered'));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') finish('refused');
      else if (error.code === 'EHOSTUNREACH' || error.code === 'ENETUNREACH') finish('unreachable');
      else finish('silent');
    });
    const send = (): void => {
      if (left-- <= 0) return finish('silent');
      socket.send(discoveryPacket(randomInt(1, 2 ** 31 - 1)), (error) => {
        if (error) socket.emit('error', error);
      });
      timer = setTimeout(send, timeoutMs);
    };
    socket.connect(port, address, () => send());
  });
}
