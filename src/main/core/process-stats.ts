import { readdirSync } from 'node:fs';
import { createHistogram, performance, type RecordableHistogram } from 'node:perf_hooks';

/** Timer period of the lag histogram: fine enough for a 50 ms bar, coarse enough to cost nothing. */
const RESOLUTION_MS = 10;

export interface EventLoopLag {
  /** Seconds a timer fired late, over the window since the previous reading. */
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

export interface ProcessStatsReading {
  residentBytes: number;
  heapUsedBytes: number;
  /** What V8 holds for the heap (used + free space it keeps): the gap to RSS is the rest of the process. */
  heapTotalBytes: number;
  /** Memory of C++ objects bound to JS (buffers, typed arrays' storage). */
  externalBytes: number;
  cpuSeconds: number;
  startTimeSeconds: number;
  /** Null where /proc is missing (not Linux): an absent figure, never a made-up 0. */
  openFds: number | null;
  lag: EventLoopLag | null;
}

function openFds(): number | null {
  try {
    // readdirSync holds one descriptor on the folder while it lists it: not one of the process's own.
    return readdirSync('/proc/self/fd').length - 1;
  } catch {
    return null;
  }
}

/**
 * The process's own health, for an admin's scrape: memory, descriptors, CPU and how late the event loop
 * runs timers. The lag window restarts at each reading, so each scrape answers "how late were timers since
 * the last scrape" rather than a since-boot figure that a morning spike would pin for days.
 */
export class ProcessStats {
  // A plain timer rather than monitorEventLoopDelay: resetting that histogram drops the interval in
  // progress, so a block just before a scrape (the scrape's own work included) would vanish from every window.
  private timer: NodeJS.Timeout | null = null;
  private readonly histogram: RecordableHistogram = createHistogram();
  private lastTick = 0;
  // Whole seconds rounded down: rounded up, a process started in the last half second would start in the future.
  private readonly startTimeSeconds = Math.floor(Date.now() / 1000 - process.uptime());

  start(): void {
    if (this.timer) return;
    this.lastTick = performance.now();
    this.timer = setInterval(() => this.tick(), RESOLUTION_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  read(): ProcessStatsReading {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    return {
      residentBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      startTimeSeconds: this.startTimeSeconds,
      openFds: openFds(),
      lag: this.takeLag(),
    };
  }

  /** Records how late this tick came (µs; the histogram takes integers ≥ 1). */
  private tick(): void {
    const now = performance.now();
    const lateMs = now - this.lastTick - RESOLUTION_MS;
    this.lastTick = now;
    this.histogram.record(Math.max(1, Math.round(lateMs * 1000)));
  }

  private takeLag(): EventLoopLag | null {
    if (!this.timer) return null;
    // The interval in progress counts now (a scrape that comes right after a block must show it).
    if (performance.now() - this.lastTick > RESOLUTION_MS) this.tick();
    const h = this.histogram;
    if (h.count === 0) return null;
    const s = (us: number): number => us / 1e6;
    const lag = { p50: s(h.percentile(50)), p99: s(h.percentile(99)), max: s(h.max), samples: h.count };
    h.reset();
    return lag;
  }
}
