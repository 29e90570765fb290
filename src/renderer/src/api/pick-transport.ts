import type { Transport } from '../../../shared/contract/client';
import { createWebTransport, type SocketLike } from '../../../shared/contract/web-transport';

/** What the picker reads from the page: the preload's `vigie` object if any, and how to leave for the login. */
export interface HostWindow {
  vigie?: unknown;
  location: { assign(url: string): void; hash?: string };
  WebSocket?: new (url: string) => SocketLike;
}

function isTransport(value: unknown): value is Transport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { invoke?: unknown; on?: unknown };
  return typeof v.invoke === 'function' && typeof v.on === 'function';
}

/**
 * The one place that knows there are two bridges: Electron's preload exposes `window.vigie`; under `serve`
 * there is none and calls go over HTTP and a WebSocket to the page's own origin. Everything above this sees
 * a Transport and cannot tell which one it got.
 */
export function pickTransport(win: HostWindow): Transport & { mode: 'ipc' | 'web' } {
  if (isTransport(win.vigie)) {
    const bridge = win.vigie;
    return { mode: 'ipc', invoke: (c, p) => bridge.invoke(c, p), on: (e, l) => bridge.on(e, l) };
  }
  const Socket = win.WebSocket;
  const web = createWebTransport({
    baseUrl: '',
    openSocket: Socket ? (url) => new Socket(url) : undefined,
    // The fragment is the page that was open: the login page brings the browser back to it.
    onUnauthenticated: () => win.location.assign(`/login${win.location.hash ?? ''}`),
  });
  return { mode: 'web', invoke: (c, p) => web.invoke(c, p), on: (e, l) => web.on(e, l) };
}
