import { useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Unit } from '../../../../shared/units';
import { useLocale } from '../../i18n/use-label';
import type { AlignedSeries } from './align-series';
import { buildChart } from './chart-options';
import type { ChartLine } from './resolve-series';

interface Props {
  lines: ChartLine[];
  aligned: AlignedSeries;
  unit: Unit;
  /** Draw each series' MIN–MAX as a band (bucketed points only). */
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
    const { opts, data } = buildChart({
      lines,
      aligned,
      unit,
      band,
      spanMs,
      timeWindow,
      hidden,
      locale,
      dark: scheme === 'dark',
      width: Math.max(200, Math.floor(el.clientWidth || 600)),
      height,
      target: el,
      onHover: (i) => hover.current(i),
      onZoom: (from, to) => zoom.current(from, to),
    });
    const p = new uPlot(opts, data, el);
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
