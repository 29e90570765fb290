import dgram from 'node:dgram';

const NTP_UNIX_OFFSET = 2_208_988_800;

export interface LoopbackUdp {
  /** host:port, as an NTP server setting. */
  address: string;
  port: number;
  close: () => void;
}

/** A loopback SNTP server (mode 4, stratum 2) whose clock runs `skewMs` ahead of ours. */
export function startNtpServer(skewMs = 0): Promise<LoopbackUdp> {
  const s = dgram.createSocket('udp4');
  s.on('message', (msg, rinfo) => {
    const reply = Buffer.alloc(48);
    reply[0] = 0x24; // LI 0, version 4, mode 4 (server)
    reply[1] = 2;
    const now = Date.now() + skewMs;
    const secs = Math.floor(now / 1000) + NTP_UNIX_OFFSET;
    const frac = Math.floor(((now % 1000) / 1000) * 2 ** 32);
    for (const at of [32, 40]) {
      reply.writeUInt32BE(secs, at);
      reply.writeUInt32BE(frac, at + 4);
    }
    msg.copy(reply, 24, 40, 48);
    s.send(reply, rinfo.port, rinfo.address);
  });
  return bound(s);
}

/** A loopback UDP port that never answers (an NTP server that is down but whose port is open). */
export function startSilentUdp(): Promise<LoopbackUdp> {
  return bound(dgram.createSocket('udp4'));
}

function bound(s: dgram.Socket): Promise<LoopbackUdp> {
  return new Promise((resolve) =>
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      resolve({ address: `127.0.0.1:${port}`, port, close: () => s.close() });
    }),
  );
}
