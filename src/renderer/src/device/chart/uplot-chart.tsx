import { useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Unit } from '../../../../shared/units';
import { formatTick } from '../../../../shared/format/format-time';
import { xTickSpace, yRange } from './axis-scale';
import { formatAxis } from '../../../../shared/format/format-value';
import { useLocale } from '../../i18n/use-label';
import type { AlignedSeries } from './align-series';
import { lineColor, withAlpha } from './palette';
import type { ChartLine } from './resolve-series';

interface Props {
  lines: ChartLine[];
  aligned: AlignedSeries;
  unit: Unit;
  /** Draw each series' MIN–MAX as a band (consolidated tiers only). */
  band: boolean;
  spanMs: number;
  /** The queried window in ms; the x axis covers all of it, so "1 h" always shows an hour. */
  timeWindow: { from: number; to: number };
  hidden: ReadonlySet<string>;
  onHover: (index: number | null) => void;
  /** A span picked by dragging across the plot, in ms. */
  onZoom: (from: number, to: number) => void;
  /** Double-click on the plot: back to the whole range. */
  onResetZoom: () => void;
  label: string;
  height?: number;
}

/** uPlot's default axis font, named so that tests can measure the labels with the same one. */
const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** A drag shorter than this is a click that wandered, not a span. */
const MIN_DRAG_PX = 8;

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

export function UplotChart({
  lines,
  aligned,
  unit,
  band,
  spanMs,
  timeWindow,
  hidden,
  onHover,
  onZoom,
  onResetZoom,
  label,
  height = 220,
}: Props): ReactNode {
  const { ref: boxRef, width } = useElementSize();
  const target = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const hover = useRef(onHover);
  const zoom = useRef(onZoom);
  const resetZoom = useRef(onResetZoom);
  useLayoutEffect(() => {
    hover.current = onHover;
    zoom.current = onZoom;
    resetZoom.current = onResetZoom;
  });
  const scheme = useComputedColorScheme('light');
  const locale = useLocale();
  const ready = width > 0;

  useEffect(() => {
    const el = target.current;
    if (!el || !ready) return;
    const dark = scheme === 'dark';
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
        series.push({ label: `${l.label} max`, stroke: 'transparent', show, points: { show: false } });
        series.push({ label: `${l.label} min`, stroke: 'transparent', show, points: { show: false } });
        bands.push({ series: [maxIdx, maxIdx + 1], fill: withAlpha(lineColor(i), 0.15) });
      });
    }
    const yScale = yRange(unit);
    // The x labels uPlot last computed; canvas text is invisible to the DOM, so the drawn ones are exposed
    // (data-x-ticks) for tests to check that they do not overlap.
    let xLabels: { splits: number[]; labels: string[] } = { splits: [], labels: [] };
    const opts: uPlot.Options = {
      width: Math.max(200, Math.floor(el.clientWidth || 600)),
      height,
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
        setCursor: [(u) => hover.current(u.cursor.idx ?? null)],
        setSelect: [
          (u) => {
            const { left, width: w } = u.select;
            if (w < MIN_DRAG_PX) return;
            const from = u.posToVal(left, 'x') * 1000;
            const to = u.posToVal(left + w, 'x') * 1000;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            zoom.current(Math.round(from), Math.round(to));
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
    const p = new uPlot(opts, data as uPlot.AlignedData, el);
    plot.current = p;
    const onDoubleClick = (): void => resetZoom.current();
    p.over.addEventListener('dblclick', onDoubleClick);
    return () => {
      p.over.removeEventListener('dblclick', onDoubleClick);
      p.destroy();
      plot.current = null;
    };
  }, [ready, aligned, lines, band, spanMs, timeWindow, unit, locale, scheme, hidden, height]);

  useEffect(() => {
    if (plot.current && width > 0) plot.current.setSize({ width: Math.floor(width), height });
  }, [width, height]);

  return (
    <div ref={boxRef} style={{ width: '100%', minWidth: 0 }}>
      <div
        ref={target}
        role="img"
        aria-label={label}
        data-testid="chart-canvas"
        data-points={aligned.t.length}
        data-range={`${timeWindow.from}-${timeWindow.to}`}
      />
    </div>
  );
}
