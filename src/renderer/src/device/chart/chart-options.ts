import type uPlot from 'uplot';
import { formatTick } from '../../../../shared/format/format-time';
import { formatAxis } from '../../../../shared/format/format-value';
import type { Unit } from '../../../../shared/units';
import type { AlignedSeries } from './align-series';
import { xTickSpace, yRange } from './axis-scale';
import { lineColor, withAlpha } from './palette';
import type { ChartLine } from './resolve-series';

/** uPlot's default axis font, named so that tests can measure the labels with the same one. */
export const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** A drag shorter than this is a click that wandered, not a span. */
export const MIN_DRAG_PX = 8;

export interface ChartInput {
  lines: readonly ChartLine[];
  aligned: AlignedSeries;
  unit: Unit;
  /** Draw each series' MIN–MAX as a band (bucketed points only). */
  band: boolean;
  spanMs: number;
  /** The queried window in ms; the x axis covers all of it. */
  timeWindow: { from: number; to: number };
  hidden: ReadonlySet<string>;
  locale: string;
  dark: boolean;
  width: number;
  height: number;
  /** Receives what the browser tests read from the drawn chart (ticks, font, y range) as data attributes. */
  target: HTMLElement;
  onHover: (index: number | null) => void;
  /** A span picked by dragging across the plot, in ms. */
  onZoom: (from: number, to: number) => void;
}

/** A time label as drawn: its text and the x of its centre, in CSS pixels from the canvas's left. */
interface DrawnTick {
  label: string;
  x: number;
}

function sparse(values: readonly (number | null)[]): boolean {
  let n = 0;
  for (const v of values) if (v !== null && ++n > 30) return false;
  return true;
}

/** Axis width from its longest label, as in uPlot's own auto-size demo. */
function axisSize(self: uPlot, values: string[] | null, axisIdx: number, cycleNum: number): number {
  const axis = self.axes[axisIdx];
  if (!axis) return 50;
  if (cycleNum > 1) return (axis as { _size?: number })._size ?? 50;
  let size = (axis.ticks?.size ?? 10) + (axis.gap ?? 5);
  const longest = (values ?? []).reduce((a, v) => (v.length > a.length ? v : a), '');
  if (longest) {
    const font = axis.font;
    self.ctx.font = Array.isArray(font) ? String(font[0]) : (font ?? '12px sans-serif');
    size += self.ctx.measureText(longest).width / devicePixelRatio;
  }
  return Math.ceil(size) + 4;
}

/**
 * Vigie's uPlot options and data for one chart, outside React so that the chart benchmark draws exactly
 * what the page draws (lines, MIN–MAX bands, axes and their labels, hooks).
 */
export function buildChart(input: ChartInput): { opts: uPlot.Options; data: uPlot.AlignedData } {
  const { lines, aligned, unit, band, spanMs, timeWindow, hidden, locale, dark, target: el } = input;
  const axisStroke = dark ? '#c9c9c9' : '#495057';
  const gridStroke = dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.08)';
  const x = aligned.t.map((ms) => ms / 1000);
  const data: (number | null)[][] = [x, ...aligned.avg];
  const series: uPlot.Series[] = [
    {},
    ...lines.map((l, i) => ({
      label: l.label,
      stroke: lineColor(i),
      width: 1.5,
      show: !hidden.has(l.key),
      // A lone sample draws no line: sparse series (a device just added) get visible points.
      points: { show: sparse(aligned.avg[i] ?? []), size: 5, fill: lineColor(i) },
    })),
  ];
  const bands: uPlot.Band[] = [];
  if (band) {
    lines.forEach((l, i) => {
      data.push(aligned.max[i] ?? [], aligned.min[i] ?? []);
      const maxIdx = data.length - 2;
      const show = !hidden.has(l.key);
      // Width 0: the band's edges are not stroked at all (a transparent stroke still costs a pass per edge).
      series.push({ label: `${l.label} max`, stroke: 'transparent', width: 0, show, points: { show: false } });
      series.push({ label: `${l.label} min`, stroke: 'transparent', width: 0, show, points: { show: false } });
      bands.push({ series: [maxIdx, maxIdx + 1], fill: withAlpha(lineColor(i), 0.15) });
    });
  }
  const yScale = yRange(unit);
  // The x labels uPlot last computed; canvas text is invisible to the DOM, so the drawn ones are exposed
  // (data-x-ticks) for tests to check that they do not overlap.
  let xLabels: { splits: number[]; labels: string[] } = { splits: [], labels: [] };
  const opts: uPlot.Options = {
    width: input.width,
    height: input.height,
    legend: { show: false },
    // Dragging selects a span that the page zooms to (it re-queries the store), rather than uPlot
    // stretching the samples it already has.
    cursor: { drag: { x: true, y: false, setScale: false, dist: MIN_DRAG_PX } },
    scales: {
      x: { time: true, range: [timeWindow.from / 1000, timeWindow.to / 1000] },
      ...(yScale && { y: { range: (_u: uPlot, min: number, max: number) => yScale(min, max) } }),
    },
    axes: [
      {
        stroke: axisStroke,
        grid: { stroke: gridStroke },
        ticks: { stroke: gridStroke },
        font: AXIS_FONT,
        values: (_u, splits) => {
          const labels = splits.map((s) => formatTick(s * 1000, spanMs, locale));
          xLabels = { splits, labels };
          return labels;
        },
        space: xTickSpace(spanMs),
      },
      {
        stroke: axisStroke,
        grid: { stroke: gridStroke },
        ticks: { stroke: gridStroke },
        font: AXIS_FONT,
        values: (_u, splits) => splits.map((v) => formatAxis(v, unit, locale)),
        size: axisSize,
      },
    ],
    series,
    bands,
    hooks: {
      setCursor: [(u) => input.onHover(u.cursor.idx ?? null)],
      setSelect: [
        (u) => {
          const { left, width: w } = u.select;
          if (w < MIN_DRAG_PX) return;
          const from = u.posToVal(left, 'x') * 1000;
          const to = u.posToVal(left + w, 'x') * 1000;
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          input.onZoom(Math.round(from), Math.round(to));
        },
      ],
      draw: [
        (u) => {
          const plotLeft = u.bbox.left / devicePixelRatio;
          const plotWidth = u.bbox.width / devicePixelRatio;
          const ticks: DrawnTick[] = [];
          xLabels.splits.forEach((s, i) => {
            const text = xLabels.labels[i];
            const x = u.valToPos(s, 'x');
            if (text && x >= 0 && x <= plotWidth) ticks.push({ label: text, x: plotLeft + x });
          });
          el.dataset.xTicks = JSON.stringify(ticks);
          el.dataset.xFont = AXIS_FONT;
          // The y scale drawn, for the browser tests: a rate's axis must start at 0.
          el.dataset.yRange = `${u.scales.y?.min ?? ''}:${u.scales.y?.max ?? ''}`;
        },
      ],
    },
  };
  return { opts, data: data as uPlot.AlignedData };
}
