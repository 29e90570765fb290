import type { TestResult } from '../../../shared/contract/devices';
import { PollError, type DevicePoller, type DeviceTarget, type PollResult, type Source, type SourceDeps } from './source';

/**
 * What a service source (MySQL, LDAP) needs of a device: address, its kind's settings and the password
 * from the SecretStore. The kind's Source maps a DeviceTarget onto it, so the service code does not depend
 * on how the device record stores its settings.
 */
export interface ServiceTarget<S> {
  name: string;
  host: string;
  port: number | null;
  settings: S;
  password: string | null;
}

export interface ServiceSource<S> {
  test(target: ServiceTarget<S>, deps: SourceDeps, signal: AbortSignal): Promise<TestResult>;
  open(target: ServiceTarget<S>, deps: SourceDeps): DevicePoller;
}

/** A host in a URL or a log line: IPv6 in brackets. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/**
 * Test connection of a service = one full poll, whose problems of kind "missing grant" or "monitor not
 * readable" turn the test into a precise failure: the user asked whether Vigie can see everything.
 */
export async function testByPolling(
  poll: () => Promise<PollResult>,
  describe: (result: PollResult) => { permission: string | null; summary: string },
  deps: SourceDeps,
): Promise<TestResult> {
  const started = deps.clock.now();
  const elapsed = (): number => Math.max(0, deps.clock.now() - started);
  try {
    const result = await poll();
    const { permission, summary } = describe(result);
    return {
      ok: permission === null,
      stage: permission === null ? 'ok' : 'permission',
      message: permission ?? summary,
      durationMs: elapsed(),
      detected: { family: result.family, identity: result.identity },
      certificate: null,
    };
  } catch (error) {
    const e = error instanceof PollError ? error : new PollError('internal', error instanceof Error ? error.message : String(error));
    return { ok: false, stage: e.stage, message: e.message, durationMs: elapsed(), detected: null, certificate: null };
  }
}

/** The service view of a device handed over by the monitor; settings already parsed by the contract. */
export function serviceTarget<S>(target: DeviceTarget, settings: S | null | undefined, kind: string): ServiceTarget<S> {
  if (settings === null || settings === undefined) throw new PollError('internal', `Device ${target.device.name} has no ${kind} settings`);
  return { name: target.device.name, host: target.device.host, port: target.device.port, settings, password: target.secret?.password ?? null };
}

/** A kind's Source over its service implementation: settings missing is a failed test, not a throw. */
export function serviceSource<S>(kind: Source['kind'], service: ServiceSource<S>, settingsOf: (t: DeviceTarget) => S | null | undefined): Source {
  return {
    kind,
    async test(target, deps, signal) {
      let t: ServiceTarget<S>;
      try {
        t = serviceTarget(target, settingsOf(target), kind);
      } catch (error) {
        return { ok: false, stage: 'internal', message: (error as Error).message, durationMs: 0, detected: null, certificate: null };
      }
      return service.test(t, deps, signal);
    },
    open(target, deps) {
      return service.open(serviceTarget(target, settingsOf(target), kind), deps);
    },
  };
}
