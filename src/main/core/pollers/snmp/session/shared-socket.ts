import dgram from 'node:dgram';
import { EventEmitter } from 'node:events';

/**
 * One UDP socket per transport for every SNMP session of the process.
 *
 * Why: net-snmp opens a socket per Session, so 1,000 devices held 1,000 descriptors (and their buffers).
 * Each device keeps its own Session (v3 engine discovery, engine time, pending requests) but is handed a
 * virtual socket; the multiplexer sends everything through one real socket and gives each answer back to
 * the session that sent its request id. The real socket exists only while some virtual socket is open, so
 * a closed Test connection leaves no descriptor behind.
 */

type SendCallback = (error: Error | null, bytes?: number) => void;

/** What net-snmp's Session uses of a dgram socket (see `Session` in net-snmp's index.js). */
export interface SnmpSocket {
  on(event: string, listener: (...args: unknown[]) => void): this;
  send(buffer: Buffer, offset: number, length: number, port: number, address: string, callback?: SendCallback): void;
  close(): void;
  ref(): this;
  unref(): this;
  bind(port?: number, address?: string): never;
}

/** A tracked id older than this belongs to a request long given up (our timeouts are seconds). */
const ID_MAX_AGE_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;
/** Answers from 1,000 devices share one queue now: give it room for a burst (capped by net.core.rmem_max). */
const RECV_BUFFER_BYTES = 4 * 1024 * 1024;

interface Tlv {
  tag: number;
  /** First byte of the content. */
  start: number;
  /** One past the last byte of the content. */
  end: number;
}

/** The BER tag-length header at `at`, or null if it is not one or overruns `limit`. */
function readTlv(buf: Buffer, at: number, limit: number): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = buf[at] ?? 0;
  const first = buf[at + 1] ?? 0;
  let start = at + 2;
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    // 0x80 is BER's indefinite length, which SNMP does not use; more than 4 bytes of length is nonsense here.
    if (n === 0 || n > 4 || start + n > limit) return null;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[start + i] ?? 0);
    start += n;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

function readInteger(buf: Buffer, tlv: Tlv | null): number | null {
  if (tlv?.tag !== 0x02) return null;
  const n = tlv.end - tlv.start;
  if (n < 1 || n > 5) return null;
  let value = (buf[tlv.start] ?? 0) & 0x80 ? -1 : 0;
  for (let i = tlv.start; i < tlv.end; i++) value = value * 256 + (buf[i] ?? 0);
  return value;
}

/**
 * The id an SNMP message is matched on, as net-snmp's `Message.getReqId` reads it: the PDU's request-id for
 * v1/v2c, msgGlobalData.msgID for v3. A hand-written header walk because net-snmp does not export its
 * message parser (and parsing whole messages twice would be waste). Null for anything else; never throws.
 */
export function readRequestId(buf: Buffer): number | null {
  const message = readTlv(buf, 0, buf.length);
  if (message?.tag !== 0x30) return null;
  const versionTlv = readTlv(buf, message.start, message.end);
  const version = readInteger(buf, versionTlv);
  if (versionTlv === null || version === null) return null;
  const second = readTlv(buf, versionTlv.end, message.end);
  if (second === null) return null;
  if (version === 3) {
    // SEQUENCE msgGlobalData { msgID INTEGER, ... }
    if (second.tag !== 0x30) return null;
    return readInteger(buf, readTlv(buf, second.start, second.end));
  }
  // community OCTET STRING, then a PDU (context-specific constructed [0]..[8]) { request-id INTEGER, ... }
  if (second.tag !== 0x04) return null;
  const pdu = readTlv(buf, second.end, message.end);
  if (pdu === null || pdu.tag < 0xa0 || pdu.tag > 0xa8) return null;
  return readInteger(buf, readTlv(buf, pdu.start, pdu.end));
}

class VirtualSocket extends EventEmitter implements SnmpSocket {
  /** Ids this socket sent whose answer has not come back yet. */
  readonly ids = new Set<number>();
  refed = true;
  closed = false;

  constructor(private readonly mux: SocketMux) {
    super();
  }

