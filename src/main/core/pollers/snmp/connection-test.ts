import type { TestResult, TestStage } from '../../../../shared/contract/devices';
import { PollError, type DeviceTarget, type SourceDeps } from '../source';
import { abortableSession } from './abortable-session';
import { detectFamily } from './detect';
import { diagnoseTimeout, readWith, resolveHost, startProbe, type CreateSession } from './diagnose-failure';
import type { SnmpFamily, SystemInfo } from './family';
import type { SnmpTargetOptions } from './session/types';
import { targetOptions } from './target';

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
    const address = await resolveHost(options.host);
    // Started beside the real request so that a timeout can be explained without waiting a second time.
    const probing = startProbe(address, options);
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
