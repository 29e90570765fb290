import type { IncomingMessage } from 'node:http';
import { hostName, isLoopbackHost } from './bind-policy';

const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/** The Host header when it is a well-formed authority, lower-cased; null otherwise. */
export function requestHost(req: IncomingMessage): string | null {
  const host = req.headers.host;
  return host && HOST_HEADER.test(host) ? host.toLowerCase() : null;
}

/**
 * When serve listens on loopback only, a Host that is not a loopback name means a DNS-rebinding page
 * (evil.example resolving to 127.0.0.1) is talking to us: refused, whatever the path. Names given with
 * --allowed-host (a reverse proxy's) are accepted too. On a public bind any well-formed Host is accepted.
 */
export function hostAllowed(
  req: IncomingMessage,
  loopbackOnly: boolean,
  allowedHosts: ReadonlySet<string>,
): boolean {
  const host = requestHost(req);
  if (!host) return false;
  if (!loopbackOnly) return true;
  const name = hostName(host);
  return isLoopbackHost(name) || allowedHosts.has(name);
}

/**
 * CSRF check for anything that changes state. Browsers send Origin on every cross-origin request and on
 * every POST and WebSocket; it must name this very host and port. Only the authority is compared, so a TLS
 * proxy in front (https outside, http here) still works; one port cannot speak both schemes, so that gives
 * nothing away. `required`: also refuse when Origin is missing (the WebSocket upgrade).
 */
export function sameOrigin(req: IncomingMessage, required: boolean): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return !required;
  const host = requestHost(req);
  if (!host || origin === 'null') return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
  } catch {
    return false;
  }
}

/** Proxies announce themselves with these; a request that went through one is not "from this machine". */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/**
 * First-run setup is allowed from this machine only: a loopback peer, a loopback Host (so not a rebinding
 * page) and no sign of a proxy relaying someone else.
 */
export function isLocalClient(req: IncomingMessage): boolean {
  const peer = req.socket.remoteAddress ?? '';
  if (!isLoopbackHost(peer)) return false;
  if (FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  const host = requestHost(req);
  return host !== null && isLoopbackHost(hostName(host));
}

/** The address the login limiter counts against. Behind a proxy all clients share it; see docs. */
export function clientAddress(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}
