import type Database from 'better-sqlite3';
import type { MetricsResult, Tier } from '../../../shared/contract/metrics';
import { maintain } from './consolidation';
import { Ingester } from './ingest';
import type { LatestValue, MetricStore, SampleInput, SeriesMeta } from './metric-store';
import { query } from './query';
import { openDatabase, type Synchronous } from './schema';
import { loadState } from './state-loader';
import { metaOf, SeriesRegistry } from './series-registry';
import { prepareStatements, type StoreContext } from './store-context';
import { readBuckets, readRaw } from './tier-reader';
import { chunkId, floorTo, MINUTE, resolveTiers, type TierOverrides } from './tiers';

export interface MetricStoreOptions {
  /** Shorter chunks or retentions (tests). A file keeps the chunk layout it was created with. */
  tiers?: TierOverrides;
  /** See schema.ts: NORMAL (default) is safe against a killed process, FULL also against power loss. */
  synchronous?: Synchronous;
  /** How long after an hour ends its raw samples are sealed (late polls still land). Default 5 minutes. */
  sealGraceMs?: number;
  /** Time one maintain() call may spend before it yields and resumes on the next call. Default 200 ms. */
  maintainBudgetMs?: number;
  /**
   * Mantissa bits kept in the 5m/1h/1d tiers' sum/min/max: 52 is lossless; the default 20 keeps 6 significant
   * digits (relative error ≤ 4.8e-7; integers up to 2,097,152 exact) and makes noisy float series (rates)
   * 40 % smaller, which is what keeps them under 200 KB. Raw samples are always stored exactly.
   */
  mantissaBits?: number;
  /** Wall clock (to refuse samples dated more than a day ahead). Default Date.now. */
  wallClock?: () => number;
}

export interface StoreStats {
  series: number;
  /** Samples refused since open: non-finite, not after the series' last sample, in a sealed hour, bad names. */
  rejectedSamples: number;
  /** Pages in use, excluding free pages (the WAL is not counted: checkpoint first for a stable figure). */
  usedBytes: number;
  fileBytes: number;
}

export const DEFAULT_MANTISSA_BITS = 20;

export class SqliteMetricStore implements MetricStore {
  private readonly ctx: StoreContext;
  private readonly ingester: Ingester;
  private readonly budgetMs: number;

  constructor(path: string, options: MetricStoreOptions = {}) {
    const tiers = resolveTiers(options.tiers);
    const mantissaBits = options.mantissaBits ?? DEFAULT_MANTISSA_BITS;
    if (!Number.isInteger(mantissaBits) || mantissaBits < 8 || mantissaBits > 52) throw new Error('mantissaBits must be 8..52');
    const db = openDatabase(path, { synchronous: options.synchronous ?? 'NORMAL', tiers });
    try {
      this.ctx = {
        db,
        stmts: prepareStatements(db, tiers),
        tiers,
        passes: [],
        registry: new SeriesRegistry(),
        clock: 0,
        sealGraceMs: options.sealGraceMs ?? 5 * MINUTE,
        mantissaBits,
        wallClock: options.wallClock ?? Date.now,
        rejected: 0,
        inTransaction: db.transaction((fn: () => void) => fn()),
      };
      loadState(this.ctx);
    } catch (error) {
      db.close();
      throw new Error(`Cannot open the metric store ${path}: ${(error as Error).message}`, { cause: error });
    }
    this.ingester = new Ingester(this.ctx);
    this.budgetMs = options.maintainBudgetMs ?? 200;
  }

  ingest(at: number, samples: readonly SampleInput[]): void {
    this.ingester.ingest(at, samples);
  }

  query(keys: readonly string[], from: number, to: number, maxPoints: number): MetricsResult {
    return query(this.ctx, keys, from, to, maxPoints);
  }

