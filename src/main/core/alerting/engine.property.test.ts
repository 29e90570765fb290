import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../../shared/contract/alerting';
import { DEVICE, harness, pct } from './engine-harness';
import { windowActive } from './maintenance';
import type { IncidentDecision, IncidentPort } from './ports';
import type { Rule } from './rule';

const MIN = 60_000;
const START = Date.UTC(2026, 0, 5, 12, 0, 0);
const RULES: Rule[] = [
  { id: 'fs', label: 'Filesystem used', metric: 'fs.used.percent', op: '>', warning: 85, critical: 95, recovery: 80, renotifyMinutes: 15 },
  { id: 'cpu', label: 'CPU', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 300 },
];

/** A poll: fs and cpu values, or the device not answering; an operator action now and then. */
const stepArb = fc.record({
  fs: fc.integer({ min: 0, max: 100 }),
  cpu: fc.integer({ min: 0, max: 100 }),
  down: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  gapMinutes: fc.integer({ min: 1, max: 20 }),
  action: fc.constantFrom('none', 'none', 'none', 'ack', 'ack-worse', 'silence'),
});

/** Up to three one-off windows in the first ten hours. */
const windowsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 5, max: 240 })), { maxLength: 3 })
  .map((spans) =>
    spans.map(
      ([startMin, lengthMin], i): MaintenanceWindow => ({
        id: `w${i}`,
        name: `Window ${i}`,
        deviceIds: [DEVICE.id],
        groups: [],
        schedule: { type: 'once', start: START + startMin * MIN, end: START + (startMin + lengthMin) * MIN },
        comment: '',
      }),
    ),
  );

type Step = { fs: number; cpu: number; down: boolean; gapMinutes: number; action: string };

function play(steps: Step[], windows: MaintenanceWindow[], incidents?: IncidentPort) {
  const h = harness({ rules: RULES, start: START, maintenance: windows, ...(incidents ? { incidents } : {}) });
  for (const s of steps) {
    if (s.down) h.fail('No SNMP answer');
    else h.poll([pct('fs.used.percent', s.fs, '/var'), pct('cpu.total', s.cpu)]);
    if (s.action === 'ack' || s.action === 'ack-worse') {
      h.engine.acknowledge(DEVICE.id, null, { by: 'op', at: h.now(), comment: 'seen', mode: s.action === 'ack' ? 'until-recovery' : 'until-worse' });
    } else if (s.action === 'silence') h.engine.silence(DEVICE.id, null, h.now() + 30 * MIN);
    h.advance(s.gapMinutes * MIN);
  }
  return h;
}

describe('alert engine properties', () => {
  it('never notifies during a maintenance window', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80 }), windowsArb, (steps, windows) => {
        const h = play(steps, windows);
        for (const c of h.sent) expect(windows.some((w) => windowActive(w, c.at))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('notifies the recovery of every notified problem', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80 }), windowsArb, (steps, windows) => {
        const h = play(steps, windows);
        // Then the device is healthy for good, past every window.
        h.advance(1000 * MIN);
        h.poll([pct('fs.used.percent', 10, '/var'), pct('cpu.total', 10)]);
        const kinds = h.sent.filter((c) => c.kind === 'problem' || c.kind === 'recovery').map((c) => c.kind);
        if (kinds.includes('problem')) expect(kinds.at(-1)).toBe('recovery');
        // Recoveries answer problems: never two in a row, never one before any problem.
        kinds.forEach((k, i) => {
          if (k === 'recovery') expect(kinds.slice(0, i).lastIndexOf('problem')).toBeGreaterThan(kinds.slice(0, i).lastIndexOf('recovery'));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('sends nothing of its own for a child muted under a down parent', () => {
    // The stub plays a tracker whose parent is down for the whole run: every failure of the child is muted.
    const muting: IncidentPort = {
      onDeviceState: (c): IncidentDecision => ({ muted: c.state !== 'ok', incidentId: c.state !== 'ok' ? 'inc-1' : null, notices: [] }),
      incidentOf: () => 'inc-1',
      list: () => [],
      forget: () => undefined,
    };
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80 }), (steps) => {
        const h = play(steps, [], muting);
        expect(h.sent.filter((c) => c.deviceId === DEVICE.id)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
