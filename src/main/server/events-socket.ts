import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { SESSION_ENDED as CLOSE_SESSION_ENDED } from '../../shared/contract/web-transport';
import { sameOrigin } from './request-origin';
import { sessionOf, type ServerContext } from './server-context';
import type { Session } from './sessions';

export const EVENTS_PATH = '/api/events';
/** Close code telling the page its session ended (4000–4999 is for applications). */
export { CLOSE_SESSION_ENDED };
/** A client this far behind is stuck (a frozen tab): dropped, it reconnects and reloads what it needs. */
const MAX_BUFFERED = 8 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

export interface EventsHub {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  clientCount(): number;
  close(): void;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`,
  );
}

/**
 * The event half of the bridge: one WebSocket per page on /api/events, opened only with a live session
 * cookie and a same-origin Origin (browsers always send one on WebSocket; a page on another site would be
 * refused here, since SameSite does not cover WebSocket handshakes in every browser). Every core event goes
 * to every client as {"event","payload"}; when a session ends (logout, expiry, password change) its sockets
 * close with 4401.
 */
export function createEventsHub(ctx: ServerContext): EventsHub {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const bySession = new Map<string, Set<WebSocket>>();
  const alive = new WeakSet<WebSocket>();

  const unsubscribe = ctx.core.subscribe((event, payload) => {
    if (wss.clients.size === 0) return;
    const message = JSON.stringify({ event, payload });
    for (const ws of wss.clients) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED) {
        ws.terminate();
        continue;
      }
      ws.send(message);
    }
  });

  const stopSessions = ctx.sessions.onEnd((session, reason) => {
    const sockets = bySession.get(session.id);
    if (!sockets) return;
    bySession.delete(session.id);
    for (const ws of sockets) ws.close(CLOSE_SESSION_ENDED, `session ${reason}`);
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const attach = (ws: WebSocket, session: Session): void => {
    alive.add(ws);
    let set = bySession.get(session.id);
    if (!set) bySession.set(session.id, (set = new Set()));
    set.add(ws);
    ws.on('pong', () => alive.add(ws));
    // The channel is server-to-client only; anything a client sends is ignored.
    ws.on('message', () => undefined);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      set.delete(ws);
      if (set.size === 0 && bySession.get(session.id) === set) bySession.delete(session.id);
    });
  };

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const path = (req.url ?? '').split('?')[0];
      if (path !== EVENTS_PATH) return refuse(socket, 404, 'Not Found');
      if (!sameOrigin(req, true)) {
        ctx.log.warn('event socket refused: cross-site origin', { origin: String(req.headers.origin ?? '') });
        return refuse(socket, 403, 'Forbidden');
      }
      const session = sessionOf(ctx, req);
      if (!session) return refuse(socket, 401, 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => {
        // The session may have ended during the handshake.
        if (!ctx.sessions.isLive(session)) {
          ws.close(CLOSE_SESSION_ENDED, 'session ended');
          return;
        }
        attach(ws, session);
      });
    },
    clientCount: () => wss.clients.size,
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      stopSessions();
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
