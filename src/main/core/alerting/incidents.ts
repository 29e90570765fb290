import type { AlertChange, Incident } from '../../../shared/contract/alerting';
import { msg } from '../../../shared/messages/message';
import type { State } from '../../../shared/states';
import type { Clock, Logger } from '../ports';
import type { DeviceStateChange, IncidentDecision, IncidentPort, Topology } from './ports';

/**
 * Incidents instead of storms: when a device with dependants goes down, its dependants' failures join its
 * one incident (recorded and shown, not notified on their own) and one notice lists what it affects. Every
 * recovery stays notified. In memory: open incidents, and closed ones for a week (bounded) for the Alerts
 * page; after a restart the monitor's first polls rebuild what is still down.
 */

export interface IncidentTrackerDeps {
  topology: () => Topology;
  clock: Clock;
  log: Logger;
  /**
   * Where notices due later go: the opening notice once its dependants have reported (or `holdMs` passed),
   * and rate-limited updates. Without it every notice is returned at once in the decision.
   */
  send?: (change: AlertChange) => void;
  /**
   * Asked before a notice goes out later through `send` (the engine filters the notices it returns itself):
   * false during the root's maintenance window, so a held notice does not slip out of it.
   */
  mayNotify?: (deviceId: string, group: string, at: number) => boolean;
  /**
   * A dependant that failed up to this long BEFORE its parent joins the parent's incident. Default 2 poll
   * intervals of 60 s: parent and child are polled independently, so the parent's failure is seen up to one
   * interval (plus a timeout) after the child's; a second interval absorbs a slow or retried poll.
   */
  joinWindowMs?: number;
  /** How long the opening notice waits for the dependants' next polls to list them (default 30 s). */
  holdMs?: number;
  /** At most one update notice per incident per this period (default 60 s). */
  updateEveryMs?: number;
  keepClosedMs?: number;
  maxClosed?: number;
}

export interface IncidentTracker extends IncidentPort {
  /** Stops the timers of held notices (core shutdown). */
  dispose(): void;
}

interface Member {
  name: string;
  state: State;
}

