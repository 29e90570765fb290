import { seriesKey } from '../../../shared/series-key';
import { UNITS } from '../../../shared/units';
import type { SampleInput } from './metric-store';
import { appendSample } from './open-samples';
import { isSeriesHistory, type SeriesHistory } from './series-history';
import { newSeries, type Series } from './series-registry';
import { sealedUntil, type StoreContext } from './store-context';
import { DAY, MAX_SERIES_ID } from './tiers';

const KNOWN_UNITS = new Set<string>(UNITS);
/** A sample dated more than this ahead of the wall clock is refused: it would block the series until then. */
const MAX_FUTURE_MS = DAY;
const MAX_KEY_LENGTH = 400;

/**
 * Staging rows hold one batch: n doubles (values) then n uint32 (series ids), 12 bytes per sample. Written
 * once, read only after a crash or restart, deleted once sealed: not worth compressing on the hot path.
 */
export function encodeStaging(values: Float64Array, sids: Uint32Array, n: number): Buffer {
  const buf = new ArrayBuffer(12 * n);
  new Float64Array(buf, 0, n).set(values.subarray(0, n));
  new Uint32Array(buf, 8 * n, n).set(sids.subarray(0, n));
  return Buffer.from(buf);
}

export function decodeStaging(data: Uint8Array): { values: Float64Array; sids: Uint32Array } {
  if (data.byteLength % 12 !== 0) throw new Error('metric store: malformed staging row');
  const n = data.byteLength / 12;
  const copy = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  return { values: new Float64Array(copy, 0, n), sids: new Uint32Array(copy, 8 * n, n) };
}

/** An unknown policy (a caller outside TypeScript) keeps everything rather than losing data. */
function historyOf(sample: SampleInput): SeriesHistory {
  return isSeriesHistory(sample.history) ? sample.history : 'full';
}

function validName(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && !s.includes('|');
}

export class Ingester {
  private values = new Float64Array(1024);
  private sids = new Uint32Array(1024);
  private accepted: Series[] = [];
  private batch = 0;
  private readonly run: (t: number, samples: readonly SampleInput[], created: Series[]) => number;

  constructor(private readonly ctx: StoreContext) {
    this.run = ctx.db.transaction((t: number, samples: readonly SampleInput[], created: Series[]) => this.stage(t, samples, created));
  }

  ingest(at: number, samples: readonly SampleInput[]): void {
    if (!Number.isFinite(at) || at < 0) throw new Error(`metric store: invalid sample time ${String(at)}`);
    const t = Math.floor(at);
    if (t > this.ctx.wallClock() + MAX_FUTURE_MS) {
      this.ctx.rejected += samples.length;
      return;
    }
    if (samples.length > this.values.length) {
      this.values = new Float64Array(samples.length * 2);
      this.sids = new Uint32Array(samples.length * 2);
    }
    const created: Series[] = [];
    let n: number;
    try {
      n = this.run(t, samples, created);
    } catch (error) {
      for (const s of created) this.ctx.registry.remove(s);
      throw new Error(`metric store: ingest failed: ${(error as Error).message}`, { cause: error });
    }
    // Memory follows the disk only once the batch is committed.
    for (let i = 0; i < n; i++) appendSample(this.accepted[i]!, t, this.values[i]!);
    this.accepted.length = 0;
    if (t > this.ctx.clock) this.ctx.clock = t;
  }

  private stage(t: number, samples: readonly SampleInput[], created: Series[]): number {
    const batch = ++this.batch;
    const { registry, stmts } = this.ctx;
    let n = 0;
    for (const sample of samples) {
      const v = sample.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        this.ctx.rejected++;
        continue;
      }
      let s = registry.lookup(sample.deviceId, sample.metric, sample.instance);
      if (!s) {
        s = this.register(sample);
        if (!s) continue;
        created.push(s);
      } else {
        if (s.unit !== sample.unit && KNOWN_UNITS.has(sample.unit)) {
          stmts.updateUnit.run(sample.unit, s.sid);
          s.unit = sample.unit;
        }
        const history = historyOf(sample);
        if (s.history !== history) {
          // A policy change applies from the next sealing on; what is already sealed stays until retention.
          stmts.updateHistory.run(history, s.sid);
          s.history = history;
        }
      }
      // One sample per series per batch, strictly after the previous one and not in a sealed window.
      if (s.batch === batch || t <= s.lastAt || t < sealedUntil(this.ctx, 0, s)) {
        this.ctx.rejected++;
        continue;
      }
      s.batch = batch;
      this.values[n] = v;
      this.sids[n] = s.sid;
      this.accepted[n] = s;
      n++;
    }
    if (n > 0) stmts.insertStaging.run(t, encodeStaging(this.values, this.sids, n));
    return n;
  }

  private register(sample: SampleInput): Series | undefined {
    const { deviceId, metric, instance, unit } = sample;
    if (!validName(deviceId) || !validName(metric) || typeof instance !== 'string' || !KNOWN_UNITS.has(unit)) {
      this.ctx.rejected++;
      return undefined;
    }
    if (seriesKey(deviceId, metric, instance).length > MAX_KEY_LENGTH) {
      this.ctx.rejected++;
      return undefined;
    }
    const history = historyOf(sample);
    const sid = Number(this.ctx.stmts.insertSeries.run(deviceId, metric, instance, unit, history).lastInsertRowid);
    if (sid > MAX_SERIES_ID) throw new Error(`more than ${MAX_SERIES_ID} series were ever registered in this store`);
    const s = newSeries(sid, deviceId, metric, instance, unit, history);
    this.ctx.registry.add(s);
    return s;
  }
}
