import type { IncomingMessage } from 'node:http';

/**
 * Under TLS the cookie takes the __Host- prefix: browsers then accept it only with Secure, Path=/ and no
 * Domain, so no other host or plain-HTTP page can plant or shadow it.
 */
export function sessionCookieName(tls: boolean): string {
  return tls ? '__Host-vigie_session' : 'vigie_session';
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Secure under TLS. */
export function sessionCookie(name: string, token: string, tls: boolean, maxAgeSeconds: number): string {
  return [
    `${name}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(tls ? ['Secure'] : []),
  ].join('; ');
}

export function clearedCookie(name: string, tls: boolean): string {
  return [`${name}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(tls ? ['Secure'] : [])].join(
    '; ',
  );
}