interface OpenIncident {
  id: string;
  rootId: string;
  rootName: string;
  group: string;
  state: State;
  openedAt: number;
  closedAt: number | null;
  affected: Map<string, Member>;
  /** The opening notice went out (until then joiners are simply listed in it). */
  announced: boolean;
  lastNoticeAt: number;
  /** Joined after the last notice: the next update lists them. */
  pending: string[];
  /** Joined while the root was down: their failure was told only through this incident. */
  muted: Set<string>;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Failure {
  at: number;
  name: string;
  state: State;
}

const DAY = 86_400_000;

/** Down as a device: critical or unreachable (a warning is no reason to suspect what hangs on it). */
export function isDown(state: State | null): boolean {
  return state === 'critical' || state === 'unknown';
}

export function createIncidentTracker(deps: IncidentTrackerDeps): IncidentTracker {
  const joinWindowMs = deps.joinWindowMs ?? 120_000;
  const holdMs = deps.holdMs ?? 30_000;
  const updateEveryMs = deps.updateEveryMs ?? 60_000;
  const keepClosedMs = deps.keepClosedMs ?? 7 * DAY;
  const maxClosed = deps.maxClosed ?? 1000;

  const open = new Map<string, OpenIncident>(); // by root device id
  const memberOf = new Map<string, OpenIncident>(); // dependant id → its incident
  const failures = new Map<string, Failure>(); // devices down now, since when
  const owed = new Set<string>(); // failures told only inside an incident's notice: their recovery is owed
  const closed: Incident[] = [];

  const toIncident = (inc: OpenIncident): Incident => ({
    id: inc.id,
    rootDeviceId: inc.rootId,
    rootName: inc.rootName,
    state: inc.state,
    openedAt: inc.openedAt,
    closedAt: inc.closedAt,
    affected: [...inc.affected].map(([deviceId, m]) => ({ deviceId, name: m.name, state: m.state })),
  });

  const notice = (inc: OpenIncident, at: number, kind: 'incident' | 'incident-closed', text: AlertChange['text']): AlertChange => ({
    at,
    deviceId: inc.rootId,
    deviceName: inc.rootName,
    group: inc.group,
    checkId: null,
    severity: kind === 'incident-closed' ? 'ok' : inc.state === 'critical' ? 'critical' : 'unknown',
    previous: kind === 'incident-closed' ? inc.state : null,
    state: kind === 'incident-closed' ? 'ok' : inc.state,
    text,
    affected: [...inc.affected.values()].map((m) => m.name),
    kind,
  });

  const opening = (inc: OpenIncident, at: number): AlertChange => {
    inc.announced = true;
    inc.lastNoticeAt = at;
    inc.pending = [];
    return notice(inc, at, 'incident', msg('alert.incident-opened', { root: inc.rootName, count: inc.affected.size }));
  };

  const update = (inc: OpenIncident, at: number): AlertChange => {
    const added = inc.pending.map((id) => inc.affected.get(id)?.name ?? id);
    inc.lastNoticeAt = at;
    inc.pending = [];
    return notice(inc, at, 'incident', msg('alert.incident-updated', { root: inc.rootName, count: inc.affected.size, added: added.join(', ') }));
  };

  const clearTimer = (inc: OpenIncident): void => {
    if (inc.timer) clearTimeout(inc.timer);
    inc.timer = null;
  };

  /** Arms the one timer an incident has: the held opening notice, or the next rate-limited update. */
  const arm = (inc: OpenIncident, dueAt: number): void => {
    const send = deps.send;
    if (!send || inc.timer) return;
    inc.timer = setTimeout(() => {
      inc.timer = null;
      if (inc.closedAt !== null) return;
      const now = deps.clock.now();
      if (deps.mayNotify && !deps.mayNotify(inc.rootId, inc.group, now)) {
        // In maintenance: nothing told now, so nothing to close later; joiners stay listed in the incident.
        inc.pending = [];
        return;
      }
      if (!inc.announced) send(opening(inc, now));
      else if (inc.pending.length) send(update(inc, now));
    }, Math.max(0, dueAt - deps.clock.now()));
    inc.timer.unref?.();
  };

  /** Every dependant the topology knows has reported down: nothing left to wait for. */
  const complete = (inc: OpenIncident): boolean => descendants(inc.rootId).every((d) => inc.affected.has(d));

  const descendants = (id: string): string[] => {
    const topo = deps.topology();
    const out: string[] = [];
    const seen = new Set([id]);
    const queue = [...topo.childrenOf(id)];
    while (queue.length) {
      const cur = queue.shift()!;
      if (seen.has(cur)) continue;
      seen.add(cur);
      out.push(cur);
      queue.push(...topo.childrenOf(cur));
    }
    return out;
  };

  /** The open incident a device's failure belongs to: one of its ancestors' (nearest first). */
  const incidentAbove = (id: string): OpenIncident | null => {
    const topo = deps.topology();
    const seen = new Set([id]);
    const queue = [...topo.parentsOf(id)];
    while (queue.length) {
      const cur = queue.shift()!;
      if (seen.has(cur)) continue;
      seen.add(cur);
      const inc = open.get(cur) ?? memberOf.get(cur);
      if (inc) return inc;
      queue.push(...topo.parentsOf(cur));
    }
    return null;
  };

  /** Notices that came due without a timer (no `send`): handed out with the next decision. */
  const due = (now: number): AlertChange[] => {
    if (deps.send) return [];
    const out: AlertChange[] = [];
    for (const inc of open.values()) if (inc.announced && inc.pending.length && now - inc.lastNoticeAt >= updateEveryMs) out.push(update(inc, now));
    return out;
  };

  const prune = (now: number): void => {
    while (closed.length > maxClosed || (closed.length && now - (closed[0]!.closedAt ?? now) > keepClosedMs)) closed.shift();
  };

  const close = (inc: OpenIncident, at: number, reason: 'recovered' | 'merged' | 'removed'): AlertChange[] => {
    clearTimer(inc);
    inc.closedAt = at;
    open.delete(inc.rootId);
    for (const id of inc.affected.keys()) if (memberOf.get(id) === inc) memberOf.delete(id);
    // Never announced: nothing was told, so no recovery is owed (a merged incident hands its own on).
    if (!inc.announced && reason !== 'merged') for (const id of inc.muted) owed.delete(id);
    closed.push(toIncident(inc));
    prune(at);
    deps.log.info('incident closed', { incident: inc.id, reason, affected: inc.affected.size });
    // Closing an incident nobody was told about would announce the end of something never announced.
    if (reason !== 'recovered' || !inc.announced) return [];
    return [
      notice(inc, at, 'incident-closed', msg('alert.incident-closed', { root: inc.rootName, duration: { value: Math.round((at - inc.openedAt) / 1000), unit: 'seconds' } })),
    ];
  };

  const recovery = (c: DeviceStateChange): AlertChange => ({
    at: c.at,
    deviceId: c.deviceId,
    deviceName: c.deviceName,
    group: c.group,
    checkId: null,
    severity: 'ok',
    previous: c.previous,
    state: c.state,
    text: msg('state.ok-again', { device: c.deviceName }),
    affected: [],
    kind: 'recovery',
  });

  const join = (inc: OpenIncident, id: string, m: Member, muted: boolean): void => {
    inc.affected.set(id, m);
    if (muted) {
      inc.muted.add(id);
      owed.add(id);
    }
    memberOf.set(id, inc);
    if (inc.announced) inc.pending.push(id);
  };

  const openIncident = (c: DeviceStateChange): AlertChange[] => {
    const inc: OpenIncident = {
      id: `inc-${c.deviceId}-${c.at}`,
      rootId: c.deviceId,
      rootName: c.deviceName,
      group: c.group,
      state: c.state,
      openedAt: c.at,
      closedAt: null,
      affected: new Map(),
      announced: false,
      lastNoticeAt: c.at,
      pending: [],
      muted: new Set(),
      timer: null,
    };
    open.set(c.deviceId, inc);
    const notices: AlertChange[] = [];
    for (const d of descendants(c.deviceId)) {
      const sub = open.get(d);
      // A dependant that fell just before with its own incident: one incident for the whole event.
      if (sub && c.at - sub.openedAt <= joinWindowMs) {
        for (const [id, m] of sub.affected) join(inc, id, m, sub.muted.has(id));
        notices.push(...close(sub, c.at, 'merged'));
      }
      const f = failures.get(d);
      if (f && c.at - f.at <= joinWindowMs && !memberOf.has(d)) join(inc, d, { name: f.name, state: f.state }, false);
    }
    deps.log.info('incident opened', { incident: inc.id, root: c.deviceName, affected: inc.affected.size });
    if (!deps.send || complete(inc)) notices.push(opening(inc, c.at));
    else arm(inc, c.at + holdMs);
    return notices;
  };

  const decide = (c: DeviceStateChange): IncidentDecision => {
    const wasDown = isDown(c.previous);
    const down = isDown(c.state);
    if (down) failures.set(c.deviceId, { at: wasDown ? (failures.get(c.deviceId)?.at ?? c.at) : c.at, name: c.deviceName, state: c.state });
    else failures.delete(c.deviceId);

    const root = open.get(c.deviceId);
    if (root) {
      if (down) {
        root.state = c.state;
        return { muted: true, incidentId: root.id, notices: [] };
      }
      // The root is back: the incident ends; its own recovery is notified like any other.
      return { muted: false, incidentId: root.id, notices: close(root, c.at, 'recovered') };
    }

    const member = memberOf.get(c.deviceId);
    if (member) {
      const m = member.affected.get(c.deviceId);
      if (m) m.state = c.state;
      if (down) return { muted: true, incidentId: member.id, notices: [] };
      memberOf.delete(c.deviceId);
      // Its failure went out only inside the incident's notice: its recovery is told on its own (a device
      // that failed before its parent had its own problem notice, and the engine tells that one's recovery).
      const told = member.announced && c.state === 'ok' && owed.delete(c.deviceId);
      return { muted: false, incidentId: member.id, notices: told ? [recovery(c)] : [] };
    }

    // Still owed after its incident closed (the root came back first): told now.
    if (c.state === 'ok' && owed.delete(c.deviceId)) return { muted: false, incidentId: null, notices: [recovery(c)] };
    if (!down || wasDown) return { muted: false, incidentId: null, notices: [] };

    const above = incidentAbove(c.deviceId);
    if (above) {
      join(above, c.deviceId, { name: c.deviceName, state: c.state }, true);
      const notices: AlertChange[] = [];
      if (!above.announced) {
        if (complete(above)) {
          clearTimer(above);
          notices.push(opening(above, c.at));
        }
      } else if (c.at - above.lastNoticeAt >= updateEveryMs) {
        clearTimer(above);
        notices.push(update(above, c.at));
      } else {
        arm(above, above.lastNoticeAt + updateEveryMs);
      }
      return { muted: true, incidentId: above.id, notices };
    }

    // Only a device something depends on opens an incident: a leaf's failure is its own notification.
    if (deps.topology().childrenOf(c.deviceId).length === 0) return { muted: false, incidentId: null, notices: [] };
    return { muted: true, incidentId: `inc-${c.deviceId}-${c.at}`, notices: openIncident(c) };
  };

  return {
    onDeviceState(change) {
      const decision = decide(change);
      const extra = due(change.at).filter((n) => !decision.notices.includes(n));
      return extra.length ? { ...decision, notices: [...decision.notices, ...extra] } : decision;
    },
    incidentOf(deviceId) {
      return (open.get(deviceId) ?? memberOf.get(deviceId))?.id ?? null;
    },
    list(isOpen) {
      if (isOpen) return [...open.values()].map(toIncident);
      prune(deps.clock.now());
      return [...closed].reverse();
    },
    forget(deviceId) {
      failures.delete(deviceId);
      owed.delete(deviceId);
      const root = open.get(deviceId);
      if (root) close(root, deps.clock.now(), 'removed');
      const member = memberOf.get(deviceId);
      if (member) {
        member.affected.delete(deviceId);
        member.pending = member.pending.filter((id) => id !== deviceId);
        memberOf.delete(deviceId);
      }
    },
    dispose() {
      for (const inc of open.values()) clearTimer(inc);
    },
  };
}
