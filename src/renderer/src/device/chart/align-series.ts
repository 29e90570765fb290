import type { SeriesData } from '../../../../shared/contract/metrics';

export interface AlignedSeries {
  /** Shared time axis in milliseconds, ascending. */
  t: number[];
  avg: (number | null)[][];
  min: (number | null)[][];
  max: (number | null)[][];
}

/**
 * Puts series that each come with their own time axis on one axis (uPlot draws from a single x array),
 * with null where a series has no sample, in the order of `keys` (missing series become all-null).
 */
export function alignSeries(keys: readonly string[], data: readonly SeriesData[]): AlignedSeries {
  const byKey = new Map(data.map((s) => [s.key, s]));
  const times = new Set<number>();
  for (const s of data) for (const t of s.t) times.add(t);
  const t = [...times].sort((a, b) => a - b);
  const index = new Map(t.map((v, i) => [v, i]));
  const empty = (): (number | null)[] => new Array<number | null>(t.length).fill(null);
  const out: AlignedSeries = { t, avg: [], min: [], max: [] };
  for (const key of keys) {
    const avg = empty();
    const min = empty();
    const max = empty();
    const s = byKey.get(key);
    if (s) {
      s.t.forEach((time, i) => {
        const at = index.get(time);
        if (at === undefined) return;
        avg[at] = s.avg[i] ?? null;
        min[at] = s.min[i] ?? null;
        max[at] = s.max[i] ?? null;
      });
    }
    out.avg.push(avg);
    out.min.push(min);
    out.max.push(max);
  }
  return out;
}

/** The series multiplied by a factor: a chart drawn in another unit than the store's (bytes/s as bits/s). */
export function scaleSeries(a: AlignedSeries, factor: number): AlignedSeries {
  if (factor === 1) return a;
  const scale = (cols: (number | null)[][]): (number | null)[][] =>
    cols.map((col) => col.map((v) => (v === null ? null : v * factor)));
  return { t: a.t, avg: scale(a.avg), min: scale(a.min), max: scale(a.max) };
}
