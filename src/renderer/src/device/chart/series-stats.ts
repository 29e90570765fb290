export interface SeriesStats {
  min: number | null;
  avg: number | null;
  max: number | null;
  last: number | null;
}

/**
 * Min / avg / max over what the chart shows. On a consolidated tier each point already carries the MIN and
 * MAX of its interval, so the extremes come from those columns, not from the averages (which would hide a
 * short spike); the average is the mean of the interval averages (intervals have equal length).
 */
export function seriesStats(
  avg: readonly (number | null)[],
  min?: readonly (number | null)[],
  max?: readonly (number | null)[],
): SeriesStats {
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  let n = 0;
  let last: number | null = null;
  for (let i = 0; i < avg.length; i++) {
    const a = avg[i];
    if (a === null || a === undefined || !Number.isFinite(a)) continue;
    sum += a;
    n++;
    last = a;
    const l = min?.[i] ?? a;
    const h = max?.[i] ?? a;
    if (l < lo) lo = l;
    if (h > hi) hi = h;
  }
  if (n === 0) return { min: null, avg: null, max: null, last: null };
  return { min: lo, avg: sum / n, max: hi, last };
}

/**
 * "Last" is the last poll's value whatever the range: a consolidated tier's last bucket is an average of
 * up to a day, so the same chart read 41 % over a day and 37 % over a year for one current figure.
 */
export function withLatest(
  stats: readonly SeriesStats[],
  keys: readonly string[],
  latest: ReadonlyMap<string, number> | undefined,
): SeriesStats[] {
  return stats.map((s, i) => {
    const key = keys[i];
    const v = key === undefined ? undefined : latest?.get(key);
    return v === undefined ? s : { ...s, last: v };
  });
}
