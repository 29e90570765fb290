import { sharedSocket, type SnmpSocket } from './shared-socket';

/**
 * net-snmp decodes datagrams inside the socket's 'message' event. It catches BER parse errors itself, but a
 * datagram that parses and then trips its later checks (a v1 message on a v3 session, a truncated security
 * header...) throws out of the event handler, which would be an uncaught exception and end the process.
 * This module, handed to net-snmp as its `dgramModule`, runs every 'message' listener inside try/catch and
 * reports what went wrong, so that hostile or broken agents cost a request, never the console.
 * The socket it hands out is a session's share of the process's one UDP socket (`shared-socket.ts`).
 */
export interface DgramModuleLike {
  createSocket(type: 'udp4' | 'udp6'): SnmpSocket;
}

type Listener = (...args: unknown[]) => void;

/** The msgVersion of an SNMP message (0 = v1, 1 = v2c, 3 = v3), or null if the header is not SNMP's. */
export function peekVersion(msg: Buffer): number | null {
  if (msg.length < 5 || msg[0] !== 0x30) return null;
  let i = 1;
  const first = msg[i] ?? 0;
  i += first & 0x80 ? 1 + (first & 0x7f) : 1;
  if (msg[i] !== 0x02 || msg[i + 1] !== 0x01) return null;
  return msg[i + 2] ?? null;
}

const VERSION_NAME: Record<number, string> = { 0: 'SNMPv1', 1: 'SNMPv2c', 3: 'SNMPv3' };

/**
 * `expectedVersion` (0, 1 or 3): a datagram of another SNMP version is not an answer to us (net-snmp drops
 * it silently, and the request would end in a bare timeout): report it, it explains the silence.
 */
export function guardedDgram(onFault: (message: string) => void, expectedVersion?: number): DgramModuleLike {
  return {
    createSocket(type) {
      const socket = sharedSocket(type);
      const on: (event: string, listener: Listener) => SnmpSocket = socket.on.bind(socket);
      // Socket errors (ICMP unreachable on some systems, send failures) must have a listener, or Node throws.
      on('error', (error: unknown) => onFault(error instanceof Error ? error.message : String(error)));
      socket.on = (event, listener) => {
        if (event !== 'message') return on(event, listener);
        return on(event, (...args: unknown[]) => {
          const msg = args[0];
          if (expectedVersion !== undefined && Buffer.isBuffer(msg)) {
            const version = peekVersion(msg);
            if (version !== null && version !== expectedVersion) {
              onFault(`the agent answered in ${VERSION_NAME[version] ?? `version ${version}`} instead of ${VERSION_NAME[expectedVersion] ?? expectedVersion}`);
            }
          }
          try {
            listener(...args);
          } catch (error) {
            onFault(error instanceof Error ? error.message : String(error));
          }
        });
      };
      return socket;
    },
  };
}
