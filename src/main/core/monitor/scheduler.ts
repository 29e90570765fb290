/**
 * One scheduler for every periodic task of the console (a device poll, a collection...).
 *
 * API
 *   const s = new Scheduler({ concurrency?, slotHoldMs?, initialJitterMs?, runTimeoutMs?, onError? });
 *   s.add(id, intervalMs, task, { timeoutMs?, runSoon? })   task: (signal: AbortSignal) => Promise<void>
 *   s.update(id, intervalMs)      new interval, counted from the last start
 *   s.remove(id)                  no more runs; a run in progress is aborted (signal.reason = 'removed')
 *   await s.runNow(id)            runs it now (or joins the run in progress); rejects with the task's error
 *   await s.stop()                aborts every run, waits for them to settle; the scheduler is then inert
 *   s.stats(id)                   { running, lastStart, lastDurationMs, runs, nextDue } for diagnostics
 *
 * Guarantees
 *   - A task never runs twice at once; a run that overruns its interval delays only its own next run.
 *   - First runs are spread over `initialJitterMs` (default: up to 10 s or the interval) so that 500 devices
 *     added at start do not fire in the same millisecond.
 *   - Then each task drifts, by at most a tenth of its interval per run, towards its own phase (a hash of its
 *     id, spread over the interval): 1,000 devices started within 10 s end up evenly spread over their
 *     minute instead of polling in a 10-s burst every minute, and no gap between two runs exceeds 1.1
 *     intervals. `spreadPhases: false` keeps a plain fixed rate.
 *   - At most `concurrency` runs (default 64) hold a slot at once; the others wait in due order. A run holds
 *     its slot for `slotHoldMs` (default 500 ms) at most: past that it is waiting on a slow or dead peer, not
 *     working, so it keeps running without a slot. A dead device therefore delays the others by at most
 *     `slotHoldMs`, whatever its timeouts.
 *   - Each run gets an AbortSignal that fires after its timeout (default: its interval) and on remove/stop.
 *     The scheduler still waits for the task's promise before running it again.
 *   - Errors of scheduled runs go to `onError(id, error)`; they never stop the schedule.
 */
export type Task = (signal: AbortSignal) => Promise<void>;

export interface SchedulerOptions {
  concurrency?: number;
  slotHoldMs?: number;
  /** Upper bound of the random delay before a task's first run; default min(interval, 10 s). */
  initialJitterMs?: number;
  /** Default per-run timeout from the interval; default: the interval itself. */
  runTimeoutMs?: (intervalMs: number) => number;
  onError?: (id: string, error: unknown) => void;
  /** Randomness for the jitter (tests pass a fixed one). */
  random?: () => number;
  /** Drift each task towards its own phase of the interval (default true; see the guarantees above). */
  spreadPhases?: boolean;
}

export interface AddOptions {
  /** This task's per-run timeout. */
  timeoutMs?: number;
  /** First run as soon as a slot is free instead of after the jitter. */
  runSoon?: boolean;
}

export interface TaskStats {
  running: boolean;
  runs: number;
  lastStart: number | null;
  lastDurationMs: number | null;
  nextDue: number | null;
}

interface Entry {
  id: string;
  intervalMs: number;
  timeoutMs: number | undefined;
  task: Task;
  timer: NodeJS.Timeout | null;
  queued: boolean;
  running: Promise<void> | null;
  controller: AbortController | null;
  removed: boolean;
  runs: number;
  lastStart: number | null;
  lastDurationMs: number | null;
  nextDue: number | null;
  /** Callers of runNow() waiting for the run that is queued for them. */
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

export class Scheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly ready: Entry[] = [];
  private slots = 0;
  private stopped = false;
  private readonly concurrency: number;
  private readonly slotHoldMs: number;

