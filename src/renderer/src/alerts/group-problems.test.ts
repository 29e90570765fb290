import { describe, expect, it } from 'vitest';
import type { ActiveProblem } from '../../../shared/contract/alerting';
import { ageParts, groupProblems } from './group-problems';

function p(deviceId: string, deviceName: string, checkId: string, state: ActiveProblem['state'], since: number): ActiveProblem {
  return {
    deviceId,
    deviceName,
    group: 'g',
    checkId,
    label: { code: 'text.plain', params: { text: checkId } },
    detail: { code: 'text.plain', params: { text: '' } },
    state,
    since,
    flapping: false,
    acknowledgement: null,
    silencedUntil: null,
    maintenance: null,
    incidentId: null,
  };
}

describe('groupProblems', () => {
  it('groups by severity, worst first, then device by name, then problem oldest first', () => {
    const groups = groupProblems([
      p('b', 'beta', 'cpu', 'warning', 30),
      p('a', 'alpha', 'disk', 'critical', 20),
      p('b', 'beta', 'mem', 'critical', 50),
      p('a', 'alpha', 'fan', 'critical', 10),
      p('c', 'gamma', 'reach', 'unknown', 40),
      p('z', 'zeta', 'x', 'ok', 1),
    ]);
    expect(groups.map((g) => [g.state, g.count])).toEqual([
      ['critical', 3],
      ['unknown', 1],
      ['warning', 1],
    ]);
    const critical = groups[0];
    expect(critical?.devices.map((d) => [d.deviceName, d.problems.map((x) => x.checkId)])).toEqual([
      ['alpha', ['fan', 'disk']],
      ['beta', ['mem']],
    ]);
    expect(groupProblems([])).toEqual([]);
  });

  it('words an age in minutes, hours, then days', () => {
    const now = 10 * 86_400_000;
    expect(ageParts(now - 59_000, now)).toEqual({ value: 0, unit: 'minute' });
    expect(ageParts(now - 59 * 60_000, now)).toEqual({ value: 59, unit: 'minute' });
    expect(ageParts(now - 3 * 3_600_000, now)).toEqual({ value: 3, unit: 'hour' });
    expect(ageParts(now - 47 * 3_600_000, now)).toEqual({ value: 47, unit: 'hour' });
    expect(ageParts(now - 3 * 86_400_000, now)).toEqual({ value: 3, unit: 'day' });
    expect(ageParts(now + 5000, now)).toEqual({ value: 0, unit: 'minute' });
  });
});
