/**
 * Turns monotonic counters into per-second rates, the way RRDtool's COUNTER data sources do, with the two
 * traps that produce absurd spikes in naive pollers:
 *  - a counter that goes backwards is either a wrap (add 2^32 or 2^64) or a restart of the agent; the agent's
 *    uptime (sysUpTime) tells them apart, and a 64-bit counter practically never wraps;
 *  - a wrap guessed wrong on a reset still yields a huge delta; a caller-supplied ceiling (e.g. the interface
 *    speed) rejects it.
 * The first sample, a restart and an implausible rate give null: a gap in the chart, never a negative value.
 */
export interface CounterSample {
  /** Counter value; bigint for Counter64, whose values exceed 2^53. */
  value: number | bigint;
  /** Sample time in ms. */
  at: number;
  bits: 32 | 64;
  /** The agent's uptime in seconds at this sample; a smaller value than last time means it restarted. */
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
const TWO_64 = 1n << 64n;

function toBigInt(value: number | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
}

export class CounterRates {
  private readonly previous = new Map<string, Previous>();

  rate(key: string, sample: CounterSample): number | null {
    const value = toBigInt(sample.value);
    const uptime = sample.agentUptime ?? null;
    const prev = this.previous.get(key);
    this.previous.set(key, { value, at: sample.at, agentUptime: uptime });
    if (!prev) return null;
    const seconds = (sample.at - prev.at) / 1000;
    if (seconds <= 0) return null;
    if (uptime !== null && prev.agentUptime !== null && uptime < prev.agentUptime) return null;
    let delta = value - prev.value;
    if (delta < 0n) {
      // Backwards without a restart: a wrap. A 64-bit counter wrapping between two polls would need
      // exabytes per minute, so a backwards 64-bit counter is a reset the agent did not report.
      if (sample.bits === 64) return null;
      delta += TWO_32;
      if (delta < 0n || delta >= TWO_32) return null;
    }
    if (sample.bits === 64 && delta >= TWO_64) return null;
    const rate = Number(delta) / seconds;
    if (sample.maxRate !== undefined && rate > sample.maxRate) return null;
    return rate;
  }

  /** Forget every series whose key starts with prefix (a removed device, a vanished interface). */
  forget(prefix: string): void {
    for (const key of this.previous.keys()) if (key.startsWith(prefix)) this.previous.delete(key);
  }

  get size(): number {
    return this.previous.size;
  }
}
