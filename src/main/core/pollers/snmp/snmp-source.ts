import { CounterRates } from '../counter-rates';
import { PollError, type DevicePoller, type DeviceTarget, type PollResult, type Source, type SourceDeps } from '../source';
import { abortableSession } from './abortable-session';
import { testSnmpConnection } from './connection-test';
import { detectFamily } from './detect';
import { diagnosePollFailure } from './diagnose-failure';
import { DiagnosisMemory } from './diagnosis-memory';
import type { SnmpFamily, SnmpPollContext } from './family';
import { SNMP_FAMILIES } from './families';
import { readSystem } from './mibs/system';
import { createSnmpSession } from './session/net-snmp-session';
import type { SnmpSession, SnmpTargetOptions } from './session/types';
import { targetOptions } from './target';

/**
 * The SNMP source: Test connection, and one poller per device that keeps its session, its counters and its
 * detected family between polls.
 *
 *   snmpSource.open(target, deps) → DevicePoller; poller.poll(signal) → PollResult | throws PollError
 *   snmpSource.test(target, deps, signal) → TestResult (stage says exactly what failed)
 *
 * createSnmpSource({ families, createSession }) builds one over other families or sessions (tests, bench).
 */
export interface SnmpSourceOptions {
  families?: readonly SnmpFamily[];
  createSession?: (options: SnmpTargetOptions) => SnmpSession;
}

/** Counter state not refreshed for this many poll intervals belongs to something that vanished. */
const FORGET_AFTER_INTERVALS = 3;

class SnmpDevicePoller implements DevicePoller {
  private session: SnmpSession | null = null;
  private readonly rates = new CounterRates();
  private family: SnmpFamily | null = null;
  /** sysObjectID the family was detected from: a new one (firmware swap, other box on the address) re-detects. */
  private detectedFrom: string | null = null;
  private closed = false;
  private readonly diagnosis: DiagnosisMemory;

  constructor(
    private readonly target: DeviceTarget,
    private readonly deps: SourceDeps,
    private readonly families: readonly SnmpFamily[],
    private readonly createSession: (options: SnmpTargetOptions) => SnmpSession,
  ) {
    this.diagnosis = new DiagnosisMemory(deps.clock);
  }

  async poll(signal: AbortSignal): Promise<PollResult> {
    if (this.closed) throw new PollError('internal', 'Poller closed');
    this.session ??= this.createSession(targetOptions(this.target));
    const session = abortableSession(this.session, signal);
    const { device } = this.target;
    const system = await this.readSystemOrExplain(session, signal);
    const family = await this.resolveFamily(system, session);
    const now = this.deps.clock.now();
    const ctx: SnmpPollContext = {
      session,
      system,
      device,
      now,
      rate: (key, sample) => this.rates.rate(key, { ...sample, at: now, agentUptime: system.sysUpTime }),
    };
    let part;
    try {
      part = await family.poll(ctx);
    } catch (error) {
      if (error instanceof PollError) throw error;
      // A family bug must not look like a device fault, nor escape as an unknown exception.
      this.deps.log.error('SNMP family poll failed', { family: family.descriptor.id, device: device.name, error: String(error) });
      throw new PollError('internal', `The ${family.descriptor.id} poller failed on ${device.host}: ${(error as Error).message}`);
    }
    this.rates.forgetOlderThan(now - FORGET_AFTER_INTERVALS * device.intervalSeconds * 1000 - 1000);
    const uptimeSeconds = part.uptimeSeconds ?? system.sysUpTime;
    const metrics = part.metrics.filter((m) => Number.isFinite(m.value));
    return {
      family: family.descriptor.id,
      identity: {
        sysName: system.sysName,
        sysDescr: system.sysDescr,
        sysObjectID: system.sysObjectID,
        sysLocation: system.sysLocation,
        sysContact: system.sysContact,
        sysUpTime: system.sysUpTime,
        ...part.identity,
      },
      metrics,
      tables: part.tables,
      problems: part.problems,
      uptimeSeconds,
    };
  }

  /**
   * The first request of a poll says whether the agent answers at all. When it times out, ask what Test
   * connection asks (discovery probe, other version, authNoPriv) so that the device shows the real cause: a
   * healthy poll pays nothing for this, and a device that keeps timing out reuses its recent diagnosis
   * (diagnosis-memory.ts) instead of paying the follow-up questions at every poll.
   */
  private async readSystemOrExplain(session: SnmpSession, signal: AbortSignal): Promise<Awaited<ReturnType<typeof readSystem>>> {
    let system;
    try {
      system = await readSystem(session);
    } catch (error) {
      if (!(error instanceof PollError) || error.stage !== 'timeout' || signal.aborted) {
        // Anything but silence (a v3 report, a refusal) is an answer that names its own cause.
        if (!signal.aborted) this.diagnosis.forget();
        throw error;
      }
      throw await this.diagnosis.explain(signal, () => diagnosePollFailure(targetOptions(this.target), signal, this.createSession, error));
    }
    this.diagnosis.forget();
    return system;
  }

  private async resolveFamily(system: Awaited<ReturnType<typeof readSystem>>, session: SnmpSession): Promise<SnmpFamily> {
    const wanted = this.target.device.family;
    if (wanted !== 'auto') {
      const forced = this.families.find((f) => f.descriptor.id === wanted);
      if (!forced) throw new PollError('family', `Unknown SNMP family "${wanted}"`);
      return forced;
    }
    if (this.family && this.detectedFrom === system.sysObjectID) return this.family;
    const found = await detectFamily(this.families, system, session);
    if (!found) throw new PollError('family', `No SNMP family matches ${this.target.device.host} (sysObjectID ${system.sysObjectID || 'none'})`);
    if (this.family && this.family !== found.family) this.rates.forget('');
    this.family = found.family;
    this.detectedFrom = system.sysObjectID;
    return found.family;
  }

  close(): Promise<void> {
    this.closed = true;
    this.session?.close();
    this.session = null;
    return Promise.resolve();
  }
}

export function createSnmpSource(options: SnmpSourceOptions = {}): Source {
  const families = options.families ?? SNMP_FAMILIES;
  const createSession = options.createSession ?? createSnmpSession;
  return {
    kind: 'snmp',
    open: (target: DeviceTarget, deps: SourceDeps) => new SnmpDevicePoller(target, deps, families, createSession),
    test: (target, deps, signal) => testSnmpConnection(target, deps, signal, families, createSession),
  };
}

export const snmpSource: Source = createSnmpSource();
