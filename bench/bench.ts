/**
 * A benchmark measures Vigie beside a named baseline in the same run (these machines are shared and noisy:
 * the ratio is the figure, absolute times are indicative). Each file bench/<name>.bench.ts default-exports
 * one Benchmark; `npm run bench` runs them all at full size, the test suite runs them at smoke size so that
 * they cannot rot.
 */
export type BenchSize = 'full' | 'smoke';

export interface Measure {
  label: string;
  value: number;
  unit: string;
}

export interface BenchResult {
  /** What was measured, e.g. "store ingest, 1,000,000 samples". */
  name: string;
  vigie: Measure;
  baseline: Measure;
  /** vigie / baseline in the direction stated by `better` (a ratio < 1 is better when lower is better). */
  ratio: number;
  better: 'lower' | 'higher';
  /** The quality.md target, e.g. "≤ 1.2× govmomi"; pass says whether this run met it. */
  target: string;
  pass: boolean;
  notes?: string[];
}

export interface Benchmark {
  name: string;
  /** Debian packages or programs it needs, checked before running; missing ones skip it with the reason. */
  requires?: string[];
  run(size: BenchSize): Promise<BenchResult[]>;
}

export function ratioOf(vigie: number, baseline: number): number {
  return baseline === 0 ? Number.POSITIVE_INFINITY : vigie / baseline;
}
