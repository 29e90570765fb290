import type { AlertingSettings, AlertRule } from '../../../shared/contract/alerting';
import { stateRank, worstState, type State } from '../../../shared/states';
import { shownState, type CheckMemory } from './check-memory';
import { compare } from './rule';

const MINUTE = 60_000;

/** The state a value calls for, before any duration: thresholds, then hysteresis against the current state. */
export function judge(rule: AlertRule, value: number, current: State): State {
  let raw: State = 'ok';
  if (rule.critical !== null && compare(rule.op, value, rule.critical)) raw = 'critical';
  else if (rule.warning !== null && compare(rule.op, value, rule.warning)) raw = 'warning';
  if (raw !== 'ok' || rule.recovery === null || (current !== 'warning' && current !== 'critical')) return raw;
  // Still short of the recovery threshold: the breach holds (a critical one eases to warning if there is one).
  if (!compare(rule.op, value, rule.recovery)) return 'ok';
  return current === 'critical' && rule.warning !== null ? 'warning' : current;
}

export interface StepResult {
  memory: CheckMemory;
  /** The shown state changed with this step. */
  changed: boolean;
  /** The check started flapping with this step (one notification). */
  flappingStarted: boolean;
}

/**
 * One observation of a check: a worse state is accepted once it has held `forSeconds` (until then it is
 * pending, and the pending start survives restarts); a better one at once. Accepted changes feed the
 * flapping window; acknowledgements and silences end here when their condition does.
 */
export function step(
  m: CheckMemory,
  candidate: State,
  forSeconds: number,
  now: number,
  flap: AlertingSettings['flapping'],
): StepResult {
  const before = shownState(m);
  const next: CheckMemory = { ...m, changes: [...m.changes], lastSeenAt: now };
  let accept = candidate !== m.state;
  if (stateRank(candidate) > stateRank(m.state) && forSeconds > 0) {
    // A breach not watched for longer than its duration (Vigie stopped, the device silent) starts over.
    const unwatched = m.lastSeenAt !== null && now - m.lastSeenAt > forSeconds * 1000;
    if (next.pendingSince === null || unwatched) next.pendingSince = now;
    next.pendingState = candidate;
    accept = now - next.pendingSince >= forSeconds * 1000;
  }
  if (accept) {
    next.state = candidate;
    next.changes.push([now, candidate]);
  }
  if (accept || stateRank(candidate) <= stateRank(next.state)) {
    next.pendingSince = null;
    next.pendingState = null;
  }
  const windowStart = now - flap.windowMinutes * MINUTE;
  next.changes = next.changes.filter(([at]) => at > windowStart);
  let flappingStarted = false;
  if (!next.flapping && next.changes.length > flap.maxChanges) {
    next.flapping = true;
    flappingStarted = true;
  }
  if (next.flapping && next.changes.length === 0) next.flapping = false;
  next.flapWorst = next.flapping ? worstState([next.state, ...next.changes.map(([, s]) => s)]) : null;
  const after = shownState(next);
  if (after !== before) next.since = now;
  if (next.ack && (after === 'ok' || (next.ack.mode === 'until-worse' && stateRank(after) > stateRank(next.ack.state)))) next.ack = null;
  if (next.silencedUntil !== null && next.silencedUntil <= now) next.silencedUntil = null;
  if (after === 'ok') next.lastNotifiedAt = null;
  return { memory: next, changed: after !== before, flappingStarted };
}
