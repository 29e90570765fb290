import { readFile } from 'node:fs/promises';
import type { ServiceTls } from '../../../shared/services/service-tls';
import { PollError } from './source';

/**
 * Node TLS options for a service's TLS settings, or null for a plain connection. 'require' encrypts without
 * checking the certificate (what `sslmode=require` means to database admins); 'verify' checks the chain
 * against the CA file (system roots without one) and the host name.
 */
export interface TlsFiles {
  rejectUnauthorized: boolean;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  servername?: string;
}

export async function serviceTlsOptions(tls: ServiceTls, servername: string): Promise<TlsFiles | null> {
  if (tls.mode === 'none') return null;
  const read = async (path: string | null, what: string): Promise<Buffer | undefined> => {
    if (path === null) return undefined;
    try {
      return await readFile(path);
    } catch (error) {
      throw new PollError('tls', `Cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  };
  const [ca, cert, key] = await Promise.all([read(tls.caFile, 'CA'), read(tls.certFile, 'client certificate'), read(tls.keyFile, 'client key')]);
  const isIp = /^[\d.]+$|:/.test(servername);
  return {
    rejectUnauthorized: tls.mode === 'verify',
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    ...(isIp ? {} : { servername }),
  };
}

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** OpenSSL's verify texts, for drivers that replace Node's error code with their own (mysql2: HANDSHAKE_SSL_ERROR). */
const UNTRUSTED_TEXT = /self[- ]signed certificate|unable to verify|unable to get (local )?issuer|certificate has expired|certificate is not yet valid|does not match certificate's altnames/i;

/** A certificate the verify mode rejected, with Node's reason; null when the error is not about trust. */
export function certificateRejection(error: unknown, where: string): PollError | null {
  const code = (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : '';
  const byCode = typeof code === 'string' && UNTRUSTED.has(code);
  if (!byCode && !UNTRUSTED_TEXT.test(text)) return null;
  const reason = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? `its name does not match ${where}` : byCode ? code : text;
  return new PollError('tls-untrusted', `TLS: the certificate of ${where} is not trusted (${reason}); check the CA file`);
}
