import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportProfileSchema, type ReportProfile } from '../../../shared/contract/report';
import type { ReportSchedule } from '../../../shared/contract/report-schedule';
import type { Logger } from '../ports';
import { nextRun, scheduleProblem } from './next-run';
import { ReportScheduler } from './report-scheduler';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const at = (iso: string): number => new Date(iso).getTime();

function setup(schedule: ReportSchedule, start: string, statePath?: string) {
  const clock = { t: at(start), now(): number {
    return this.t;
  } };
  const runs: { profile: string; at: string }[] = [];
  let hold: Promise<void> | null = null;
  const profile: ReportProfile = ReportProfileSchema.parse({ name: 'Daily', vcenters: ['vc1'], schedule });
  const path = statePath ?? join(mkdtempSync(join(tmpdir(), 'vigie-sched-')), 'schedule.json');
  const scheduler = new ReportScheduler({
    clock,
    log: quiet,
    statePath: path,
    profiles: () => [profile],
    run: (p) => {
      runs.push({ profile: p.name, at: new Date(clock.t).toISOString() });
      return hold ?? Promise.resolve();
    },
  });
  return {
    clock,
    runs,
    scheduler,
    path,
    holdRuns(p: Promise<void> | null) {
      hold = p;
    },
    /** Moves the clock in steps (as the timer would wake), ticking at each. */
    async walk(to: string, stepMs = 60_000) {
      const end = at(to);
      while (clock.t < end) {
        clock.t = Math.min(end, clock.t + stepMs);
        scheduler.tick();
        await scheduler.idle();
      }
    },
  };
}

describe('report schedule (fake clock)', () => {
  it('runs a daily time once a day at that time, in its time zone, and shows the next run', async () => {
    const s = setup({ kind: 'daily', time: '06:00', timezone: 'Europe/Paris' }, '2026-12-03T04:00:00Z');
    expect(s.scheduler.tick()).toEqual([]); // first sight: nothing to catch up
    expect(s.scheduler.nextRuns()).toEqual([{ profile: 'Daily', nextRunAt: at('2026-12-03T05:00:00Z'), running: false }]);
    await s.walk('2026-12-03T04:59:00Z');
    expect(s.runs).toEqual([]);
    await s.walk('2026-12-05T12:00:00Z');
    expect(s.runs.map((r) => r.at)).toEqual(['2026-12-03T05:00:00.000Z', '2026-12-04T05:00:00.000Z', '2026-12-05T05:00:00.000Z']);
    expect(s.scheduler.nextRuns()[0]!.nextRunAt).toBe(at('2026-12-06T05:00:00Z'));
  });

  it('runs a cron expression at each of its times', async () => {
    const s = setup({ kind: 'cron', expression: '15 */6 * * 1-5', timezone: 'UTC' }, '2026-12-04T00:00:00Z'); // a Friday
    s.scheduler.tick();
    await s.walk('2026-12-07T07:00:00Z', 5 * 60_000); // over the weekend into Monday
    expect(s.runs.map((r) => r.at)).toEqual([
      '2026-12-04T00:15:00.000Z',
      '2026-12-04T06:15:00.000Z',
      '2026-12-04T12:15:00.000Z',
      '2026-12-04T18:15:00.000Z',
      '2026-12-07T00:15:00.000Z',
      '2026-12-07T06:15:00.000Z',
    ]);
    expect(scheduleProblem({ kind: 'cron', expression: '61 * * * * *' })).toMatch(/invalid cron expression/);
    expect(scheduleProblem({ kind: 'cron', expression: '0 6 * * 1-5' })).toBeNull();
  });

  it('catches up ONCE after runs missed while Vigie was closed, then keeps its time', async () => {
    const first = setup({ kind: 'daily', time: '06:00', timezone: 'UTC' }, '2026-12-01T05:00:00Z');
    first.scheduler.tick();
    await first.walk('2026-12-01T07:00:00Z');
    expect(first.runs).toHaveLength(1);
    // Closed from the 1st 07:00 to the 4th 10:00: three runs missed; a new Vigie on the same data folder.
    const again = setup({ kind: 'daily', time: '06:00', timezone: 'UTC' }, '2026-12-04T10:00:00Z', first.path);
    expect(again.scheduler.tick()).toEqual(['Daily']);
    await again.scheduler.idle();
    expect(again.scheduler.tick()).toEqual([]);
    await again.walk('2026-12-05T07:00:00Z');
    expect(again.runs.map((r) => r.at)).toEqual(['2026-12-04T10:00:00.000Z', '2026-12-05T06:00:00.000Z']);
    const state = JSON.parse(readFileSync(first.path, 'utf8')) as { lastSlot: Record<string, number> };
    expect(state.lastSlot.Daily).toBe(at('2026-12-05T06:00:00Z'));
  });

  it('never starts a profile while its previous run is still going', async () => {
    const s = setup({ kind: 'cron', expression: '*/10 * * * *', timezone: 'UTC' }, '2026-12-03T00:00:00Z');
    s.scheduler.tick();
    let finish: () => void = () => undefined;
    s.holdRuns(new Promise<void>((resolve) => (finish = resolve)));
    s.clock.t = at('2026-12-03T00:10:00Z');
    expect(s.scheduler.tick()).toEqual(['Daily']);
    for (const t of ['2026-12-03T00:20:00Z', '2026-12-03T00:30:00Z', '2026-12-03T00:35:00Z']) {
      s.clock.t = at(t);
      expect(s.scheduler.tick()).toEqual([]);
      expect(s.scheduler.nextRuns()[0]!.running).toBe(true);
    }
    s.holdRuns(null);
    finish();
    await s.scheduler.idle();
    // The slots missed during the long run give one run, not two.
    expect(s.scheduler.tick()).toEqual(['Daily']);
    await s.scheduler.idle();
    expect(s.scheduler.tick()).toEqual([]);
    expect(s.runs.map((r) => r.at)).toEqual(['2026-12-03T00:10:00.000Z', '2026-12-03T00:35:00.000Z']);
  });

  it('a 02:30 run on the nights the clocks change happens once (Europe/Paris)', async () => {
    // Autumn: 02:30 happens twice on 25 October 2026 (CEST then CET).
    const autumn = setup({ kind: 'daily', time: '02:30', timezone: 'Europe/Paris' }, '2026-10-24T12:00:00Z');
    autumn.scheduler.tick();
    await autumn.walk('2026-10-26T12:00:00Z', 5 * 60_000);
    expect(autumn.runs.map((r) => r.at)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    // Spring: 02:30 does not exist on 29 March 2026 (02:00 → 03:00): it runs once, at 03:00.
    const spring = setup({ kind: 'daily', time: '02:30', timezone: 'Europe/Paris' }, '2026-03-28T12:00:00Z');
    spring.scheduler.tick();
    await spring.walk('2026-03-30T12:00:00Z', 5 * 60_000);
    expect(spring.runs.map((r) => r.at)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    expect(nextRun({ kind: 'daily', time: '02:30', timezone: 'Europe/Paris' }, at('2026-03-28T12:00:00Z'))).toBe(at('2026-03-29T01:00:00Z'));
  });
});
