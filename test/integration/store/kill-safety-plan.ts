import type { TierOverrides } from '../../../src/main/core/store/tiers';

/** Shared by the kill-safety test and its child process. */
export const T0 = Date.UTC(2024, 0, 1);
export const STEP_MS = 10_000;
export const SERIES = 50;
/**
 * Small chunks: raw windows seal every 10 simulated minutes (60 cycles), 5m days every 2 hours, and so on.
 * Raw is kept 60 days so that every cycle of the test (a few simulated days) can still be checked.
 */
export const CHILD_TIERS: TierOverrides = {
  raw: { chunkMs: 10 * 60_000, retentionMs: 60 * 86_400_000 },
  '5m': { chunkMs: 2 * 3_600_000, retentionMs: 60 * 86_400_000 },
  '1h': { chunkMs: 86_400_000 },
  '1d': { chunkMs: 2 * 86_400_000 },
};

export function sampleValue(cycle: number, series: number): number {
  return cycle * 1000 + series + 0.25;
}
