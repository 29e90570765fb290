import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';

/** Seconds between 1900 (NTP era 0) and 1970 (Unix). */
const NTP_UNIX_OFFSET = 2_208_988_800;

export interface NtpProbe {
  server: string;
  /** Server clock minus ours, seconds; null when it did not answer. */
  offsetSeconds: number | null;
  error: string | null;
}

function ntpTime(buf: Buffer, at: number): number {
  return (buf.readUInt32BE(at) - NTP_UNIX_OFFSET) * 1000 + (buf.readUInt32BE(at + 4) / 2 ** 32) * 1000;
}

/**
 * One SNTP client request (RFC 4330, mode 3) to `server` (host or host:port): whether the console reaches
 * it and its clock offset. A reply that is not a server's (mode 4) or says "kiss of death" (stratum 0)
 * counts as no answer.
 */
export function probeNtp(server: string, timeoutMs: number, signal?: AbortSignal): Promise<NtpProbe> {
  const m = /^(.*?)(?::(\d+))?$/.exec(server.trim());
  const host = (m?.[1] ?? server).replace(/^\[|\]$/g, '');
  const port = m?.[2] ? Number(m[2]) : 123;
  return new Promise((resolve) => {
    const socket = dgram.createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    let done = false;
    const finish = (p: Omit<NtpProbe, 'server'>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.close();
      resolve({ server, ...p });
    };
    const onAbort = (): void => finish({ offsetSeconds: null, error: 'cancelled' });
    const timer = setTimeout(() => finish({ offsetSeconds: null, error: `no answer within ${timeoutMs / 1000} s` }), timeoutMs);
    signal?.addEventListener('abort', onAbort);
    const packet = Buffer.alloc(48);
    packet[0] = 0x1b; // LI 0, version 3, mode 3 (client)
    const sent = Date.now();
    socket.on('error', (e) => finish({ offsetSeconds: null, error: e.message }));
    socket.on('message', (msg) => {
      const received = Date.now();
      if (msg.length < 48 || (msg[0] ?? 0) % 8 !== 4 || msg[1] === 0) {
        finish({ offsetSeconds: null, error: 'not an NTP server answer' });
        return;
      }
      // Offset from the server's receive and transmit times against ours (RFC 4330 §5).
      const t2 = ntpTime(msg, 32);
      const t3 = ntpTime(msg, 40);
      finish({ offsetSeconds: (t2 - sent + (t3 - received)) / 2 / 1000, error: null });
    });
    socket.send(packet, port, host, (e) => {
      if (e) finish({ offsetSeconds: null, error: e.message });
    });
  });
}
