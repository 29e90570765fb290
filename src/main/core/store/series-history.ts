/**
 * How much history the store keeps for one series, chosen by whoever produces it (the poller, from a device's
 * settings) and remembered with the series:
 * - full: every tier (raw 24 h, then 5 min, 1 h, 1 day);
 * - reduced: no raw tier; the samples of the open hour still live in memory and the staging log (crash safety),
 *   but sealing writes only their 5-minute buckets, which consolidate on into 1 h and 1 day as usual. Queries of
 *   such a series start at the 5-minute tier. For the many small series of a large site (per-VM figures).
 */
export const SERIES_HISTORIES = ['full', 'reduced'] as const;
export type SeriesHistory = (typeof SERIES_HISTORIES)[number];

export function isSeriesHistory(value: unknown): value is SeriesHistory {
  return value === 'full' || value === 'reduced';
}

/** The finest tier a query may answer from for this history (tier indexes as in tiers.ts). */
export function finestTier(history: SeriesHistory): number {
  return history === 'reduced' ? 1 : 0;
}
