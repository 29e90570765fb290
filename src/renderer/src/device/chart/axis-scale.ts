import type { Unit } from '../../../../shared/units';

/** Quantities whose zero is meaningful: a rate of 900 Mb/s drawn from 850 looks like a flood. */
const FROM_ZERO: ReadonlySet<Unit> = new Set<Unit>([
  'bytes',
  'bytesPerSecond',
  'bitsPerSecond',
  'perSecond',
  'count',
  'watts',
  'amperes',
  'megahertz',
  'milliseconds',
]);

export type YRange = (min: number, max: number) => [number, number];

/**
 * The y scale of a chart by its unit: percentages against their whole scale, quantities from zero, the
 * rest (temperatures, voltages, frequencies) around their values so their variations stay readable.
 */
export function yRange(unit: Unit): YRange | null {
  if (unit === 'percent') return (min, max) => [Math.min(0, min), Math.max(100, max)];
  if (FROM_ZERO.has(unit)) return (min, max) => [Math.min(0, min), max > 0 ? max * 1.05 : 1];
  return null;
}

/**
 * Least room between two time labels, in CSS pixels: day-and-hour labels of a week ("Thu 12:00 AM") are
 * about twice as wide as hour labels and overlapped at uPlot's default spacing.
 */
export function xTickSpace(spanMs: number): number {
  if (spanMs <= 36 * 3600_000) return 70;
  if (spanMs <= 8 * 86_400_000) return 130;
  return 90;
}
