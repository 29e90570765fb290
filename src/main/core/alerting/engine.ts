import { createHash } from 'node:crypto';
import type { AlertChange, AlertRule, ActiveProblem } from '../../../shared/contract/alerting';
import type { CheckState } from '../../../shared/contract/devices';
import { msg, type Message } from '../../../shared/messages/message';
import { formatMessage } from '../../../shared/messages/format-message';
import { stateRank, type State } from '../../../shared/states';
import type { AlertCheckStore } from '../events/alert-check-store';
import type { PollResult } from '../pollers/source';
import type { Logger } from '../ports';
import type { AlertingConfig } from './alerting-config';
import { freshMemory, shownState, type CheckMemory, type DeviceMemory } from './check-memory';
import { CheckMemoryBank } from './check-memory-bank';
import { judge, step } from './check-step';
import { ruleWords, type CheckWords } from './check-text';
import { maintenanceFor } from './maintenance';
import type { AlertNotifier, IncidentPort } from './ports';
import { instanceMatches, resolveRules, toAlertRule, type ResolvedRule } from './resolve-rules';
import type { Rule } from './rule';

export const REACHABILITY_CHECK_ID = 'reachability';
export const CREDENTIAL_CHECK_ID = 'credential';
/** The device's own row in alert_checks. */

/** What the engine needs to know of a device to judge and word its checks. */
export interface AlertDevice {
  id: string;
  name: string;
  group: string;
  family: string;
}

export interface AlertEngineDeps {
  /** Persisted memory (events.db); absent: memory only (units). */
  store?: AlertCheckStore;
  config: () => AlertingConfig;
  /** The family's declared defaults. */
  defaults: (family: string) => readonly Rule[];
  notifier: AlertNotifier;
  incidents?: IncidentPort;
  log: Logger;
  /** The set of active problems changed (the Alerts page asks again). */
  onActiveChanged?: (active: number) => void;
}

/** What the monitor records for a device state change. */
export interface DeviceChangeOutcome {
  /** Name of the maintenance window in force ("in maintenance" in the event), if any. */
  maintenance: string | null;
  text: Message;
  message: string;
}

type Current = { device: AlertDevice; checks: CheckState[]; rules: Map<string, AlertRule> };

const SEVERITY: Record<State, AlertChange['severity']> = { ok: 'ok', warning: 'warning', critical: 'critical', unknown: 'unknown' };

function problemId(p: PollResult['problems'][number]): string {
  if (p.id) return p.id;
  return `problem:${createHash('sha256').update(`${p.severity}|${p.message}`).digest('hex').slice(0, 12)}`;
}

function english(m: Message): string {
  return formatMessage(m, 'en', 'en-US');
}

/**
 * The alerting engine: judges each poll with the resolved rules (defaults → family → device → instance
 * overrides, custom rules), keeps each check's memory (duration, hysteresis, flapping, acknowledgement,
 * silence) persisted in events.db, and turns a device's state changes into notifications, quiet during
 * maintenance, muted for children of a down parent (IncidentPort) and for acknowledged or silenced problems.
 * Every recovery of a notified problem is notified (at the end of a maintenance window if need be).
 */
export class AlertEngine {
  private readonly memory: CheckMemoryBank;
  private readonly current = new Map<string, Current>();
  private readonly flapStarts = new Map<string, string[]>();
  private readonly defaultsCache = new Map<string, AlertRule[]>();
  /** Per device: its problems and their acks/silences as last told, to emit `alerts:changed` only on a change. */
  private readonly activeSig = new Map<string, string>();

  constructor(private readonly deps: AlertEngineDeps) {
    this.memory = new CheckMemoryBank(deps.store, deps.log);
  }

  /** The family's defaults as rules (origin 'default'), cached: family modules do not change at run time. */
  defaultRules(family: string): AlertRule[] {
    let rules = this.defaultsCache.get(family);
    if (!rules) {
      rules = this.deps.defaults(family).map((r) => toAlertRule(family, r));
      this.defaultsCache.set(family, rules);
    }
    return rules;
  }

  resolved(family: string, deviceId: string | null): ResolvedRule[] {
    return resolveRules(family, deviceId, this.defaultRules(family), this.deps.config());
  }

