import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { PollError } from '../source';
import { abortableSession } from './abortable-session';
import { readSystem } from './mibs/system';
import type { SystemInfo } from './family';
import { probeAgent, type ProbeOutcome } from './session/alive-probe';
import type { SnmpSession, SnmpTargetOptions } from './session/types';

export type CreateSession = (options: SnmpTargetOptions) => SnmpSession;

/** Reads the system group through a throw-away session. */
export async function readWith(createSession: CreateSession, options: SnmpTargetOptions, signal: AbortSignal): Promise<SystemInfo> {
  const session = createSession(options);
  try {
    return await readSystem(abortableSession(session, signal));
  } finally {
    session.close();
  }
}

export async function resolveHost(host: string): Promise<string> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host)).address;
  } catch (error) {
    throw new PollError('dns', `Cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The unauthenticated SNMPv3 discovery probe, bounded like the request it explains. */
export function startProbe(address: string, options: SnmpTargetOptions): Promise<ProbeOutcome> {
  return probeAgent(address, options.port, Math.min(options.timeoutMs, 2000), options.retries + 1);
}

/**
 * A timeout alone does not say what is wrong. Narrow it down the way an administrator would:
 *  - closed port or dead host: the SNMPv3 discovery probe is refused or unanswered;
 *  - v1/v2c: the agent answers the probe (so it is alive) but not our community → wrong community; or it
 *    answers the other version with the same community → wrong version;
 *  - v3 authPriv: the same user at authNoPriv gets an answer (even "access denied") → the authentication
 *    key is right and only the privacy key (or protocol) is wrong; net-snmp's agent drops a message it
 *    cannot decrypt without a report, which is why this second request is needed.
 * Test connection and a failed poll both ask this, so the device's message names the same cause as the test.
 */
export async function diagnoseTimeout(
  options: SnmpTargetOptions,
  probing: Promise<ProbeOutcome>,
  signal: AbortSignal,
  createSession: CreateSession,
  original: PollError,
): Promise<PollError> {
  const probe = await probing;
  const where = `${options.host}:${options.port}`;
  // The follow-up questions get one short try each: the agent is known to be there or not by now.
  const quick = { ...options, retries: 0, timeoutMs: Math.min(options.timeoutMs, 1500) };
  if (probe === 'refused') return new PollError('refused', `Nothing answers SNMP on ${where} (port closed: ICMP port unreachable)`);
  if (probe === 'unreachable') return new PollError('timeout', `${options.host} is unreachable`);
  if (options.version !== '3') {
    const other = options.version === '2c' ? '1' : '2c';
    try {
      await readWith(createSession, { ...quick, version: other }, signal);
      return new PollError('protocol', `${where} answers SNMP version ${other === '1' ? '1' : '2c'} only with this community: choose that version`);
    } catch {
      /* not that either */
    }
    if (probe === 'answered') return new PollError('community', `The agent on ${where} is alive but does not answer this community (wrong community, or this address is not allowed)`);
    return new PollError('timeout', `No SNMP answer from ${where} (timeout): host down, port filtered, or wrong community`);
  }
  if (options.v3?.level === 'authPriv') {
    try {
      await readWith(createSession, { ...quick, v3: { ...options.v3, level: 'authNoPriv' } }, signal);
      return new PollError('privacy', `SNMPv3 privacy failed on ${where}: the authentication key is right, the privacy key or protocol is wrong`);
    } catch (error) {
      if (error instanceof PollError && error.stage === 'permission') {
        return new PollError('privacy', `SNMPv3 privacy failed on ${where}: the authentication key is right, the privacy key or protocol is wrong`);
      }
      if (error instanceof PollError && (error.stage === 'auth' || error.stage === 'privacy')) return error;
    }
  }
  if (probe === 'answered') return new PollError('auth', `The agent on ${where} is alive but ignores these SNMPv3 credentials`);
  return original;
}

/**
 * A poll's first request failed with a timeout: explain it as Test connection would. Costs nothing on a
 * healthy poll (only called after a failure); when the poll's own deadline ends the diagnosis, the plain
 * timeout stands.
 */
export async function diagnosePollFailure(
  options: SnmpTargetOptions,
  signal: AbortSignal,
  createSession: CreateSession,
  original: PollError,
): Promise<PollError> {
  if (original.stage !== 'timeout' || signal.aborted) return original;
  try {
    const address = await resolveHost(options.host);
    const at = { ...options, host: address };
    const aborted = new Promise<PollError>((resolve) => signal.addEventListener('abort', () => resolve(original), { once: true }));
    return await Promise.race([diagnoseTimeout(at, startProbe(address, at), signal, createSession, original), aborted]);
  } catch (error) {
    return error instanceof PollError && error.stage === 'dns' ? error : original;
  }
}
