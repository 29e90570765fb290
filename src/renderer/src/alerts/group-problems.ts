import type { ActiveProblem } from '../../../shared/contract/alerting';
import { stateRank, type State } from '../../../shared/states';

export interface DeviceProblems {
  deviceId: string;
  deviceName: string;
  problems: ActiveProblem[];
}
export interface SeverityGroup {
  state: State;
  devices: DeviceProblems[];
  count: number;
}

/**
 * The Alerts page's order: worst severity first; within it devices by name, each device's problems oldest
 * first (the longest-standing problem is read first). A device with problems of two severities appears in
 * both groups, each listing only its problems of that severity.
 */
export function groupProblems(problems: readonly ActiveProblem[]): SeverityGroup[] {
  const bySeverity = new Map<State, Map<string, DeviceProblems>>();
  for (const p of problems) {
    if (p.state === 'ok') continue;
    let devices = bySeverity.get(p.state);
    if (!devices) bySeverity.set(p.state, (devices = new Map<string, DeviceProblems>()));
    let d = devices.get(p.deviceId);
    if (!d) devices.set(p.deviceId, (d = { deviceId: p.deviceId, deviceName: p.deviceName, problems: [] }));
    d.problems.push(p);
  }
  return [...bySeverity.entries()]
    .sort(([a], [b]) => stateRank(b) - stateRank(a))
    .map(([state, devices]) => {
      const list = [...devices.values()].sort(
        (a, b) => a.deviceName.localeCompare(b.deviceName) || a.deviceId.localeCompare(b.deviceId),
      );
      for (const d of list) d.problems.sort((a, b) => a.since - b.since || a.checkId.localeCompare(b.checkId));
      return { state, devices: list, count: list.reduce((n, d) => n + d.problems.length, 0) };
    });
}

/** "5 min", "3 h", "2 d": a problem's age at a glance, next to its full date and time. */
export function ageParts(since: number, now: number): { value: number; unit: 'minute' | 'hour' | 'day' } {
  const minutes = Math.max(0, Math.floor((now - since) / 60_000));
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  if (minutes < 48 * 60) return { value: Math.floor(minutes / 60), unit: 'hour' };
  return { value: Math.floor(minutes / 1440), unit: 'day' };
}