  /** One answered poll → the device's checks (reachability, each rule × instance, the family's own problems). */
  evaluate(device: AlertDevice, poll: PollResult, now: number): CheckState[] {
    const flap = this.deps.config().settings.flapping;
    const rules = new Map<string, AlertRule>();
    const checks: CheckState[] = [this.simple(device.id, REACHABILITY_CHECK_ID, 'ok', now, msg('check.reachability'), msg('check.answers'))];
    const resolved = this.resolved(device.family, device.id);
    const ruleIds = new Set(resolved.map((r) => r.effective.rule.id));
    for (const resolvedRule of resolved) {
      const base = resolvedRule.effective.rule;
      for (const m of poll.metrics) {
        if (m.name !== base.metric) continue;
        const rule = resolvedRule.forInstance(m.instance);
        if (!rule || !rule.enabled) continue;
        if (!instanceMatches(rule.instance, m.instance)) continue;
        const id = m.instance ? `${rule.id}:${m.instance}` : rule.id;
        const before = this.memory.get(device.id, id) ?? freshMemory(now);
        const candidate = judge(rule, m.value, before.state);
        const r = step(before, candidate, rule.forSeconds, now, flap);
        const memory = { ...r.memory, lastValue: m.value };
        this.memory.remember(device.id, id, memory);
        if (r.flappingStarted) this.flapStart(device.id, id);
        const state = shownState(memory);
        const pendingFor = memory.pendingSince !== null ? now - memory.pendingSince : null;
        const words = ruleWords(rule, m.instance, state, m.value, m.unit, state === 'ok' ? pendingFor : null);
        rules.set(id, rule);
        checks.push(this.check(id, words, state, m.value, memory.since));
      }
    }
    // A family's own problem on a condition one of its rules already judges is that rule's check: one check
    // per condition, the editable one.
    for (const p of poll.problems) {
      const id = problemId(p);
      if (ruleIds.has(id.split(':')[0] ?? id)) {
        // The device's own words ("2 failed disks: 0a.17, 0b.3") say more than "2 > 0"; a flag keeps its wording.
        const i = checks.findIndex((c) => c.id === id);
        const c = checks[i];
        if (c && c.state !== 'ok' && rules.get(id)?.style !== 'flag') checks[i] = { ...c, message: p.message, text: p.text ?? msg('check.problem', { text: p.message }) };
        continue;
      }
      if (checks.some((c) => c.id === id)) continue;
      checks.push(this.simple(device.id, id, p.severity, now, msg('check.device-problem'), p.text ?? msg('check.problem', { text: p.message }), p.message));
    }
    this.dropMissing(device.id, new Set(checks.map((c) => c.id)));
    this.current.set(device.id, { device, checks, rules });
    return checks;
  }

  /**
   * The one check of a device that could not be polled (not one per metric): UNKNOWN, or CRITICAL for kinds
   * whose being down is itself the problem (a database, a directory).
   */
  unreachable(device: AlertDevice, message: string, now: number, state: 'unknown' | 'critical' = 'unknown'): CheckState[] {
    const checks = [this.simple(device.id, REACHABILITY_CHECK_ID, state, now, msg('check.reachability'), msg('check.failure', { text: message }), message)];
    this.current.set(device.id, { device, checks, rules: new Map() });
    return checks;
  }

  /** A device that cannot be polled for want of its credential: not unreachable, and said so. */
  credentialMissing(device: AlertDevice, message: string, now: number): CheckState[] {
    const checks = [this.simple(device.id, CREDENTIAL_CHECK_ID, 'unknown', now, msg('check.credential'), msg('check.failure', { text: message }), message)];
    this.current.set(device.id, { device, checks, rules: new Map() });
    return checks;
  }

