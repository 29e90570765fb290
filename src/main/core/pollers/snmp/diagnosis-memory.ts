import type { Clock } from '../../ports';
import { PollError } from '../source';

/**
 * How long a poller trusts the cause it found for a timeout. Ten minutes: a device that stays down is asked
 * the follow-up questions (up to one more timeout) once per ten minutes instead of at every poll (ten times
 * at 60-s polling), yet a change of cause while it keeps failing (host back up with a wrong community, a
 * port that was closed now filtered) reaches the device's message within ten minutes, which is well inside
 * the hours such a device stays broken. A time, not a count of failures, so the delay does not depend on
 * the device's interval.
 */
export const REDIAGNOSE_AFTER_MS = 10 * 60_000;

interface Diagnosis {
  stage: PollError['stage'];
  message: string;
  at: number;
}

/**
 * The last diagnosis of one device's poll timeouts, so that a device already known to be down costs one
 * timeout per poll, not one timeout plus the follow-up questions (SNMPv3 discovery probe, other version,
 * authNoPriv). Every cause is kept alike, "port closed" included: its probe is cheap, but the far host
 * rate-limits ICMP port-unreachable messages (Linux: per destination), so asking again at every poll of
 * several devices behind one address would flip their message between "port closed" and "timeout" from
 * one poll to the next. Only polls use it: Test connection is an explicit question and always asks. It
 * lives in the device's poller, and an edited device gets a new poller, so it never outlives the settings
 * it diagnosed.
 */
export class DiagnosisMemory {
  private last: Diagnosis | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly rediagnoseAfterMs = REDIAGNOSE_AFTER_MS,
  ) {}

  /** The device answered (or failed otherwise than by silence): the next timeout is diagnosed afresh. */
  forget(): void {
    this.last = null;
  }

  /**
   * The cause of this timeout: the remembered one while it is recent, else the one `diagnose` finds. A
   * diagnosis cut short by the poll's deadline found nothing (it returns the plain timeout), so it is not
   * remembered and the next failure asks again.
   */
  async explain(signal: AbortSignal, diagnose: () => Promise<PollError>): Promise<PollError> {
    const now = this.clock.now();
    const last = this.last;
    // A clock set back is not a recent diagnosis: ask again rather than trust it for as long as the jump.
    if (last && now >= last.at && now - last.at < this.rediagnoseAfterMs) return new PollError(last.stage, last.message);
    const found = await diagnose();
    if (!signal.aborted) this.last = { stage: found.stage, message: found.message, at: now };
    return found;
  }
}
