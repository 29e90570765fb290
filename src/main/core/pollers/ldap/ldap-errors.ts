import {
  ConfidentialityRequiredError,
  InappropriateAuthError,
  InsufficientAccessError,
  InvalidCredentialsError,
  ProtocolError,
  StrongAuthRequiredError,
  UnavailableError,
  ResultCodeError,
} from 'ldapts';
import { certificateRejection } from '../service-tls';
import { PollError } from '../source';

/** What the client was doing when it failed: the same LDAP result means different things per step. */
export type LdapStep = 'connect' | 'starttls' | 'bind' | 'search';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failed step in the vocabulary of Test connection and the device state. */
export function toLdapPollError(error: unknown, step: LdapStep, where: string, bindDn: string | null): PollError {
  if (error instanceof PollError) return error;
  const untrusted = certificateRejection(error, where);
  if (untrusted) return untrusted;
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return new PollError('refused', `${where} refused the connection: is slapd running and listening on this port?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new PollError('dns', `Cannot resolve the host of ${where} (${code})`);
  if (code === 'ETIMEDOUT' || /timeout/i.test(message(error))) return new PollError('timeout', `No answer from ${where} in time (${step})`);
  if (step === 'starttls' && (error instanceof ProtocolError || error instanceof UnavailableError)) {
    return new PollError('tls', `TLS is required but ${where} does not offer StartTLS (${message(error)})`);
  }
  if (typeof code === 'string' && /SSL|TLS|CERT|EPROTO/i.test(code)) return new PollError('tls', `TLS error with ${where}: ${code} ${message(error)}`);
  if (error instanceof InvalidCredentialsError) {
    return new PollError('auth', `Authentication failed for ${bindDn ?? 'anonymous'} on ${where}: wrong DN or password`);
  }
  if (error instanceof ConfidentialityRequiredError || error instanceof StrongAuthRequiredError) {
    return new PollError('tls', `${where} requires TLS before this ${step}: set TLS to "require" or "verify"`);
  }
  if (error instanceof InappropriateAuthError) return new PollError('auth', `${where} refuses this kind of bind for ${bindDn ?? 'anonymous'}: ${message(error)}`);
  if (error instanceof InsufficientAccessError) return new PollError('permission', `${bindDn ?? 'anonymous'} may not ${step} on ${where}: ${message(error)}`);
  if (error instanceof ResultCodeError) return new PollError('protocol', `LDAP ${step} on ${where} failed (result ${error.code}): ${message(error)}`);
  return new PollError(step === 'connect' ? 'refused' : 'protocol', `LDAP ${step} on ${where} failed: ${message(error)}`);
}