  /**
   * One tier, no choice and no merging, half-open [from, to): consolidated tiers as AVG/MIN/MAX buckets, raw as
   * samples. For tests and tools that need a given resolution.
   */
  queryTier(key: string, tier: Tier, from: number, to: number): { t: number[]; avg: number[]; min: number[]; max: number[]; count: number[] } {
    const s = this.ctx.registry.key(key);
    const index = this.ctx.tiers.findIndex((t) => t.name === tier);
    const out = { t: [] as number[], avg: [] as number[], min: [] as number[], max: [] as number[], count: [] as number[] };
    if (!s) return out;
    if (index === 0) {
      const raw = readRaw(this.ctx, s, from, to);
      for (let i = 0; i < raw.length; i++) {
        out.t.push(raw.t[i]!);
        out.avg.push(raw.v[i]!);
        out.min.push(raw.v[i]!);
        out.max.push(raw.v[i]!);
        out.count.push(1);
      }
      return out;
    }
    const step = this.ctx.tiers[index]!.stepMs;
    const b = readBuckets(this.ctx, index, s, floorTo(from, step), Math.ceil(to / step) * step);
    for (let i = 0; i < b.length; i++) {
      const c = b.count[i]!;
      if (c === 0) continue;
      out.t.push(b.startMs + i * b.stepMs);
      out.avg.push(b.sum[i]! / c);
      out.min.push(b.min[i]!);
      out.max.push(b.max[i]!);
      out.count.push(c);
    }
    return out;
  }

  latest(deviceId?: string): LatestValue[] {
    const list = deviceId === undefined ? [...this.ctx.registry.all()] : this.ctx.registry.device(deviceId);
    return list
      .filter((s) => Number.isFinite(s.lastAt))
      .map((s) => ({ ...metaOf(s), at: s.lastAt, value: s.lastValue }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  listSeries(deviceId: string): SeriesMeta[] {
    return this.ctx.registry
      .device(deviceId)
      .map(metaOf)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  deleteDevice(deviceId: string): void {
    const { ctx } = this;
    const list = ctx.registry.device(deviceId);
    if (list.length === 0) return;
    ctx.inTransaction(() => {
      for (const s of list) {
        // Every window within retention, up to the store's now (open 5m days included). Anything older is
        // deleted with its whole window by retention, whichever series it belonged to.
        ctx.tiers.forEach((spec, tier) => {
          const start = Math.max(ctx.passes[tier]!.dropped, Math.floor((ctx.clock - spec.retentionMs) / spec.chunkMs) - 1);
          const end = Math.floor(ctx.clock / spec.chunkMs) + 1;
          for (let w = start; w < end; w++) {
            ctx.stmts.chunks[tier]!.delete.run(chunkId(tier, w, s.sid));
            // Segments are keyed by raw window, the raw tier's windows.
            if (tier === 0) ctx.stmts.segments.delete.run(chunkId(tier, w, s.sid));
          }
        });
        ctx.stmts.deleteSeries.run(s.sid);
      }
    });
    // Staging rows may still name these ids; ids are never reused (AUTOINCREMENT) and unknown ids are skipped.
    for (const s of list) ctx.registry.remove(s);
  }

  maintain(now: number): void {
    maintain(this.ctx, now, this.budgetMs);
  }

  stats(): StoreStats {
    const { db } = this.ctx;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return { series: this.ctx.registry.size, rejectedSamples: this.ctx.rejected, usedBytes: (pages - free) * pageSize, fileBytes: pages * pageSize };
  }

  /** For tools and tests (integrity checks, checkpoints); not for writing. */
  get database(): Database.Database {
    return this.ctx.db;
  }

  close(): void {
    if (this.ctx.db.open) this.ctx.db.close();
  }
}

/** Opens (creating if needed) the metric store at `path`; throws an Error naming the file if it cannot. */
export function openMetricStore(path: string, options?: MetricStoreOptions): SqliteMetricStore {
  return new SqliteMetricStore(path, options);
}
