import uPlot from 'uplot';
import type { SeriesData } from '../../../../shared/contract/metrics';
import { alignSeries } from './align-series';
import { buildChart } from './chart-options';

/**
 * Times Vigie's chart drawing in a browser page, for bench/chart.bench.ts (bundled on its own, never part of
 * the app). A chart is drawn as the page draws it: the store's columns aligned on one axis, Vigie's options
 * (lines, MIN–MAX bands, axes), a new uPlot per result; the time runs from `new uPlot` to uPlot's draw hook,
 * plus reading one pixel back so that the canvas has really been rasterised, not only recorded.
 */
export interface DrawCase {
  series: SeriesData[];
  band: boolean;
  from: number;
  to: number;
  width: number;
  height: number;
  warmup: number;
  runs: number;
}

export interface DrawTimes {
  /** Median draw time over the timed runs, in ms. */
  medianMs: number;
  runsMs: number[];
  /** `new uPlot` to its first draw, per timed run (the page creates a plot per result). */
  createMs: number[];
  /** Points handed to uPlot per series (after alignment). */
  points: number;
  /** Median time to align the store's columns on one axis, in ms (done once per result, before drawing). */
  alignMs: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

interface Timed {
  /** `new uPlot` to its first draw hook: DOM, sizes, axes and the first drawing. */
  createMs: number;
  /** `setData` with the same columns to the draw hook: the drawing itself, as a refresh redraws. */
  drawMs: number;
}

/** Resolves at the next draw hook of `u`, with the time it fired, after reading one pixel back. */
function nextDraw(hooks: ((u: uPlot) => void)[]): Promise<number> {
  return new Promise((resolve) => {
    hooks.push((u) => {
      u.ctx.getImageData(u.bbox.left + 1, u.bbox.top + 1, 1, 1);
      resolve(performance.now());
    });
  });
}

async function drawOnce(c: DrawCase, aligned: ReturnType<typeof alignSeries>, host: HTMLElement): Promise<Timed> {
  const target = document.createElement('div');
  host.replaceChildren(target);
  const lines = c.series.map((s, i) => ({ key: s.key, label: `series ${i + 1}` }));
  const { opts, data } = buildChart({
    lines,
    aligned,
    unit: 'percent',
    band: c.band,
    spanMs: c.to - c.from,
    timeWindow: { from: c.from, to: c.to },
    hidden: new Set(),
    locale: 'en-US',
    dark: false,
    width: c.width,
    height: c.height,
    target,
    onHover: () => undefined,
    onZoom: () => undefined,
  });
  // One waiting hook at a time: each draw takes the first in line.
  const waiting: ((u: uPlot) => void)[] = [];
  opts.hooks = { ...opts.hooks, draw: [...(opts.hooks?.draw ?? []), (u) => waiting.shift()?.(u)] };
  let started = performance.now();
  const created = nextDraw(waiting);
  const u = new uPlot(opts, data, target);
  const createMs = (await created) - started;
  started = performance.now();
  const drawn = nextDraw(waiting);
  u.setData(data);
  const drawMs = (await drawn) - started;
  u.destroy();
  return { createMs, drawMs };
}

export async function measureDraw(c: DrawCase): Promise<DrawTimes> {
  const host = document.body.appendChild(document.createElement('div'));
  const keys = c.series.map((s) => s.key);
  const alignTimes: number[] = [];
  let aligned = alignSeries(keys, c.series);
  const runsMs: number[] = [];
  const createMs: number[] = [];
  for (let i = 0; i < c.warmup + c.runs; i++) {
    const a = performance.now();
    aligned = alignSeries(keys, c.series);
    alignTimes.push(performance.now() - a);
    const t = await drawOnce(c, aligned, host);
    if (i >= c.warmup) {
      runsMs.push(t.drawMs);
      createMs.push(t.createMs);
    }
    // Let the page paint and collect between runs, as between two results.
    await new Promise((r) => setTimeout(r, 20));
  }
  host.remove();
  return { medianMs: median(runsMs), runsMs, createMs, points: aligned.t.length, alignMs: median(alignTimes) };
}
