import { PollError } from '../../source';

/** RFC 3416 error-status codes net-snmp reports in RequestFailedError.status. */
export const ERROR_STATUS = { tooBig: 1, noSuchName: 2, genErr: 5, noAccess: 6, authorizationError: 16 } as const;

interface NetSnmpLikeError {
  name?: string;
  message?: string;
  code?: string | number;
  status?: number;
}

function shape(error: unknown): NetSnmpLikeError {
  if (error && typeof error === 'object') return error;
  return { message: String(error) };
}

/**
 * Maps net-snmp's errors (and socket errors) to the stages Test connection and the device state speak.
 * SNMPv3 failures arrive as USM report PDUs (RFC 3414 §3.2), which net-snmp names by their usmStats object:
 * "Unknown User Name", "Wrong Digest ...", "Decryption Error", "Unsupported Security Level", "Not In Time
 * Window"; a response whose own digest or encryption does not check out is also an auth / privacy failure.
 * `malformed` is the last undecodable datagram the session received, if any: a timeout after garbage is a
 * protocol fault, not a silent device.
 */
export function toPollError(error: unknown, target: string, malformed: string | null = null): PollError {
  if (error instanceof PollError) return error;
  const e = shape(error);
  const message = e.message ?? 'unknown error';
  if (e.name === 'RequestTimedOutError') {
    if (malformed) return new PollError('protocol', `Malformed SNMP answer from ${target}: ${malformed}`);
    return new PollError('timeout', `No SNMP answer from ${target} (timeout)`);
  }
  if (/unknown user name/i.test(message)) {
    return new PollError('auth', `SNMPv3 user unknown to the agent on ${target}`);
  }
  if (/wrong digest|authentication digest|does not match digest/i.test(message)) {
    return new PollError('auth', `SNMPv3 authentication failed on ${target}: wrong authentication key or protocol`);
  }
  if (/unsupported security level/i.test(message)) {
    return new PollError('auth', `SNMPv3 security level not allowed for this user on ${target}`);
  }
  if (/not in time window/i.test(message)) {
    return new PollError('auth', `SNMPv3 message outside the agent's time window on ${target} (engine boots/time)`);
  }
  if (/decrypt/i.test(message)) {
    return new PollError('privacy', `SNMPv3 privacy failed on ${target}: wrong privacy key or protocol`);
  }
  if (e.name === 'RequestFailedError') {
    if (e.status === ERROR_STATUS.authorizationError || e.status === ERROR_STATUS.noAccess) {
      return new PollError('permission', `${target} denies access to the objects asked (${message})`);
    }
    return new PollError('protocol', `${target} answered with an SNMP error: ${message}`);
  }
  if (e.code === 'ECONNREFUSED') return new PollError('refused', `${target} refused the SNMP request (nothing listens on that port)`);
  if (e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' || e.code === 'EADDRNOTAVAIL') {
    return new PollError('timeout', `${target} is unreachable (${e.code})`);
  }
  return new PollError('protocol', `SNMP error from ${target}: ${message}`);
}
