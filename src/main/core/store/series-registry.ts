import { seriesKey } from '../../../shared/series-key';
import type { Unit } from '../../../shared/units';
import { flatString } from '../flat-string';
import type { SeriesMeta } from './metric-store';
import { newOpen, openInterval, openLastTime, openLastValue, setOpenLast } from './open-samples';
import type { SeriesHistory } from './series-history';

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

/**
 * One series as the store keeps it in memory: its id, metadata, latest value, and the samples not yet sealed
 * into a raw chunk (the same samples as the staging rows on disk, per series and sorted, so that reads of the
 * last hour never scan the staging log).
 * Lean on purpose (~88,000 of them with 1,000 devices): the last time, last value and interval change at every
 * sample, and a field holding such a double is boxed by V8 (a heap number of its own per series and field), so
 * they live in the header of the samples' buffer (./open-samples.ts) and read through the accessors below.
 * With that header and no object around the samples, 88,000 series cost 17.6 MB of live heap instead of 45.7.
 */
export class Series {
  readonly key: string;
  readonly deviceId: string;
  readonly metric: string;
  /** Samples not yet sealed and the last sample's state, compact (./open-samples.ts). */
  open: ArrayBuffer = newOpen();
  /** Ingest batch that last wrote this series: one sample per series per batch. */
  batch = 0;

  constructor(
    readonly sid: number,
    deviceId: string,
    metric: string,
    readonly instance: string,
    public unit: Unit,
    public history: SeriesHistory,
  ) {
    this.key = flatString(seriesKey(deviceId, metric, instance));
    this.deviceId = intern(deviceId);
    this.metric = intern(metric);
    this.unit = intern(unit);
    this.history = intern(history);
  }

  /** The last sample's time, -∞ before the first. */
  get lastAt(): number {
    return openLastTime(this.open);
  }

  /** The last sample's value, NaN before the first. */
  get lastValue(): number {
    return openLastValue(this.open);
  }

  /** Smoothed sampling interval (ms), 0 until two samples were seen: sizes raw queries, marks gaps. */
  get intervalMs(): number {
    return openInterval(this.open);
  }

  /** The last sample as the database remembers it, at start before the staged samples are replayed. */
  restoreLast(at: number, value: number): void {
    setOpenLast(this.open, at, value);
  }
}

export function newSeries(sid: number, deviceId: string, metric: string, instance: string, unit: Unit, history: SeriesHistory = 'full'): Series {
  return new Series(sid, deviceId, metric, instance, unit, history);
}

export function metaOf(s: Series): SeriesMeta {
  return { key: s.key, deviceId: s.deviceId, metric: s.metric, instance: s.instance, unit: s.unit };
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