  /**
   * After the checks of a poll: notifications for the device's state change (or none: maintenance,
   * acknowledged, silenced, muted child), re-notifications, flapping, a recovery held back by maintenance.
   * `previous` is the recorded state (null: never recorded). Persists the poll's memory.
   */
  settle(device: AlertDevice, previous: State | null, state: State, now: number): DeviceChangeOutcome {
    const cfg = this.deps.config();
    const window = maintenanceFor(cfg.maintenance, device, now);
    const dm: DeviceMemory = { ...(this.memory.device(device.id) ?? { notifiedState: null, problemNotified: false, muted: false }) };
    const cur = this.current.get(device.id);
    const bad = (cur?.checks ?? []).filter((c) => c.state !== 'ok');
    const detail = bad.length === 0 ? '' : bad.length === 1 ? `${bad[0]!.label}: ${bad[0]!.message}` : bad.map((c) => c.label).join('; ');
    const stateWord = state.toUpperCase();
    const text = window
      ? state === 'ok'
        ? msg('alert.ok-in-maintenance', { device: device.name, window: window.name })
        : msg('alert.in-maintenance', { device: device.name, state: stateWord, window: window.name, detail })
      : state === 'ok'
        ? msg('state.ok-again', { device: device.name })
        : msg('state.changed', { device: device.name, state: stateWord, detail });
    const outcome: DeviceChangeOutcome = { maintenance: window?.name ?? null, text, message: english(text) };
    const sends: AlertChange[] = [];
    const change = (kind: AlertChange['kind'], s: State, prev: State | null, t: Message, checkId: string | null = null): AlertChange => ({
      at: now,
      deviceId: device.id,
      deviceName: device.name,
      group: device.group,
      checkId,
      severity: SEVERITY[s],
      previous: prev,
      state: s,
      text: t,
      affected: [],
      kind,
    });

    if (previous !== state && !(previous === null && state === 'ok')) {
      const decision = this.deps.incidents?.onDeviceState({ at: now, deviceId: device.id, deviceName: device.name, group: device.group, previous, state, detail: text });
      if (!window) sends.push(...(decision?.notices ?? []));
      dm.muted = state !== 'ok' && (decision?.muted ?? false);
      if (!window && state !== 'ok') {
        const quiet = bad.length > 0 && bad.every((c) => this.quiet(device.id, c.id, now));
        if (!quiet && !decision?.muted) {
          sends.push(change('problem', state, previous, text));
          dm.problemNotified = true;
          dm.notifiedState = state;
          for (const c of bad) this.markNotified(device.id, c.id, now);
        }
      }
    }
    // Recoveries: at once, or when the maintenance window that held them back ends.
    if (!window && state === 'ok' && dm.problemNotified) {
      sends.push(change('recovery', 'ok', dm.notifiedState, msg('state.ok-again', { device: device.name })));
      dm.problemNotified = false;
      dm.notifiedState = 'ok';
    }
    if (!window && !dm.muted && state !== 'ok' && cur) {
      for (const c of bad) {
        const rule = cur.rules.get(c.id);
        const m = this.memory.get(device.id, c.id);
        if (!rule || !m || rule.renotifyMinutes <= 0 || this.quiet(device.id, c.id, now)) continue;
        if (m.lastNotifiedAt !== null && now - m.lastNotifiedAt >= rule.renotifyMinutes * 60_000) {
          sends.push(change('renotify', c.state, c.state, msg('alert.renotify', { device: device.name, state: c.state.toUpperCase(), detail: `${c.label}: ${c.message}` }), c.id));
          this.markNotified(device.id, c.id, now);
        }
      }
    }
    for (const checkId of this.flapStarts.get(device.id) ?? []) {
      if (window || dm.muted) continue;
      const c = cur?.checks.find((x) => x.id === checkId);
      sends.push(change('flapping', c?.state ?? state, null, msg('alert.flapping', { device: device.name, check: c?.label ?? checkId }), checkId));
    }
    this.flapStarts.delete(device.id);
    this.memory.setDevice(device.id, dm);
    this.memory.flush();
    for (const s of sends) this.send(s);
    this.activeChanged(device.id);
    return outcome;
  }

  /** Every check not OK on every device: one pass over memory, for the Alerts page. */
  active(now: number, incidentOf: (deviceId: string) => string | null = (id) => this.deps.incidents?.incidentOf(id) ?? null): ActiveProblem[] {
    const windows = this.deps.config().maintenance;
    const out: ActiveProblem[] = [];
    for (const { device, checks } of this.current.values()) {
      const window = maintenanceFor(windows, device, now);
      for (const c of checks) {
        if (c.state === 'ok') continue;
        const m = this.memory.get(device.id, c.id);
        out.push({
          deviceId: device.id,
          deviceName: device.name,
          group: device.group,
          checkId: c.id,
          label: c.labelText ?? msg('check.label', { label: c.label }),
          detail: c.text ?? msg('check.problem', { text: c.message }),
          state: c.state,
          since: c.since,
          flapping: m?.flapping ?? false,
          acknowledgement: m?.ack ?? null,
          silencedUntil: m?.silencedUntil !== null && m?.silencedUntil !== undefined && m.silencedUntil > now ? m.silencedUntil : null,
          maintenance: window?.name ?? null,
          incidentId: incidentOf(device.id),
        });
      }
    }
    return out.sort((a, b) => stateRank(b.state) - stateRank(a.state) || a.since - b.since);
  }

  acknowledge(deviceId: string, checkId: string | null, ack: { by: string; at: number; comment: string; mode: 'until-recovery' | 'until-worse' }): boolean {
    return this.onBadChecks(deviceId, checkId, (m, c) => ({ ...m, ack: { ...ack, state: c.state } }));
  }

  unacknowledge(deviceId: string, checkId: string | null): boolean {
    return this.onBadChecks(deviceId, checkId, (m) => ({ ...m, ack: null }));
  }

