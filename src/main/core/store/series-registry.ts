import { seriesKey } from '../../../shared/series-key';
import type { Unit } from '../../../shared/units';
import { flatString } from '../flat-string';
import type { SeriesMeta } from './metric-store';
import { OpenSamples } from './open-samples';
import type { SeriesHistory } from './series-history';

/**
 * One series as the store keeps it in memory: its id, metadata, latest value, and the samples not yet sealed
 * into a raw chunk (the same samples as the staging rows on disk, per series and sorted, so that reads of the
 * last hour never scan the staging log).
 */
export interface Series {
  sid: number;
  key: string;
  deviceId: string;
  metric: string;
  instance: string;
  unit: Unit;
  history: SeriesHistory;
  lastAt: number;
  lastValue: number;
  /** Smoothed sampling interval (ms), 0 until two samples were seen: sizes raw queries, marks gaps. */
  intervalMs: number;
  /** Samples not yet sealed, compact (./open-samples.ts). */
  open: OpenSamples;
  /** Ingest batch that last wrote this series: one sample per series per batch. */
  batch: number;
}

/**
 * One copy of each device id, metric name and unit for every series that names it. Series loaded at start
 * come from database rows, each its own string: 88,000 series held 88,000 copies of "full" and of their
 * device ids and metric names. Bounded by the devices and metric names there are.
 */
const interned = new Map<string, string>();
function intern<T extends string>(s: T): T {
  const known = interned.get(s);
  if (known !== undefined) return known as T;
  interned.set(s, s);
  return s;
}

export function newSeries(sid: number, deviceId: string, metric: string, instance: string, unit: Unit, history: SeriesHistory = 'full'): Series {
  return {
    sid,
    key: flatString(seriesKey(deviceId, metric, instance)),
    deviceId: intern(deviceId),
    metric: intern(metric),
    instance,
    unit: intern(unit),
    history: intern(history),
    lastAt: Number.NEGATIVE_INFINITY,
    lastValue: Number.NaN,
    intervalMs: 0,
    open: new OpenSamples(),
    batch: 0,
  };
}

export function metaOf(s: Series): SeriesMeta {
  return { key: s.key, deviceId: s.deviceId, metric: s.metric, instance: s.instance, unit: s.unit };
}

/** Appends a sample that is later than every sample of the series (ingest guarantees it). */
export function appendOpen(s: Series, t: number, v: number): void {
  s.open.append(t, v);
  if (Number.isFinite(s.lastAt)) {
    const delta = t - s.lastAt;
    s.intervalMs = s.intervalMs === 0 ? delta : s.intervalMs + (Math.min(delta, 4 * s.intervalMs) - s.intervalMs) / 4;
  }
  s.lastAt = t;
  s.lastValue = v;
}

/**
 * The series in memory, by key, by id and by device. Deliberately lean (measured with 88,000 series): a
 * nested device → metric → instance map cost ~12 MB of hash tables to save building one key string per
 * sample, and an id → series Map ~4 MB where an array indexed by id (ids are the table's rowids) costs 0.4.
 */
export class SeriesRegistry {
  private readonly byKey = new Map<string, Series>();
  private readonly bySid: (Series | undefined)[] = [];
  private readonly byDevice = new Map<string, Set<Series>>();
  private sortedSids: number[] = [];
  private sorted = true;

  get size(): number {
    return this.byKey.size;
  }

  key(key: string): Series | undefined {
    return this.byKey.get(key);
  }

  lookup(deviceId: string, metric: string, instance: string): Series | undefined {
    return this.byKey.get(seriesKey(deviceId, metric, instance));
  }

  sid(sid: number): Series | undefined {
    return this.bySid[sid];
  }

  device(deviceId: string): Series[] {
    return [...(this.byDevice.get(deviceId) ?? [])];
  }

  all(): IterableIterator<Series> {
    return this.byKey.values();
  }

  /** Series ids in ascending order: sealing passes walk them with a resumable cursor. */
  sids(): readonly number[] {
    if (!this.sorted) {
      this.sortedSids.sort((a, b) => a - b);
      this.sorted = true;
    }
    return this.sortedSids;
  }

  add(s: Series): void {
    this.byKey.set(s.key, s);
    this.bySid[s.sid] = s;
    let set = this.byDevice.get(s.deviceId);
    if (!set) this.byDevice.set(s.deviceId, (set = new Set()));
    set.add(s);
    const last = this.sortedSids[this.sortedSids.length - 1];
    if (last !== undefined && s.sid < last) this.sorted = false;
    this.sortedSids.push(s.sid);
  }

  remove(s: Series): void {
    this.byKey.delete(s.key);
    if (this.bySid[s.sid] === s) this.bySid[s.sid] = undefined;
    const set = this.byDevice.get(s.deviceId);
    set?.delete(s);
    if (set?.size === 0) this.byDevice.delete(s.deviceId);
    this.sortedSids = this.sortedSids.filter((sid) => sid !== s.sid);
  }
}
