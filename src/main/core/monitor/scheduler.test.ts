import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { phaseNudge, Scheduler } from './scheduler';

/** A task that records its runs and takes `ms` (or until aborted when ms is Infinity). */
function recorder(ms: number, log: { id: string; start: number; end?: number; aborted?: boolean }[], id: string) {
  let running = 0;
  let maxRunning = 0;
  const task = async (signal: AbortSignal): Promise<void> => {
    const entry: { id: string; start: number; end?: number; aborted?: boolean } = { id, start: Date.now() };
    log.push(entry);
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      await new Promise<void>((resolve) => {
        const t = Number.isFinite(ms) ? setTimeout(resolve, ms) : null;
        signal.addEventListener('abort', () => {
          if (t) clearTimeout(t);
          entry.aborted = true;
          resolve();
        });
      });
    } finally {
      running--;
      entry.end = Date.now();
    }
  };
  return { task, max: () => maxRunning };
}

describe('Scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('runs a task at its interval after a first jittered run', async () => {
    const s = new Scheduler({ spreadPhases: false, random: () => 0.5, initialJitterMs: 1000 });
    const log: { id: string; start: number }[] = [];
    s.add('a', 10_000, recorder(100, log, 'a').task);
    await vi.advanceTimersByTimeAsync(35_000);
    expect(log.map((r) => r.start)).toEqual([500, 10_500, 20_500, 30_500]);
    await s.stop();
  });

  it('never runs a task twice at once; an overrunning run delays only its own next run', async () => {
    const s = new Scheduler({ spreadPhases: false, initialJitterMs: 0, runTimeoutMs: () => 60_000 });
    const log: { id: string; start: number; end?: number }[] = [];
    const slow = recorder(2500, log, 'slow');
    const fast = recorder(10, log, 'fast');
    s.add('slow', 1000, slow.task);
    s.add('fast', 1000, fast.task);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(slow.max()).toBe(1);
    const slowStarts = log.filter((r) => r.id === 'slow').map((r) => r.start);
    // Back to back: each run starts when the previous one ends.
    expect(slowStarts).toEqual([0, 2500, 5000, 7500, 10_000]);
    expect(log.filter((r) => r.id === 'fast').map((r) => r.start)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    await s.stop();
  });

  it('holds at most `concurrency` runs at once', async () => {
    const s = new Scheduler({ spreadPhases: false, concurrency: 3, slotHoldMs: 60_000, initialJitterMs: 0 });
    const log: { id: string; start: number; end?: number }[] = [];
    for (let i = 0; i < 10; i++) s.add(`t${i}`, 60_000, recorder(500, log, `t${i}`).task);
    await vi.advanceTimersByTimeAsync(2000);
    expect(log.length).toBe(10);
    for (let t = 0; t < 2000; t += 50) {
      const running = log.filter((r) => r.start <= t && (r.end ?? Infinity) > t).length;
      expect(running).toBeLessThanOrEqual(3);
    }
    expect(log.map((r) => r.start)).toEqual([0, 0, 0, 500, 500, 500, 1000, 1000, 1000, 1500]);
    await s.stop();
  });

  it('a dead device does not delay the others by more than slotHoldMs', async () => {
    const s = new Scheduler({ spreadPhases: false, concurrency: 2, slotHoldMs: 100, initialJitterMs: 0, runTimeoutMs: () => 4000 });
    const log: { id: string; start: number; end?: number; aborted?: boolean }[] = [];
    for (let i = 0; i < 5; i++) s.add(`dead${i}`, 10_000, recorder(Infinity, log, `dead${i}`).task);
    for (let i = 0; i < 5; i++) s.add(`live${i}`, 10_000, recorder(20, log, `live${i}`).task);
    await vi.advanceTimersByTimeAsync(25_000);
    const live = log.filter((r) => r.id.startsWith('live'));
    // First runs: 5 dead ahead in the queue, 2 slots, 100 ms each → the live ones start within 300 ms.
    for (const r of live.filter((x) => x.start < 10_000)) expect(r.start).toBeLessThanOrEqual(300);
    // Later cycles keep their rhythm: started 10 s after their previous start.
    for (let i = 0; i < 5; i++) {
      const starts = live.filter((r) => r.id === `live${i}`).map((r) => r.start);
      expect(starts.length).toBe(3);
      expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBe(10_000);
    }
    // The dead ones were aborted at their 4 s timeout.
    const dead = log.filter((r) => r.id.startsWith('dead') && r.start < 10_000);
    expect(dead.every((r) => r.aborted && (r.end ?? 0) - r.start === 4000)).toBe(true);
    await s.stop();
  });

  it('aborts a run at its timeout and reports errors without stopping the schedule', async () => {
    const errors: string[] = [];
    const s = new Scheduler({ spreadPhases: false, initialJitterMs: 0, onError: (id, e) => errors.push(`${id}:${(e as Error).message}`) });
    let runs = 0;
    s.add(
      'x',
      1000,
      async (signal) => {
        runs++;
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        throw new Error(String((signal.reason as Error).message));
      },
      { timeoutMs: 300 },
    );
    await vi.advanceTimersByTimeAsync(2500);
    expect(runs).toBe(3);
    expect(errors[0]).toBe('x:run timed out after 300 ms');
    await s.stop();
  });

  it('runNow runs at once, joins a run in progress, rejects with the task error', async () => {
    const s = new Scheduler({ spreadPhases: false, initialJitterMs: 0 });
    const log: { id: string; start: number; end?: number }[] = [];
    s.add('a', 60_000, recorder(100, log, 'a').task, { runSoon: false });
    await vi.advanceTimersByTimeAsync(200);
    expect(log.length).toBe(1);
    vi.setSystemTime(5000);
    const now = s.runNow('a');
    const joined = s.runNow('a');
    await vi.advanceTimersByTimeAsync(100);
    await now;
    await joined;
    expect(log.map((r) => r.start)).toEqual([0, 5000]);
    // The next scheduled run counts from the runNow start.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.map((r) => r.start)).toEqual([0, 5000, 65_000]);

    s.add('bad', 60_000, () => Promise.reject(new Error('boom')), { runSoon: true });
    await vi.advanceTimersByTimeAsync(10);
    await expect(s.runNow('bad')).rejects.toThrow('boom');
    await expect(s.runNow('nope')).rejects.toThrow('No task nope');
    await s.stop();
  });

  it('remove aborts the run in progress and stops the schedule; update changes the interval', async () => {
    const s = new Scheduler({ spreadPhases: false, initialJitterMs: 0 });
    const log: { id: string; start: number; end?: number; aborted?: boolean }[] = [];
    s.add('a', 1000, recorder(Infinity, log, 'a').task);
    s.add('b', 1000, recorder(10, log, 'b').task);
    await vi.advanceTimersByTimeAsync(10);
    s.remove('a');
    await vi.advanceTimersByTimeAsync(10);
    expect(log.find((r) => r.id === 'a')?.aborted).toBe(true);
    s.update('b', 5000);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(log.filter((r) => r.id === 'a').length).toBe(1);
    expect(log.filter((r) => r.id === 'b').map((r) => r.start)).toEqual([0, 5000, 10_000]);
    expect(s.size).toBe(1);
    await s.stop();
    expect(s.size).toBe(0);
    expect(() => s.add('c', 1000, () => Promise.resolve())).toThrow('stopped');
  });

  it('stop aborts every run and waits for them', async () => {
    const s = new Scheduler({ spreadPhases: false, initialJitterMs: 0 });
    const log: { id: string; start: number; end?: number; aborted?: boolean }[] = [];
    s.add('a', 1000, recorder(Infinity, log, 'a').task);
    await vi.advanceTimersByTimeAsync(10);
    await s.stop();
    expect(log[0]?.aborted).toBe(true);
    expect(log[0]?.end).toBeDefined();
  });

  it('refuses bad intervals and duplicate ids', () => {
    const s = new Scheduler({ spreadPhases: false });
    expect(() => s.add('a', 0, () => Promise.resolve())).toThrow('Invalid interval');
    s.add('a', 1000, () => Promise.resolve());
    expect(() => s.add('a', 1000, () => Promise.resolve())).toThrow('already');
    void s.stop();
  });

  it('spreads tasks started in a burst over their interval, never stretching a gap past 1.1 intervals', async () => {
    const s = new Scheduler({ initialJitterMs: 0, concurrency: 1000 });
    const log: { id: string; start: number }[] = [];
    const ids = Array.from({ length: 200 }, (_, i) => `bench-${String(i + 1).padStart(4, '0')}`);
    for (const id of ids) s.add(id, 60_000, recorder(10, log, id).task);
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    await s.stop();
    // Every start of the first minute falls within 10 ms (the burst)...
    const first = log.filter((r) => r.start < 1000);
    expect(first).toHaveLength(200);
    // ...and after 15 minutes the starts of one minute cover it: no 6-s slice holds more than 3× its share.
    const late = log.filter((r) => r.start >= 15 * 60_000 && r.start < 16 * 60_000);
    expect(late).toHaveLength(200);
    const perSlice = new Array<number>(10).fill(0);
    for (const r of late) perSlice[Math.floor((r.start % 60_000) / 6000)]!++;
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(60);
    expect(Math.min(...perSlice)).toBeGreaterThanOrEqual(5);
    for (const id of ids) {
      const starts = log.filter((r) => r.id === id).map((r) => r.start);
      for (let i = 1; i < starts.length; i++) {
        const gap = starts[i]! - starts[i - 1]!;
        expect(gap).toBeGreaterThanOrEqual(54_000);
        expect(gap).toBeLessThanOrEqual(66_000);
      }
    }
  });

  it('nudges a run by at most a tenth of the interval, the shorter way round', () => {
    for (const due of [0, 1234, 59_999, 3_600_000 + 17]) {
      const n = phaseNudge('dev', due, 60_000);
      expect(Math.abs(n)).toBeLessThanOrEqual(6000);
    }
    // At its phase a task is not moved: find it, then check a run due there stays put.
    let due = 0;
    while (Math.abs(phaseNudge('dev', due, 60_000)) === 6000) due += 6000;
    const settled = due + phaseNudge('dev', due, 60_000);
    expect(phaseNudge('dev', settled, 60_000)).toBe(0);
  });
});
