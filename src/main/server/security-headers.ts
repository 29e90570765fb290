import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestHost } from './request-origin';

/**
 * The same strict policy on every answer. Scripts only from our own files (no inline script anywhere, the
 * login page included); inline styles are allowed because Mantine sets style attributes at run time.
 * connect-src names the exact WebSocket origin when the Host header is well formed.
 * Referrer-Policy same-origin, not no-referrer: under no-referrer browsers send "Origin: null" on form posts
 * and same-origin fetch POSTs, which would defeat the Origin check that stops CSRF; same-origin still never
 * lets a console URL (device names in paths) leak to another site.
 * No HSTS: serve often runs on an IP address or with a self-signed certificate, and a pinned HSTS host
 * could no longer be reached over plain HTTP on any of its ports if TLS were later turned off.
 */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, tls: boolean): void {
  const host = requestHost(req);
  const ws = host ? `${tls ? 'wss' : 'ws'}://${host}` : tls ? 'wss:' : 'ws:';
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      `connect-src 'self' ${ws}`,
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; '),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), usb=(), serial=()');
}