  send(buffer: Buffer, offset: number, length: number, port: number, address: string, callback?: SendCallback): void {
    if (this.closed) {
      const error = Object.assign(new Error('SNMP socket is closed'), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
      process.nextTick(() => callback?.(error));
      return;
    }
    this.mux.send(this, buffer, offset, length, port, address, callback);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.mux.release(this);
    // Like a real socket, 'close' comes after close() returns: net-snmp then cancels the pending requests.
    process.nextTick(() => this.emit('close'));
  }

  ref(): this {
    if (!this.refed && !this.closed) {
      this.refed = true;
      this.mux.refChanged(1);
    }
    return this;
  }

  unref(): this {
    if (this.refed && !this.closed) {
      this.refed = false;
      this.mux.refChanged(-1);
    }
    return this;
  }

  bind(): never {
    throw new Error('SNMP sessions share one socket: a source address or port (sourceAddress/sourcePort) is not supported');
  }
}

interface Tracked {
  owner: VirtualSocket;
  at: number;
}

export interface SocketMuxStats {
  /** Virtual sockets open (one per net-snmp Session). */
  sessions: number;
  /** Whether the real socket is open. */
  open: boolean;
  /** Request ids awaiting an answer. */
  tracked: number;
  /** Datagrams that matched no session (late duplicates, strays), since start. */
  dropped: number;
}

class SocketMux {
  private socket: dgram.Socket | null = null;
  private readonly members = new Set<VirtualSocket>();
  /**
   * Request id → the socket that sent it. net-snmp draws ids at random (0 to 10^8): two sessions awaiting the
   * same id at the same moment is a chance of about (requests in flight) / 10^8 per request, accepted.
   */
  private readonly byId = new Map<number, Tracked>();
  /** "address:port" → the socket that last sent there: where an answer without a known id goes. */
  private readonly byPeer = new Map<string, VirtualSocket>();
  private refs = 0;
  private sweeper: NodeJS.Timeout | null = null;
  dropped = 0;

  constructor(private readonly type: 'udp4' | 'udp6') {}

  open(): VirtualSocket {
    const v = new VirtualSocket(this);
    this.members.add(v);
    this.refs++;
    this.ensureSocket();
    this.applyRef();
    return v;
  }

  stats(): SocketMuxStats {
    return { sessions: this.members.size, open: this.socket !== null, tracked: this.byId.size, dropped: this.dropped };
  }

  private ensureSocket(): dgram.Socket {
    if (this.socket) return this.socket;
    const socket = dgram.createSocket(this.type);
    socket.on('message', (msg, rinfo) => this.route(msg, rinfo));
    socket.on('error', (error) => {
      for (const v of this.members) v.emit('error', error);
    });
    socket.on('listening', () => {
      try {
        socket.setRecvBufferSize(RECV_BUFFER_BYTES);
      } catch {
        /* the system's default then: the limiter keeps bursts small anyway */
      }
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      // Closed under us (not by release): the sessions must learn it, as they would with their own socket.
      this.socket = null;
      for (const v of [...this.members]) v.close();
    });
    this.socket = socket;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
    return socket;
  }

  send(owner: VirtualSocket, buffer: Buffer, offset: number, length: number, port: number, address: string, callback?: SendCallback): void {
    const id = readRequestId(buffer.subarray(offset, offset + length));
    if (id !== null) {
      const previous = this.byId.get(id);
      if (previous && previous.owner !== owner) previous.owner.ids.delete(id);
      this.byId.set(id, { owner, at: Date.now() });
      owner.ids.add(id);
    }
    this.byPeer.set(`${address}:${port}`, owner);
    this.ensureSocket().send(buffer, offset, length, port, address, callback);
  }

  private route(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    const id = readRequestId(msg);
    const tracked = id === null ? undefined : this.byId.get(id);
    let owner: VirtualSocket | undefined;
    if (id !== null && tracked) {
      owner = tracked.owner;
      this.byId.delete(id);
      owner.ids.delete(id);
    } else {
      // Unreadable, or an id layout we did not send (another SNMP version): the session that last spoke to
      // that agent gets it, so that its diagnostics (malformed datagram, wrong version) name the device.
      owner = this.byPeer.get(`${rinfo.address}:${rinfo.port}`);
    }
    if (owner && !owner.closed) owner.emit('message', msg, rinfo);
    else this.dropped++;
  }

  release(v: VirtualSocket): void {
    if (!this.members.delete(v)) return;
    if (v.refed) this.refs--;
    for (const id of v.ids) this.byId.delete(id);
    v.ids.clear();
    for (const [peer, owner] of this.byPeer) if (owner === v) this.byPeer.delete(peer);
    if (this.members.size === 0) {
      const socket = this.socket;
      this.socket = null;
      if (this.sweeper) clearInterval(this.sweeper);
      this.sweeper = null;
      this.byId.clear();
      this.byPeer.clear();
      this.refs = 0;
      socket?.close();
    } else {
      this.applyRef();
    }
  }

  refChanged(delta: number): void {
    this.refs += delta;
    this.applyRef();
  }

  /** The process stays alive for the real socket only while some session has a request pending. */
  private applyRef(): void {
    if (!this.socket) return;
    if (this.refs > 0) this.socket.ref();
    else this.socket.unref();
  }

  private sweep(): void {
    const before = Date.now() - ID_MAX_AGE_MS;
    for (const [id, t] of this.byId) {
      if (t.at < before) {
        this.byId.delete(id);
        t.owner.ids.delete(id);
      }
    }
  }
}

const muxes = { udp4: new SocketMux('udp4'), udp6: new SocketMux('udp6') };

/** A socket for one net-snmp Session, sharing the process's real socket of that transport. */
export function sharedSocket(type: 'udp4' | 'udp6'): SnmpSocket {
  return muxes[type].open();
}

export function sharedSocketStats(type: 'udp4' | 'udp6'): SocketMuxStats {
  return muxes[type].stats();
}
