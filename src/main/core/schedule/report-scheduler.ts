import type { ReportProfile } from '../../../shared/contract/report';
import type { Clock, Logger } from '../ports';
import { nextRun } from './next-run';
import { ScheduleStateFile } from './schedule-state';

export interface ReportSchedulerOptions {
  clock: Clock;
  log: Logger;
  /** `<data>/schedule.json`. */
  statePath: string;
  /** The profiles as they are now (read at every tick, so edits apply without a restart). */
  profiles: () => readonly ReportProfile[];
  /** Runs one profile and mails it; must not throw for a failed report (it mails the failure). */
  run: (profile: ReportProfile) => Promise<void>;
  /** Longest sleep between two looks at the clock: a suspended laptop or a clock change is noticed by then. */
  maxSleepMs?: number;
}

/** At most this many slots are skipped over when catching up (a minutely cron closed for a year). */
const MAX_CATCH_UP_STEPS = 100_000;

/**
 * Runs report profiles at their time (croner computes the times). Per profile it remembers the last slot
 * handled; at each tick a profile whose next slot after that is due runs ONCE, however many slots were
 * missed while Vigie was closed (catch-up), and the remembered slot jumps to the latest one due. A profile
 * still running is not started again. A profile seen for the first time starts from now: creating a
 * schedule does not trigger a run for a time already past today.
 */
export class ReportScheduler {
  private readonly state: ScheduleStateFile;
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly o: ReportSchedulerOptions) {
    this.state = new ScheduleStateFile(o.statePath);
  }

  /** Starts what is due now; returns the names started. */
  tick(): string[] {
    const now = this.o.clock.now();
    const state = this.state.read();
    const started: string[] = [];
    let dirty = false;
    const scheduled = this.o.profiles().filter((p) => p.schedule);
    for (const profile of scheduled) {
      const schedule = profile.schedule!;
      const last = state.lastSlot[profile.name];
      if (last === undefined) {
        state.lastSlot[profile.name] = now;
        dirty = true;
        continue;
      }
      if (this.running.has(profile.name)) continue;
      let slot = safeNext(schedule, last);
      if (slot === null || slot > now) continue;
      for (let i = 0; i < MAX_CATCH_UP_STEPS; i++) {
        const after = safeNext(schedule, slot);
        if (after === null || after > now) break;
        slot = after;
      }
      state.lastSlot[profile.name] = slot;
      dirty = true;
      started.push(profile.name);
      const late = now - slot;
      this.o.log.info('scheduled report starts', { profile: profile.name, slot: new Date(slot).toISOString(), lateMs: late });
      const run = this.o
        .run(profile)
        .catch((error: unknown) => this.o.log.error('scheduled report failed', { profile: profile.name, error: String(error) }))
        .finally(() => this.running.delete(profile.name));
      this.running.set(profile.name, run);
    }
    // Forget profiles that were removed or lost their schedule, so re-adding one does not catch up.
    for (const name of Object.keys(state.lastSlot)) {
      if (!scheduled.some((p) => p.name === name)) {
        delete state.lastSlot[name];
        dirty = true;
      }
    }
    if (dirty) this.state.write(state);
    return started;
  }

  /** Next run of each scheduled profile (null: the expression never fires again). */
  nextRuns(): { profile: string; nextRunAt: number | null; running: boolean }[] {
    const now = this.o.clock.now();
    const state = this.state.read();
    return this.o
      .profiles()
      .filter((p) => p.schedule)
      .map((p) => {
        const from = Math.max(state.lastSlot[p.name] ?? now, now - 1);
        return { profile: p.name, nextRunAt: safeNext(p.schedule!, from), running: this.running.has(p.name) };
      });
  }

  /** Resolves when every run started so far has ended. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  start(): void {
    this.stopped = false;
    this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.idle();
  }

  private loop(): void {
    if (this.stopped) return;
    try {
      this.tick();
    } catch (error) {
      this.o.log.error('report schedule tick failed', { error: String(error) });
    }
    const now = this.o.clock.now();
    const next = this.nextRuns().reduce<number | null>((m, r) => (r.nextRunAt !== null && (m === null || r.nextRunAt < m) ? r.nextRunAt : m), null);
    const max = this.o.maxSleepMs ?? 60_000;
    const sleep = next === null ? max : Math.min(max, Math.max(50, next - now + 50));
    this.timer = setTimeout(() => this.loop(), sleep);
    this.timer.unref();
  }
}

function safeNext(schedule: NonNullable<ReportProfile['schedule']>, after: number): number | null {
  try {
    return nextRun(schedule, after);
  } catch {
    return null;
  }
}
