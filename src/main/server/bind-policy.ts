import { isIP } from 'node:net';
import { ServeError } from './serve-error';

/** 127.0.0.0/8, ::1, their IPv4-mapped forms and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * Anything but loopback puts the login password and the session cookie on a network: allowed only under TLS,
 * or when the operator says in so many words that a TLS proxy (or a trusted network) sits in front.
 * Host names other than localhost count as public: what they resolve to can change.
 */
export function checkBindPolicy(host: string, tls: boolean, insecurePublic: boolean): void {
  if (isLoopbackHost(host) || tls || insecurePublic) return;
  throw new ServeError(
    'public-bind',
    `Refusing to listen on ${host} without TLS: passwords and session cookies would cross the network in clear. Give --tls-cert and --tls-key, or --insecure-public if a TLS proxy sits in front.`,
  );
}

/** The host part of a Host header ("127.0.0.1:8780", "[::1]:8780", "vigie.example"). */
export function hostName(hostHeader: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (m?.[1]) return m[1];
  const colon = hostHeader.lastIndexOf(':');
  return colon > 0 && hostHeader.indexOf(':') === colon ? hostHeader.slice(0, colon) : hostHeader;
}
