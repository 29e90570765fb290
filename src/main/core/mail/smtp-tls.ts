import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import * as tls from 'node:tls';
import type { MailCertificate, PinnedCertificate, SmtpSecurity } from '../../../shared/contract/mail';
import { certificateInfo } from '../vsphere/tls';
import { CERT_CHANGED_CODE } from './mail-errors';
import { MailError } from './mailer';

/**
 * TLS options for nodemailer, enforced during the handshake, before any password is sent:
 * - a pinned certificate (trust on first use) is the ONLY trust anchor, and its fingerprint must match
 *   whatever name it carries (internal relays are often reached by IP or a short name);
 * - a CA file is trusted in addition to Node's roots (Node's `ca` option replaces them otherwise);
 * - else the system's roots and the host name, as usual. Never "ignore all errors".
 */
export function smtpTlsOptions(opts: { caFile: string | null; pinned: PinnedCertificate | null }): tls.ConnectionOptions {
  const base: tls.ConnectionOptions = { minVersion: 'TLSv1.2', rejectUnauthorized: true };
  if (opts.pinned) {
    const pin = opts.pinned;
    return {
      ...base,
      ca: [pin.pem],
      checkServerIdentity: (_host, cert) => {
        const presented = cert.fingerprint256.toUpperCase();
        if (presented === pin.fingerprint) return undefined;
        const error = new Error(
          `the server's certificate changed: pinned ${pin.fingerprint}, presented ${presented}; accept the new one only if the change is expected`,
        ) as NodeJS.ErrnoException;
        error.code = CERT_CHANGED_CODE;
        return error;
      },
    };
  }
  if (opts.caFile) {
    let pem: string;
    try {
      pem = readFileSync(opts.caFile, 'utf8');
    } catch (error) {
      throw new MailError('tls', `The CA file ${opts.caFile} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return { ...base, ca: [...tls.rootCertificates, pem] };
  }
  return base;
}

/** Checks a PEM the user accepts and gives its fingerprint as the UI showed it. */
export function pemFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256.toUpperCase();
}

function toPem(raw: Buffer): string {
  const b64 = raw.toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** Reads SMTP replies line by line until a final line (`250 ` rather than `250-`). */
function readReply(socket: Socket, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => done(new Error('no reply from the server')), timeoutMs);
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      const lines = buffer.split('\r\n');
      if (lines.some((l) => /^\d{3} /.test(l))) done(null);
    };
    const onError = (error: Error): void => done(error);
    const done = (error: Error | null): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      if (error) reject(error);
      else resolve(buffer);
    };
    socket.on('data', onData);
    socket.on('error', onError);
  });
}

/**
 * Fetches the certificate a server presents, to show it for trust on first use. Nothing but EHLO and
 * STARTTLS crosses this connection (no credentials), and it is closed right after the handshake.
 */
export async function probeCertificate(host: string, port: number, security: SmtpSecurity, timeoutMs = 10_000): Promise<MailCertificate | null> {
  if (security === 'none') return null;
  let plain: Socket | undefined;
  try {
    if (security === 'starttls') {
      plain = netConnect({ host, port });
      const socket = plain;
      await readReply(socket, timeoutMs);
      socket.write('EHLO vigie\r\n');
      await readReply(socket, timeoutMs);
      socket.write('STARTTLS\r\n');
      const answer = await readReply(socket, timeoutMs);
      if (!answer.startsWith('220')) return null;
    }
    const secure = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({
        ...(plain ? { socket: plain } : { host, port }),
        servername: /^[\d.:]+$/.test(host) ? undefined : host,
        // Reading the certificate to show it is all this connection does; nothing is sent over it.
        rejectUnauthorized: false,
      });
      const timer = setTimeout(() => reject(new Error('TLS handshake timed out')), timeoutMs);
      s.once('secureConnect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (e: Error) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const cert = secure.getPeerCertificate(false);
    secure.destroy();
    if (!cert.raw) return null;
    return { ...certificateInfo(cert), pem: toPem(cert.raw) };
  } catch {
    return null;
  } finally {
    plain?.destroy();
  }
}
