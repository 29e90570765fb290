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

interface Previous {
  value: bigint;
  at: number;
  agentUptime: number | null;
}

const TWO_32 = 1n << 32n;
const HALF_32 = 1n << 31n;

/** The counter's value in its own width (a signed or oversized input is read modulo 2^bits); null if not a number. */
function toCounterValue(value: number | bigint, bits: 32 | 64): bigint | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const big = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  return BigInt.asUintN(bits, big);
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

export class CounterRates {
  private readonly previous = new Map<string, Previous>();

  rate(key: string, sample: CounterSample): number | null {
    const value = toCounterValue(sample.value, sample.bits);
    if (value === null || !Number.isFinite(sample.at)) return null;
    const uptime = sample.agentUptime ?? null;
    const prev = this.previous.get(key);
    this.previous.set(key, { value, at: sample.at, agentUptime: uptime });
    if (!prev) return null;
    const seconds = (sample.at - prev.at) / 1000;
    if (seconds <= 0) return null;
    if (uptime !== null && prev.agentUptime !== null && restarted(prev.agentUptime, uptime, seconds)) return null;
    let delta = value - prev.value;
    if (delta < 0n) {
      // Backwards without a restart: a wrap. A 64-bit counter wrapping between two polls would need
      // exabytes per minute, so a backwards 64-bit counter is a reset the agent did not report.
      if (sample.bits === 64) return null;
      delta += TWO_32;
      // A real wrap between two polls covers less than half the counter; a larger corrected delta means the
      // counter was reset (e.g. "clear counters" on a switch, which leaves sysUpTime alone).
      if (delta < 0n || delta >= HALF_32) return null;
    }
    const rate = Number(delta) / seconds;
    if (sample.maxRate !== undefined && rate > sample.maxRate) return null;
    return rate;
  }

  /** Forget series not sampled since `at` (ms): vanished processes, interfaces, disks. */
  forgetOlderThan(at: number): void {
    for (const [key, prev] of this.previous) if (prev.at < at) this.previous.delete(key);
  }

  /** Forget every series whose key starts with prefix (a removed device, a vanished interface). */
  forget(prefix: string): void {
    for (const key of this.previous.keys()) if (key.startsWith(prefix)) this.previous.delete(key);
  }

  get size(): number {
    return this.previous.size;
  }
}
