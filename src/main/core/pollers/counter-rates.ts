import { flatString } from '../flat-string';

/**
 * Turns monotonic counters into per-second rates, the way RRDtool's COUNTER data sources do, with the two
 * traps that produce absurd spikes in naive pollers:
 *  - a counter that goes backwards is either a wrap (add 2^32 or 2^64) or a restart of the agent; the agent's
 *    uptime (sysUpTime) tells them apart, and a 64-bit counter practically never wraps;
 *  - a 32-bit counter reset without an agent restart (cleared counters) looks like a wrap: a wrap is only
 *    believed when it covers less than half the counter space (2^31), and a caller-supplied ceiling (e.g.
 *    the interface speed) rejects what remains implausible.
 * The first sample, a restart and an implausible rate give null: a gap in the chart, never a negative value.
 */
export interface CounterSample {
  /** Counter value; bigint for Counter64, whose values exceed 2^53. */
  value: number | bigint;
  /** Sample time in ms. */
  at: number;
  bits: 32 | 64;
  /** The agent's uptime in seconds at this sample: it tells a restart (counters back to 0) from a wrap. */
  agentUptime?: number | null;
  /** Highest plausible rate per second; anything above is treated as a reset. */
  maxRate?: number;
}

const TWO_32 = 2 ** 32;
const HALF_32 = 2 ** 31;
const MASK_32 = 0xffffffffn;

/**
 * The counter's value in its own width (a signed or oversized input is read modulo 2^bits) as two exact
 * 32-bit halves; null if not a number.
 */
function toHalves(value: number | bigint, bits: 32 | 64): [number, number] | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const n = Math.trunc(value);
    if (bits === 32 || (n >= 0 && n <= Number.MAX_SAFE_INTEGER)) {
      if (bits === 32) return [0, ((n % TWO_32) + TWO_32) % TWO_32];
      return [Math.floor(n / TWO_32), n % TWO_32];
    }
    return toHalves(BigInt(n), bits);
  }
  const v = BigInt.asUintN(bits, value);
  return [Number(v >> 32n), Number(v & MASK_32)];
}

/**
 * An agent that restarted since the last sample has an uptime below the previous one, or below the time
 * elapsed since then (it cannot have been up longer than that). The second test catches a restart even when
 * the poll interval is longer than the new uptime; it allows 30 s plus 5 % for the poll's own duration and
 * clock drift. A frozen uptime (simulators, stuck agents) is not taken for a restart.
 */
function restarted(prevUptime: number, uptime: number, seconds: number): boolean {
  return uptime < prevUptime || uptime < seconds - (30 + seconds * 0.05);
}

/** Columns per slot: value high half, value low half, time (ms), agent uptime (s, NaN when unknown). */
const STRIDE = 4;

/**
 * One slot per counter in a typed array rather than an object per counter: a 1,000-device site keeps
 * ~160,000 counters, and objects with a bigint and boxed numbers each cost ~36 MB of heap (issue 18, soak).
 */
export class CounterRates {
  private readonly slots = new Map<string, number>();
  private cols = new Float64Array(16 * STRIDE);
  private readonly free: number[] = [];
  private used = 0;

  rate(key: string, sample: CounterSample): number | null {
    const halves = toHalves(sample.value, sample.bits);
    if (halves === null || !Number.isFinite(sample.at)) return null;
    const [hi, lo] = halves;
    const uptime = sample.agentUptime ?? Number.NaN;
    let slot = this.slots.get(key);
    const known = slot !== undefined;
    if (slot === undefined) {
      slot = this.allocate();
      this.slots.set(flatString(key), slot);
    }
    const c = this.cols;
    const at = slot * STRIDE;
    const prevHi = c[at]!;
    const prevLo = c[at + 1]!;
    const prevAt = c[at + 2]!;
    const prevUptime = c[at + 3]!;
    c[at] = hi;
    c[at + 1] = lo;
    c[at + 2] = sample.at;
    c[at + 3] = uptime;
    if (!known) return null;
    const seconds = (sample.at - prevAt) / 1000;
    if (seconds <= 0) return null;
    if (!Number.isNaN(uptime) && !Number.isNaN(prevUptime) && restarted(prevUptime, uptime, seconds)) return null;
    // Exact: both halves are integers below 2^32, and any real delta is far below 2^53.
    let delta = (hi - prevHi) * TWO_32 + (lo - prevLo);
    if (delta < 0) {
      // Backwards without a restart: a wrap. A 64-bit counter wrapping between two polls would need
      // exabytes per minute, so a backwards 64-bit counter is a reset the agent did not report.
      if (sample.bits === 64) return null;
      delta += TWO_32;
      // A real wrap between two polls covers less than half the counter; a larger corrected delta means the
      // counter was reset (e.g. "clear counters" on a switch, which leaves sysUpTime alone).
      if (delta < 0 || delta >= HALF_32) return null;
    }
    const rate = delta / seconds;
    if (sample.maxRate !== undefined && rate > sample.maxRate) return null;
    return rate;
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if ((this.used + 1) * STRIDE > this.cols.length) {
      const grown = new Float64Array(this.cols.length * 2);
      grown.set(this.cols);
      this.cols = grown;
    }
    return this.used++;
  }

  private release(key: string, slot: number): void {
    this.slots.delete(key);
    this.free.push(slot);
  }

  /** Forget series not sampled since `at` (ms): vanished processes, interfaces, disks. */
  forgetOlderThan(at: number): void {
    for (const [key, slot] of this.slots) if (this.cols[slot * STRIDE + 2]! < at) this.release(key, slot);
  }

  /** Forget every series whose key starts with prefix (a removed device, a vanished interface). */
  forget(prefix: string): void {
    for (const [key, slot] of this.slots) if (key.startsWith(prefix)) this.release(key, slot);
  }

  get size(): number {
    return this.slots.size;
  }
}
