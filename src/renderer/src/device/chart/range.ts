import type { MetricsQuery } from '../../../../shared/contract/metrics';

export const RANGES = ['1h', '24h', '7d', '30d', '1y'] as const;
export type RangeId = (typeof RANGES)[number];

const HOUR = 3600_000;
export const RANGE_MS: Record<RangeId, number> = {
  '1h': HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
  '1y': 365 * 24 * HOUR,
};

/**
 * The query for a chart: the range ending now, and about one point per horizontal pixel (the store picks
 * the tier that gives at most that many), within the contract's bounds.
 */
export function rangeQuery(range: RangeId, series: string[], now: number, widthPx: number): MetricsQuery {
  const maxPoints = Math.min(20_000, Math.max(10, Math.round(widthPx)));
  return { series, from: now - RANGE_MS[range], to: now, maxPoints };
}

/**
 * The query for a zoomed window: the same point budget over a shorter span, so the store answers from a
 * finer tier (raw samples or hourly averages where the whole range showed daily ones).
 */
export function windowQuery(series: string[], from: number, to: number, widthPx: number): MetricsQuery {
  const maxPoints = Math.min(20_000, Math.max(10, Math.round(widthPx)));
  return { series, from, to, maxPoints };
}

/** Card padding and the y axis: the plot is about this much narrower than its card, in CSS pixels. */
const PLOT_INSET_CSS_PX = 80;
/** The budget moves in steps of this many device pixels, so that a resize re-queries only past a step. */
const BUDGET_STEP_PX = 100;

/**
 * The points a chart can show: its plot's width in device pixels (two per CSS pixel on a HiDPI screen),
 * rounded down to a step so that it never asks for more points than the plot has pixels; 0 before layout.
 */
export function pointBudget(cardWidthCss: number, devicePixelRatio: number): number {
  if (cardWidthCss <= 0) return 0;
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const px = (cardWidthCss - PLOT_INSET_CSS_PX) * ratio;
  return Math.max(BUDGET_STEP_PX, Math.floor(px / BUDGET_STEP_PX) * BUDGET_STEP_PX);
}

/** Short ranges change with every poll; longer ones are refreshed when opened. */
export function isLiveRange(range: RangeId): boolean {
  return range === '1h' || range === '24h';
}
