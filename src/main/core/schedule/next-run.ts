import { Cron } from 'croner';
import type { ReportSchedule } from '../../../shared/contract/report-schedule';

/** The croner pattern of a schedule: a daily time is "MM HH * * *". */
export function cronPattern(schedule: ReportSchedule): string {
  if (schedule.kind === 'cron') return schedule.expression;
  const [h, m] = schedule.time.split(':');
  return `${Number(m)} ${Number(h)} * * *`;
}

/** Why croner refuses the expression, or null when it is usable. */
export function scheduleProblem(schedule: ReportSchedule): string | null {
  try {
    const job = new Cron(cronPattern(schedule), { timezone: schedule.timezone, paused: true });
    job.stop();
    return null;
  } catch (error) {
    return `invalid cron expression "${cronPattern(schedule)}": ${(error as Error).message}`;
  }
}

/**
 * First run strictly after `after` (ms), in the schedule's time zone (else the machine's). croner resolves
 * the clock changes the way a person expects: a 02:30 run on the night 02:00 jumps to 03:00 runs at 03:00,
 * and on the night 02:30 happens twice it runs once.
 */
export function nextRun(schedule: ReportSchedule, after: number): number | null {
  const job = new Cron(cronPattern(schedule), { timezone: schedule.timezone, paused: true });
  try {
    return job.nextRun(new Date(after))?.getTime() ?? null;
  } finally {
    job.stop();
  }
}
