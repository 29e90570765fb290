import type { Tier } from '../../../shared/contract/metrics';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * One resolution of the round-robin store. Data is kept in epoch-aligned chunks of `chunkMs` (one row per
 * series per chunk); a chunk is dropped whole once its end is older than `retentionMs`, so a tier holds at
 * most ceil(retention / chunk) + 2 chunks per series: that is the fixed bound on rows per series.
 */
export interface TierSpec {
  name: Tier;
  /** Bucket width; 0 for the raw tier, whose samples keep their own times. */
  stepMs: number;
  chunkMs: number;
  retentionMs: number;
}

/** Raw 24 h; 5-min AVG/MIN/MAX 30 days; 1-h 1 year; 1-day 5 years (1,826 days, as the RRD rows). */
export const DEFAULT_TIERS: readonly TierSpec[] = [
  { name: 'raw', stepMs: 0, chunkMs: HOUR, retentionMs: DAY },
  { name: '5m', stepMs: 5 * MINUTE, chunkMs: DAY, retentionMs: 30 * DAY },
  { name: '1h', stepMs: HOUR, chunkMs: 7 * DAY, retentionMs: 365 * DAY },
  { name: '1d', stepMs: DAY, chunkMs: 56 * DAY, retentionMs: 1826 * DAY },
];

/** Tests shorten chunks and retentions; steps are fixed by the tier names. */
export type TierOverrides = Partial<Record<Tier, Partial<Pick<TierSpec, 'chunkMs' | 'retentionMs'>>>>;

export function resolveTiers(overrides: TierOverrides = {}): TierSpec[] {
  const tiers = DEFAULT_TIERS.map((t) => ({ ...t, ...overrides[t.name] }));
  validateTiers(tiers);
  return tiers;
}

/**
 * Chunks nest (a coarser chunk is a whole number of finer chunks) so that a coarse chunk is sealed from
 * complete finer chunks; retention grows with the tier so that a finer chunk is only dropped once consolidated.
 */
export function validateTiers(tiers: readonly TierSpec[]): void {
  tiers.forEach((t, i) => {
    const fail = (why: string): never => {
      throw new Error(`Invalid metric store tier ${t.name}: ${why}`);
    };
    if (!Number.isInteger(t.chunkMs) || t.chunkMs < 10 * MINUTE) fail('chunkMs must be an integer ≥ 10 minutes');
    if (!Number.isInteger(t.retentionMs) || t.retentionMs < t.chunkMs) fail('retentionMs must be an integer ≥ chunkMs');
    if (i === 0) return;
    const finer = tiers[i - 1]!;
    // Each sealed raw window is folded into its 5m chunk (consolidation.ts): it must hold whole buckets.
    if (i === 1 && finer.chunkMs % t.stepMs !== 0) fail(`raw chunkMs must be a multiple of ${t.name}'s step`);
    if (t.chunkMs % t.stepMs !== 0) fail('chunkMs must be a multiple of the step');
    if (t.chunkMs / t.stepMs > 65_535) fail('at most 65,535 buckets per chunk');
    if (t.chunkMs % finer.chunkMs !== 0) fail(`chunkMs must be a multiple of ${finer.name}'s chunkMs`);
    if (finer.stepMs > 0 && t.stepMs % finer.stepMs !== 0) fail(`step must be a multiple of ${finer.name}'s step`);
    if (t.retentionMs < finer.retentionMs) fail(`retention must be at least ${finer.name}'s`);
  });
}

/**
 * Chunk rows are keyed by one 53-bit integer (the table's rowid): tier (2 bits), window index since the
 * epoch (26 bits), series id (25 bits). One B-tree, no secondary index; all series of one tier and window
 * are adjacent, so retention is one range delete per tier and sealing appends.
 */
const WINDOW_SPAN = 2 ** 26;
const SID_SPAN = 2 ** 25;
export const MAX_SERIES_ID = SID_SPAN - 1;

export function chunkId(tier: number, window: number, sid: number): number {
  return (tier * WINDOW_SPAN + window) * SID_SPAN + sid;
}

export function chunkWindow(id: number): number {
  return Math.floor(id / SID_SPAN) % WINDOW_SPAN;
}

export function maxWindow(): number {
  return WINDOW_SPAN - 1;
}

export function floorTo(t: number, span: number): number {
  return Math.floor(t / span) * span;
}
