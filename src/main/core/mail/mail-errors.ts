import type { MailErrorKind } from '../../../shared/contract/mail';
import { MailError } from './mailer';

/** Set by our checkServerIdentity when a pinned certificate is replaced by another one. */
export const CERT_CHANGED_CODE = 'VIGIE_CERT_CHANGED';

/** OpenSSL/Node verification codes: the chain or the name was not accepted (as opposed to a broken handshake). */
const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/** The fields nodemailer sets on its errors (see nodemailer's errors.js); all optional, read defensively. */
interface NodemailerErrorFields {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  rejected?: unknown;
}

export interface MailContext {
  host: string;
  port: number;
  username: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * Turns whatever nodemailer or the socket threw into one MailError whose kind the UI, the log, the outbox and
 * the CLI can act on, with a message naming the host, the user or the recipient concerned. The server's
 * own reply is quoted: it often says more than any code (e.g. "535 5.7.8 Authentication credentials invalid").
 */
export function classifyMailError(error: unknown, ctx: MailContext): MailError {
  if (error instanceof MailError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerErrorFields & { message?: unknown };
  const code = str(e.code) ?? '';
  const original = str(e.originalCode) ?? '';
  const response = str(e.response);
  const command = str(e.command) ?? '';
  const message = str(e.message) ?? String(error);
  const server = `${ctx.host}:${ctx.port}`;
  const reply = response ? ` (server said: ${response.trim()})` : '';
  const make = (kind: MailErrorKind, text: string): MailError => new MailError(kind, text, null, { cause: error });
  const anyCode = (c: string): boolean => code === c || original === c;

  if (anyCode(CERT_CHANGED_CODE)) return make('tls-changed', `TLS: ${message}`);
  const untrusted = [code, original].find((c) => UNTRUSTED_CODES.has(c));
  if (untrusted) return make('tls-untrusted', `TLS: the certificate of ${server} is not trusted (${untrusted}: ${message})`);
  if (code === 'EDNS' || anyCode('ENOTFOUND') || anyCode('EAI_AGAIN')) {
    return make('dns', `DNS: the name ${ctx.host} could not be resolved (${original || code})`);
  }
  if (anyCode('ECONNREFUSED')) return make('refused', `Connection refused by ${server}: no SMTP server listens there`);
  if (code === 'ETIMEDOUT' || anyCode('ETIMEDOUT')) return make('timeout', `Timed out talking to ${server}: ${message}`);
  if (anyCode('EHOSTUNREACH') || anyCode('ENETUNREACH')) return make('network', `${server} is unreachable (${original || code})`);
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return make('auth', `Authentication failed for user ${ctx.username ?? '(none)'} on ${server}${reply || `: ${message}`}`);
  }
  if (code === 'EENVELOPE' && command === 'MAIL FROM') return make('sender', `The server refused the sender address${reply}`);
  if (code === 'EENVELOPE') {
    const rejected = Array.isArray(e.rejected) ? e.rejected.filter((r): r is string => typeof r === 'string') : [];
    const who = rejected.length ? rejected.join(', ') : 'the recipients';
    return make('recipient', `The server refused ${who}${reply || `: ${message}`}`);
  }
  if (code === 'EMESSAGE') return make('message', `The server refused the message${reply || `: ${message}`}`);
  if (code === 'ETLS' || /ssl|tls|wrong version number|handshake/i.test(message)) {
    return make('tls', `TLS with ${server} failed: ${message}`);
  }
  if (code === 'ECONNECTION' || code === 'ESOCKET') return make('network', `Connection to ${server} failed: ${message}`);
  return make('unknown', `Mail to ${server} failed: ${message}`);
}