  constructor(private readonly options: SchedulerOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 64);
    this.slotHoldMs = Math.max(0, options.slotHoldMs ?? 500);
  }

  add(id: string, intervalMs: number, task: Task, addOptions: AddOptions = {}): void {
    if (this.stopped) throw new Error('Scheduler stopped');
    if (this.entries.has(id)) throw new Error(`Task ${id} already scheduled`);
    checkInterval(intervalMs);
    const entry: Entry = {
      id,
      intervalMs,
      timeoutMs: addOptions.timeoutMs,
      task,
      timer: null,
      queued: false,
      running: null,
      controller: null,
      removed: false,
      runs: 0,
      lastStart: null,
      lastDurationMs: null,
      nextDue: null,
      waiters: [],
    };
    this.entries.set(id, entry);
    const jitterMax = this.options.initialJitterMs ?? Math.min(intervalMs, 10_000);
    const delay = addOptions.runSoon ? 0 : Math.floor((this.options.random ?? Math.random)() * jitterMax);
    this.arm(entry, Date.now() + delay);
  }

  update(id: string, intervalMs: number): void {
    checkInterval(intervalMs);
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`No task ${id}`);
    entry.intervalMs = intervalMs;
    if (entry.running || entry.queued) return;
    this.arm(entry, entry.lastStart === null ? (entry.nextDue ?? Date.now()) : entry.lastStart + intervalMs);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.removed = true;
    this.entries.delete(id);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    const i = this.ready.indexOf(entry);
    if (i >= 0) this.ready.splice(i, 1);
    entry.queued = false;
    entry.controller?.abort('removed');
    for (const w of entry.waiters.splice(0)) w.reject(new Error(`Task ${id} removed`));
  }

  runNow(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.reject(new Error(`No task ${id}`));
    if (entry.running) return entry.running;
    return new Promise<void>((resolve, reject) => {
      entry.waiters.push({ resolve, reject });
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      if (!entry.queued) {
        entry.queued = true;
        // Asked by someone waiting for it: ahead of the scheduled ones.
        this.ready.unshift(entry);
      }
      this.pump();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const running: Promise<void>[] = [];
    for (const entry of [...this.entries.values()]) {
      const run = entry.running;
      this.remove(entry.id);
      if (run) running.push(run.catch(() => undefined));
    }
    await Promise.all(running);
  }

  stats(id: string): TaskStats | null {
    const e = this.entries.get(id);
    if (!e) return null;
    return { running: e.running !== null, runs: e.runs, lastStart: e.lastStart, lastDurationMs: e.lastDurationMs, nextDue: e.nextDue };
  }

  get size(): number {
    return this.entries.size;
  }

  private arm(entry: Entry, due: number): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    entry.nextDue = due;
    const enqueue = (): void => {
      entry.timer = null;
      if (entry.removed || entry.running || entry.queued) return;
      entry.queued = true;
      this.ready.push(entry);
      this.pump();
    };
    const delay = due - Date.now();
    // Already due (an overrun): queue it now rather than through a timer that would add a tick.
    if (delay <= 0 && !entry.running) queueMicrotask(enqueue);
    else {
      entry.timer = setTimeout(enqueue, Math.max(0, delay));
      entry.timer.unref?.();
    }
  }

  private pump(): void {
    while (this.slots < this.concurrency && this.ready.length > 0 && !this.stopped) {
      const entry = this.ready.shift();
      if (!entry) break;
      entry.queued = false;
      if (entry.removed || entry.running) continue;
      this.start(entry);
    }
  }

  private start(entry: Entry): void {
    this.slots++;
    let holding = true;
    const free = (): void => {
      if (!holding) return;
      holding = false;
      clearTimeout(hold);
      this.slots--;
      this.pump();
    };
    const hold = setTimeout(free, this.slotHoldMs);
    hold.unref?.();

    const controller = new AbortController();
    const timeoutMs = entry.timeoutMs ?? this.options.runTimeoutMs?.(entry.intervalMs) ?? entry.intervalMs;
    const deadline = setTimeout(() => controller.abort(new Error(`run timed out after ${timeoutMs} ms`)), timeoutMs);
    deadline.unref?.();
    const started = Date.now();
    entry.controller = controller;
    entry.lastStart = started;
    entry.runs++;
    const waiters = entry.waiters.splice(0);

    const run = (async () => {
      try {
        await entry.task(controller.signal);
        for (const w of waiters) w.resolve();
      } catch (error) {
        if (waiters.length > 0) for (const w of waiters) w.reject(error);
        else this.options.onError?.(entry.id, error);
        if (waiters.length === 0) return;
        throw error;
      } finally {
        clearTimeout(deadline);
        entry.lastDurationMs = Date.now() - started;
        entry.running = null;
        entry.controller = null;
        free();
        if (!entry.removed && !this.stopped) {
          // Fixed rate from the last start, nudged towards the task's phase; a run that overran its interval
          // starts again right away.
          const next = started + entry.intervalMs;
          const nudge = this.options.spreadPhases === false ? 0 : phaseNudge(entry.id, next, entry.intervalMs);
          this.arm(entry, Math.max(next + nudge, Date.now()));
        }
      }
    })();
    // The promise is handed to runNow() callers; scheduled runs must not leave it rejected unobserved.
    run.catch(() => undefined);
    entry.running = run;
  }
}

/**
 * A task's phase within its interval, from a hash of its id so that a device keeps its place across restarts:
 * FNV-1a, then a finaliser (ids like dev-0001, dev-0002 differ in a last character, which FNV alone leaves
 * clustered in the high bits).
 */
function phaseOf(id: string, intervalMs: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return ((h >>> 0) / 2 ** 32) * intervalMs;
}

/** Shift (ms, ±10 % of the interval at most) that moves a run due at `due` towards the task's phase. */
export function phaseNudge(id: string, due: number, intervalMs: number): number {
  const at = ((due % intervalMs) + intervalMs) % intervalMs;
  let shift = phaseOf(id, intervalMs) - at;
  // The shorter way round the interval.
  if (shift > intervalMs / 2) shift -= intervalMs;
  else if (shift < -intervalMs / 2) shift += intervalMs;
  const max = intervalMs / 10;
  // + 0: no -0 (a run at its phase is moved by nothing, not by minus nothing).
  return Math.round(Math.max(-max, Math.min(max, shift))) + 0;
}

function checkInterval(intervalMs: number): void {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new Error(`Invalid interval ${intervalMs}`);
}
