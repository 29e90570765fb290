import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { TestResult, TestStage } from '../../../../shared/contract/devices';
import { PollError, type DeviceTarget, type SourceDeps } from '../source';
import { abortableSession } from './abortable-session';
import { detectFamily } from './detect';
import type { SnmpFamily, SystemInfo } from './family';
import { readSystem } from './mibs/system';
import { probeAgent, type ProbeOutcome } from './session/alive-probe';
import type { SnmpSession, SnmpTargetOptions } from './session/types';
import { targetOptions } from './target';

type CreateSession = (options: SnmpTargetOptions) => SnmpSession;

function identityOf(system: SystemInfo): Record<string, string | number | null> {
  return {
    sysDescr: system.sysDescr,
    sysObjectID: system.sysObjectID,
    sysName: system.sysName,
    sysLocation: system.sysLocation,
    sysContact: system.sysContact,
    sysUpTime: system.sysUpTime,
  };
}

/** Reads the system group through a throw-away session. */
async function readWith(createSession: CreateSession, options: SnmpTargetOptions, signal: AbortSignal): Promise<SystemInfo> {
  const session = createSession(options);
  try {
    return await readSystem(abortableSession(session, signal));
  } finally {
    session.close();
  }
}

/**
 * A timeout alone does not say what is wrong. Narrow it down the way an administrator would:
 *  - closed port or dead host: the SNMPv3 discovery probe is refused or unanswered;
 *  - v1/v2c: the agent answers the probe (so it is alive) but not our community → wrong community; or it
 *    answers the other version with the same community → wrong version;
 *  - v3 authPriv: the same user at authNoPriv gets an answer (even "access denied") → the authentication
 *    key is right and only the privacy key (or protocol) is wrong; net-snmp's agent drops a message it
 *    cannot decrypt without a report, which is why this second request is needed.
 */
async function diagnoseTimeout(
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

async function resolve(host: string): Promise<string> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host)).address;
  } catch (error) {
    throw new PollError('dns', `Cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export async function testSnmpConnection(
  target: DeviceTarget,
  deps: SourceDeps,
  signal: AbortSignal,
  families: readonly SnmpFamily[],
  createSession: CreateSession,
): Promise<TestResult> {
  const started = deps.clock.now();
  const result = (ok: boolean, stage: TestStage, message: string, detected: TestResult['detected'] = null): TestResult => ({
    ok,
    stage,
    message,
    durationMs: Math.max(0, deps.clock.now() - started),
    detected,
    certificate: null,
  });
  let system: SystemInfo;
  let options: SnmpTargetOptions;
  try {
    options = targetOptions(target);
    const address = await resolve(options.host);
    // Started beside the real request so that a timeout can be explained without waiting a second time.
    const probing = probeAgent(address, options.port, Math.min(options.timeoutMs, 2000), options.retries + 1);
    try {
      system = await readWith(createSession, { ...options, host: address }, signal);
    } catch (error) {
      if (!(error instanceof PollError)) throw error;
      if (error.stage !== 'timeout' || signal.aborted) throw error;
      throw await diagnoseTimeout({ ...options, host: address }, probing, signal, createSession, error);
    }
  } catch (error) {
    if (error instanceof PollError) return result(false, error.stage, error.message);
    deps.log.error('SNMP test failed', { error: String(error) });
    return result(false, 'internal', `Test failed: ${(error as Error).message}`);
  }

  const identity = identityOf(system);
  const session = createSession(options);
  try {
    const wanted = target.device.family;
    const checked = abortableSession(session, signal);
    if (wanted !== 'auto') {
      const forced = families.find((f) => f.descriptor.id === wanted);
      const detected = await detectFamily(families, system, checked);
      const auto = detected?.family.descriptor.id ?? null;
      if (!forced) return result(false, 'family', `Unknown family "${wanted}"`, { family: auto, identity });
      let score = 0;
      try {
        score = await forced.detect(system, checked);
      } catch {
        score = 0;
      }
      if (score <= 0) {
        return result(
          false,
          'family',
          `The device answers but does not look like ${forced.descriptor.name.en}${auto ? ` (it looks like ${auto})` : ''}`,
          { family: auto, identity },
        );
      }
      return result(true, 'ok', `${describe(system)}: ${forced.descriptor.name.en}`, { family: wanted, identity });
    }
    const found = await detectFamily(families, system, checked);
    if (!found) return result(false, 'family', 'The device answers but no SNMP family matches it', { family: null, identity });
    return result(true, 'ok', `${describe(system)}: ${found.family.descriptor.name.en}`, { family: found.family.descriptor.id, identity });
  } finally {
    session.close();
  }
}

function describe(system: SystemInfo): string {
  const name = system.sysName || system.sysDescr.split('\n')[0] || 'SNMP agent';
  return `${name.slice(0, 120)} answers`;
}
