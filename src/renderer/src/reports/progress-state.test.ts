import { describe, expect, it } from 'vitest';
import type { ReportProgress } from '../../../shared/contract/report';
import { applyProgress, type RunView } from './progress-state';

const ev = (p: Partial<ReportProgress>): ReportProgress => ({
  runId: 'r1',
  profile: 'daily',
  vcenter: 'vc-a',
  step: 'connect',
  fraction: 0,
  state: 'running',
  message: null,
  ...p,
});

const fold = (events: Partial<ReportProgress>[]): RunView | undefined =>
  events.reduce<RunView | undefined>((run, e) => applyProgress(run, ev(e)), undefined);

describe('report progress', () => {
  it('keeps one row per vCenter, the run row last, and a later step completes the earlier ones', () => {
    const run = fold([
      { vcenter: 'vc-a', step: 'connect', fraction: 0.5 },
      { vcenter: null, step: 'render', fraction: 0 },
      { vcenter: 'vc-b', step: 'connect', fraction: 1 },
      { vcenter: 'vc-a', step: 'performance', fraction: 0.25 },
    ])!;
    expect(run.rows.map((r) => r.vcenter)).toEqual(['vc-a', 'vc-b', null]);
    const a = run.rows[0]!.cells;
    expect(a.connect).toEqual({ fraction: 1, state: 'done' });
    expect(a.inventory).toEqual({ fraction: 1, state: 'done' });
    expect(a.performance).toEqual({ fraction: 0.25, state: 'running' });
    expect(a.checks).toBeUndefined();
    expect(run.rows[1]!.cells.connect).toEqual({ fraction: 1, state: 'done' });
    expect(run.state).toBe('running');
  });

  it('a failed vCenter does not end the run; the run row ends it', () => {
    const run = fold([
      { vcenter: 'vc-a', step: 'connect', fraction: 0.3, state: 'failed', message: 'ECONNREFUSED' },
      { vcenter: 'vc-b', step: 'checks', fraction: 1 },
    ])!;
    expect(run.state).toBe('running');
    expect(run.rows[0]!.cells.connect).toEqual({ fraction: 0.3, state: 'failed' });
    const done = applyProgress(run, ev({ vcenter: null, step: 'render', fraction: 1, state: 'done' }));
    expect(done.state).toBe('done');
    // The failed bar stays failed; bars never announced on a successful run read done.
    expect(done.rows[0]!.cells.connect?.state).toBe('failed');
    expect(done.rows[0]!.cells.events).toEqual({ fraction: 1, state: 'done' });
    expect(done.message).toBe('ECONNREFUSED');
  });

  it('a cancellation anywhere ends the run as cancelled, leaving the other bars where they were', () => {
    const run = fold([
      { vcenter: 'vc-a', step: 'inventory', fraction: 0.4 },
      { vcenter: 'vc-a', step: 'inventory', fraction: 0.4, state: 'cancelled' },
    ])!;
    expect(run.state).toBe('cancelled');
    expect(run.rows[0]!.cells.inventory).toEqual({ fraction: 0.4, state: 'cancelled' });
    expect(run.rows[0]!.cells.events).toBeUndefined();
  });
});
