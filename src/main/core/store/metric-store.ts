import type { MetricsResult } from '../../../shared/contract/metrics';
import type { Unit } from '../../../shared/units';

/** One value of one series at one time, as a poll produces it. */
export interface SampleInput {
  deviceId: string;
  metric: string;
  instance: string;
  unit: Unit;
  value: number;
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
 * The local round-robin metric store (RRDtool-like tiers in SQLite). Implemented in ./sqlite-metric-store.ts.
 * Tiers: raw for 24 h; 5-min AVG/MIN/MAX for 30 days; 1-h for 1 year; 1-day for 5 years.
 */
export interface MetricStore {
  /** One poll cycle's samples, all at time `at` (ms), in one transaction: a crash loses at most this batch. */
  ingest(at: number, samples: readonly SampleInput[]): void;
  /** Best tier for the range and point budget; columnar AVG/MIN/MAX per series, in the order asked. */
  query(keys: readonly string[], from: number, to: number, maxPoints: number): MetricsResult;
  /** Latest value of every series (optionally of one device): tiles, Prometheus /metrics. */
  latest(deviceId?: string): LatestValue[];
  listSeries(deviceId: string): SeriesMeta[];
  deleteDevice(deviceId: string): void;
  /** Consolidate ageing raw data into the tiers and drop what is past retention. Idempotent. */
  maintain(now: number): void;
  close(): void;
}