  silence(deviceId: string, checkId: string | null, until: number): boolean {
    return this.onBadChecks(deviceId, checkId, (m) => ({ ...m, silencedUntil: until }));
  }

  forget(deviceId: string): void {
    this.memory.forget(deviceId);
    this.current.delete(deviceId);
    this.deps.incidents?.forget(deviceId);
    this.activeSig.delete(deviceId);
    this.activeChanged();
  }

  /** Stop tracking a device's live checks without forgetting its memory (reconfigured, disabled). */
  detach(deviceId: string): void {
    this.current.delete(deviceId);
  }

  /** A check's memory, for tests and the preview. */
  memoryOf(deviceId: string, checkId: string): CheckMemory | undefined {
    return this.memory.get(deviceId, checkId);
  }

  /** For a system-wide change (network lost/back): straight to the channels. */
  sendSystem(at: number, text: Message, state: State): void {
    this.send({ at, deviceId: 'vigie', deviceName: 'Vigie', group: 'system', checkId: null, severity: SEVERITY[state], previous: null, state, text, affected: [], kind: 'system' });
  }

  private send(change: AlertChange): void {
    try {
      this.deps.notifier.send(change);
    } catch (error) {
      this.deps.log.error('notification failed', { device: change.deviceName, error: String(error) });
    }
  }

  private quiet(deviceId: string, checkId: string, now: number): boolean {
    const m = this.memory.get(deviceId, checkId);
    return m !== undefined && (m.ack !== null || (m.silencedUntil !== null && m.silencedUntil > now));
  }

  private markNotified(deviceId: string, checkId: string, now: number): void {
    const m = this.memory.get(deviceId, checkId);
    if (m) this.memory.set(deviceId, checkId, { ...m, lastNotifiedAt: now });
  }

  private onBadChecks(deviceId: string, checkId: string | null, f: (m: CheckMemory, c: CheckState) => CheckMemory): boolean {
    const cur = this.current.get(deviceId);
    if (!cur) return false;
    let touched = false;
    for (const c of cur.checks) {
      if (c.state === 'ok' || (checkId !== null && c.id !== checkId)) continue;
      this.memory.set(deviceId, c.id, f(this.memory.get(deviceId, c.id) ?? { ...freshMemory(c.since), state: c.state }, c));
      touched = true;
    }
    if (touched) {
      this.memory.flush();
      this.activeChanged(deviceId);
    }
    return touched;
  }

  /** Reachability, credential and the family's problems: no duration, but memory (since, ack, flapping). */
  private simple(deviceId: string, id: string, state: State, now: number, labelText: Message, text: Message, message?: string): CheckState {
    const r = step(this.memory.get(deviceId, id) ?? freshMemory(now), state, 0, now, this.deps.config().settings.flapping);
    this.memory.remember(deviceId, id, r.memory);
    if (r.flappingStarted) this.flapStart(deviceId, id);
    const words: CheckWords = { label: english(labelText), labelText, message: message ?? english(text), text };
    return this.check(id, words, shownState(r.memory), null, r.memory.since);
  }

  private check(id: string, w: CheckWords, state: State, value: number | null, since: number): CheckState {
    return { id, label: w.label, labelText: w.labelText, state, message: w.message, text: w.text, value, since };
  }

  private flapStart(deviceId: string, checkId: string): void {
    const list = this.flapStarts.get(deviceId) ?? [];
    list.push(checkId);
    this.flapStarts.set(deviceId, list);
  }

  /** Checks gone from an answered poll (a disk removed, a rule turned off) leave memory and the table. */
  private dropMissing(deviceId: string, present: Set<string>): void {
    for (const checkId of this.memory.checkIds(deviceId)) {
      if (!present.has(checkId) && checkId !== CREDENTIAL_CHECK_ID) this.memory.drop(deviceId, checkId);
    }
  }

  private activeChanged(deviceId?: string): void {
    if (deviceId !== undefined) {
      const sig = (this.current.get(deviceId)?.checks ?? [])
        .filter((c) => c.state !== 'ok')
        .map((c) => {
          const m = this.memory.get(deviceId, c.id);
          return `${c.id}=${c.state}/${m?.ack ? 'a' : ''}${m?.silencedUntil ?? ''}${m?.flapping ? 'f' : ''}`;
        })
        .join(',');
      if (this.activeSig.get(deviceId) === sig) return;
      this.activeSig.set(deviceId, sig);
    }
    let n = 0;
    for (const { checks } of this.current.values()) n += checks.filter((c) => c.state !== 'ok').length;
    this.deps.onActiveChanged?.(n);
  }
}
