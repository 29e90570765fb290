import type { MetricsResult } from '../../../shared/contract/metrics';
import type { Unit } from '../../../shared/units';
import type { SeriesHistory } from './series-history';

/** One value of one series at one time, as a poll produces it. */
export interface SampleInput {
  deviceId: string;
  metric: string;
  instance: string;
  unit: Unit;
  value: number;
  /** Tiers kept for this series (series-history.ts); omitted: full. The latest batch's choice is remembered. */
  history?: SeriesHistory;
}

export interface SeriesMeta {
  key: string;
  deviceId: string;
  metric: string;
  instance: string;
  unit: Unit;
}

export interface LatestValue extends SeriesMeta {
  at: number;
  value: number;
}

/**
 * The local round-robin metric store (RRDtool-like tiers in SQLite). Implemented in ./sqlite-metric-store.ts
 * (openMetricStore). Tiers: raw for 24 h; 5-min AVG/MIN/MAX for 30 days; 1-h for 1 year; 1-day for 5 years.
 * A consolidated bucket holds the samples whose time falls in [t, t + step): AVG is their sample mean (not
 * time-weighted), MIN/MAX their extremes. The 5m/1h/1d values keep 6 significant digits; raw is exact.
 * Times are milliseconds since the epoch; buckets are aligned on UTC.
 */
export interface MetricStore {
  /**
   * One poll cycle's samples, all at time `at` (ms), in one transaction: a crash loses at most this batch.
   * Series are registered on first sight. Refused one by one (counted, not thrown): non-finite values, a
   * time not after the series' last sample or in an hour already sealed, a series twice in one batch,
   * names containing '|', unknown units. Throws only if `at` is not a time, or the disk write fails.
   */
  ingest(at: number, samples: readonly SampleInput[]): void;
  /**
   * At most `maxPoints` points (a chart's width in pixels) from the finest tier whose retention covers `from`:
   * as stored when it fits, else raw samples bucketed or buckets merged, MIN/MAX exact (see chooseTier in
   * query.ts); `bucketed` says which. Columnar AVG/MIN/MAX per series, in the order asked;
   * null where no sample fell (raw: a null point marks a gap of more than 2.5 intervals); unknown keys get
   * empty arrays. Consolidated points are stamped with their bucket's start.
   */
  query(keys: readonly string[], from: number, to: number, maxPoints: number): MetricsResult;
  /** Latest value of every series (optionally of one device), sorted by key: tiles, Prometheus /metrics. */
  latest(deviceId?: string): LatestValue[];
  listSeries(deviceId: string): SeriesMeta[];
  deleteDevice(deviceId: string): void;
  /**
   * Consolidate ageing raw data into the tiers and drop what is past retention. Call it about every minute
   * with the current time: it is idempotent, cheap when nothing is due, and spends at most its time budget
   * per call (a large store catches up over several calls). Without it, unsealed samples pile up in memory.
   */
  maintain(now: number): void;
  close(): void;
}
