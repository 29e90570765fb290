import { isEventName } from './channels';
import type { Transport } from './client';

/** WebSocket close code the server uses when the session behind a socket ends. */
export const SESSION_ENDED = 4401;

/** The subset of the WebSocket API the transport needs: the browser's, or the `ws` package's in tests. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code?: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

export interface WebTransportOptions {
  /** Origin of the server, e.g. http://127.0.0.1:8780; '' for same-origin in the browser. */
  baseUrl: string;
  fetch?: typeof fetch;
  openSocket?: (url: string) => SocketLike;
  /** Extra headers, e.g. the session cookie when run from Node in tests. */
  headers?: Record<string, string>;
  /** Called when the server says the session is gone, so the page can go back to the login. */
  onUnauthenticated?: () => void;
  reconnectDelayMs?: number;
}

/**
 * The `serve` side of the bridge: calls are POST /api/call/<channel> with a JSON body answered by an
 * envelope; events come over one authenticated WebSocket (/api/events), reconnecting with backoff.
 */
export function createWebTransport(options: WebTransportOptions): Transport & { close(): void } {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: SocketLike | null = null;
  let closed = false;
  let delay = options.reconnectDelayMs ?? 1000;

  const wsUrl = (): string => {
    const loc = (globalThis as { location?: { protocol: string; host: string } }).location;
    const base = options.baseUrl || (loc ? `${loc.protocol}//${loc.host}` : '');
    return base.replace(/^http/, 'ws') + '/api/events';
  };

  const connect = (): void => {
    if (closed || socket || !options.openSocket) return;
    const s = options.openSocket(wsUrl());
    socket = s;
    s.onopen = () => {
      delay = options.reconnectDelayMs ?? 1000;
    };
    s.onmessage = (ev) => {
      let msg: unknown;
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (typeof msg !== 'object' || msg === null) return;
      const { event, payload } = msg as { event?: unknown; payload?: unknown };
      if (typeof event !== 'string' || !isEventName(event)) return;
      for (const l of listeners.get(event) ?? []) l(payload);
    };
    s.onclose = (ev) => {
      socket = null;
      // 4401: the server ended the session (logout, expiry, password change): retrying cannot succeed.
      if (ev?.code === SESSION_ENDED) {
        options.onUnauthenticated?.();
        return;
      }
      if (closed || listenerCount() === 0) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30_000);
    };
    s.onerror = () => undefined;
  };

  const listenerCount = (): number => [...listeners.values()].reduce((n, s) => n + s.size, 0);

  return {
    async invoke(channel, payload) {
      let res: Response;
      try {
        res = await doFetch(`${options.baseUrl}/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: JSON.stringify(payload ?? {}),
          credentials: 'same-origin',
        });
      } catch (error) {
        return {
          ok: false,
          error: { code: 'unavailable', message: `Vigie server unreachable: ${(error as Error).message}` },
        };
      }
      if (res.status === 401) options.onUnauthenticated?.();
      try {
        return (await res.json());
      } catch {
        return { ok: false, error: { code: 'internal', message: `Unexpected answer from the server (HTTP ${res.status})` } };
      }
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      connect();
      return () => {
        set.delete(listener);
      };
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
