import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { z } from 'zod';
import type { MetricsResult, SeriesData } from '../src/shared/contract/metrics';
import type { SampleInput } from '../src/main/core/store/metric-store';
import { openMetricStore, type SqliteMetricStore } from '../src/main/core/store/sqlite-metric-store';
import { ratioOf, type Benchmark, type BenchResult, type BenchSize } from './bench';
import { generator } from './store-data';

/**
 * Issue 18 item 2. A week of 1-minute samples of 4 series, as a device page charts it on a 1,200 px plot:
 * (a) drawn in Debian's Chromium with Vigie's own chart options (the store's answer, bands included) beside
 * the same uPlot drawing every raw point; (b) the store's answer at the chart's resolution beside reading
 * the 5-minute tier whole, and 24 h of 10 s samples bucketed per pixel beside reading every raw sample.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PROBE = join(here, '../src/renderer/src/device/chart/chart-draw-probe.ts');
const CHROMIUM = '/usr/bin/chromium';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SERIES = 4;
/** The plot's width in device pixels: the point budget the chart sends (range.ts pointBudget). */
const PLOT_PX = 1200;
/** The chart's canvas: the plot plus its y axis. */
const CHART_WIDTH = 1280;
const CHART_HEIGHT = 220;
const SPIKE = 97.5;
const DRAW_BAR_MS = 50;
const QUERY_BAR_MS = 50;
/** The contract's largest budget: the tier as stored, one point per bucket or raw sample. */
const BASELINE_POINTS = 20_000;

/** What the page's probe (chart-draw-probe.ts, in the renderer's project) is asked and answers. */
interface DrawCase {
  series: SeriesData[];
  band: boolean;
  from: number;
  to: number;
  width: number;
  height: number;
  warmup: number;
  runs: number;
}
const DrawTimesSchema = z.object({
  medianMs: z.number(),
  runsMs: z.array(z.number()),
  createMs: z.array(z.number()),
  points: z.number().int(),
  alignMs: z.number(),
});
type DrawTimes = z.infer<typeof DrawTimesSchema>;

interface Timed {
  ms: number;
  result: MetricsResult;
}

interface Plan {
  /** Days of 1-minute samples charted. */
  days: number;
  /** Hours of 10-second samples bucketed from the raw tier. */
  rawHours: number;
  warmup: number;
  runs: number;
  queryRepeats: number;
}

const PLANS: Record<BenchSize, Plan> = {
  full: { days: 7, rawHours: 24, warmup: 5, runs: 21, queryRepeats: 31 },
  smoke: { days: 1, rawHours: 6, warmup: 1, runs: 3, queryRepeats: 5 },
};

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

interface Filled {
  store: SqliteMetricStore;
  keys: string[];
  from: number;
  to: number;
  /** Every sample written, per series: the baseline's raw points. */
  raw: SeriesData[];
}

/**
 * `SERIES` percent series sampled every `intervalMs` over `spanMs`, ingested and maintained through the public
 * API on a simulated clock as the monitor does; one sample of the first series is a spike the band must keep.
 */
function fill(dir: string, name: string, spanMs: number, intervalMs: number): Filled {
  const store = openMetricStore(join(dir, `${name}.db`));
  const from = Math.floor(Date.UTC(2024, 0, 1) / DAY) * DAY;
  const to = from + spanMs;
  const spikeAt = from + Math.floor(spanMs / 2 / intervalMs) * intervalMs + 17 * intervalMs;
  const next = Array.from({ length: SERIES }, (_, i) => generator('fpct', 7 + i));
  const samples: SampleInput[] = next.map((_, i) => ({ deviceId: 'dev', metric: 'cpu.core', instance: `${i}`, unit: 'percent', value: 0 }));
  const raw: SeriesData[] = samples.map((s) => ({ key: `${s.deviceId}|${s.metric}|${s.instance}`, t: [], avg: [], min: [], max: [] }));
  for (let t = from; t <= to; t += intervalMs) {
    samples.forEach((s, i) => {
      s.value = i === 0 && t === spikeAt ? SPIKE : next[i]!(t);
      raw[i]!.t.push(t);
      raw[i]!.avg.push(s.value);
    });
    store.ingest(t, samples);
    store.maintain(t);
  }
  for (const r of raw) {
    r.min = r.avg;
    r.max = r.avg;
  }
  return { store, keys: raw.map((r) => r.key), from, to, raw };
}

/** Vigie's query and its baseline alternated, so that both see the same load; medians after a warm-up. */
function timeQueries(f: Filled, repeats: number): { vigie: Timed; baseline: Timed } {
  const vigie: number[] = [];
  const baseline: number[] = [];
  const once = (maxPoints: number, into: number[] | null): MetricsResult => {
    const s = performance.now();
    const result = f.store.query(f.keys, f.from, f.to, maxPoints);
    into?.push(performance.now() - s);
    return result;
  };
  for (let i = 0; i < 5; i++) {
    once(PLOT_PX, null);
    once(BASELINE_POINTS, null);
  }
  let v = once(PLOT_PX, null);
  let b = once(BASELINE_POINTS, null);
  for (let i = 0; i < repeats; i++) {
    v = once(PLOT_PX, vigie);
    b = once(BASELINE_POINTS, baseline);
  }
  return { vigie: { ms: median(vigie), result: v }, baseline: { ms: median(baseline), result: b } };
}

function pointsPerSeries(r: MetricsResult): number {
  return Math.max(...r.series.map((s) => s.t.length));
}

function keepsSpike(r: MetricsResult): boolean {
  return r.series[0]!.max.includes(SPIKE);
}

function queryResult(name: string, { vigie, baseline }: { vigie: Timed; baseline: Timed }, baselineLabel: string): BenchResult {
  const points = pointsPerSeries(vigie.result);
  const spike = keepsSpike(vigie.result);
  return {
    name,
    vigie: { label: `maxPoints ${PLOT_PX}: ${vigie.result.tier} tier, ${vigie.result.stepMs / 1000} s points, ${fmt(points)} a series`, value: vigie.ms, unit: 'ms' },
    baseline: { label: `${baselineLabel}, ${fmt(pointsPerSeries(baseline.result))} a series`, value: baseline.ms, unit: 'ms' },
    ratio: ratioOf(vigie.ms, baseline.ms),
    better: 'lower',
    target: `≤ ${fmt(PLOT_PX)} points a series (one per pixel), the 1-sample spike in the MIN–MAX band, ≤ ${QUERY_BAR_MS} ms`,
    pass: points <= PLOT_PX && spike && vigie.ms <= QUERY_BAR_MS,
    notes: [
      `points a series: ${fmt(points)} (baseline ${fmt(pointsPerSeries(baseline.result))}); spike ${SPIKE} in the band: ${spike ? 'yes' : 'NO'}`,
      `answer sent to the page (JSON): ${fmt(JSON.stringify(vigie.result).length / 1024)} KiB (baseline ${fmt(JSON.stringify(baseline.result).length / 1024)} KiB)`,
    ],
  };
}

/** The probe and what it imports (uPlot, Vigie's chart options) as one script for the page. */
async function bundleProbe(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: join(here, '..'),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: true, lib: { entry: PROBE, formats: ['iife'], name: 'vigieChartProbe', fileName: 'probe' } },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((c): c is Rollup.OutputChunk => c.type === 'chunk');
  if (!chunk) throw new Error('chart bench: the probe bundle has no script');
  return chunk.code;
}

async function draw(page: Page, c: DrawCase): Promise<DrawTimes> {
  const answer: unknown = await page.evaluate(
    (arg) => (globalThis as unknown as { vigieChartProbe: { measureDraw: (c: DrawCase) => Promise<unknown> } }).vigieChartProbe.measureDraw(arg),
    c,
  );
  return DrawTimesSchema.parse(answer);
}

async function benchDraw(plan: Plan, week: Filled, vigie: MetricsResult): Promise<BenchResult> {
  const script = await bundleProbe();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: CHART_WIDTH + 100, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
    await page.addScriptTag({ content: script });
    const common = { from: week.from, to: week.to, width: CHART_WIDTH, height: CHART_HEIGHT, warmup: plan.warmup, runs: plan.runs };
    // Alternated, so that both sides see the same load of this shared machine.
    const mine: DrawTimes[] = [];
    const base: DrawTimes[] = [];
    for (let round = 0; round < 2; round++) {
      mine.push(await draw(page, { ...common, series: vigie.series, band: true }));
      base.push(await draw(page, { ...common, series: week.raw, band: false }));
    }
    // The page creates a plot per result (uplot-chart.tsx): a new uPlot to its first draw is Vigie's draw.
    const vigieMs = median(mine.flatMap((d) => d.createMs));
    const baseMs = median(base.flatMap((d) => d.createMs));
    const points = mine[0]!.points;
    const rawPoints = base[0]!.points;
    return {
      name: `chart draw, ${plan.days} d of 1-min samples × ${SERIES} series on a ${PLOT_PX} px plot (Chromium)`,
      vigie: { label: `Vigie: the store's answer, ${fmt(points)} points × ${SERIES} with MIN–MAX bands`, value: vigieMs, unit: 'ms' },
      baseline: { label: `same uPlot, every raw point: ${fmt(rawPoints)} × ${SERIES} = ${fmt(rawPoints * SERIES)}`, value: baseMs, unit: 'ms' },
      ratio: ratioOf(vigieMs, baseMs),
      better: 'lower',
      target: `draw ≤ ${DRAW_BAR_MS} ms`,
      pass: vigieMs <= DRAW_BAR_MS,
      notes: [
        `median of ${plan.runs * 2} draws after ${plan.warmup} warm-up: new uPlot with Vigie's options → draw hook, one pixel read back (fastest ${fmt(Math.min(...mine.flatMap((d) => d.createMs)))} ms, raw ${fmt(Math.min(...base.flatMap((d) => d.createMs)))} ms)`,
        `redraw of the same plot (setData → draw hook): ${fmt(median(mine.flatMap((d) => d.runsMs)))} ms (raw: ${fmt(median(base.flatMap((d) => d.runsMs)))} ms)`,
        `aligning the store's columns on one axis before drawing: ${fmt(median(mine.map((d) => d.alignMs)))} ms (raw: ${fmt(median(base.map((d) => d.alignMs)))} ms)`,
        `machine load (1-min average) at the end: ${fmt(loadavg()[0] ?? 0)} on ${availableParallelism()} cores`,
      ],
    };
  } finally {
    await browser.close();
  }
}

const bench: Benchmark = {
  name: 'chart draw and query at the chart resolution',
  requires: ['chromium'],
  async run(size: BenchSize): Promise<BenchResult[]> {
    const plan = PLANS[size];
    const dir = mkdtempSync(join(tmpdir(), 'vigie-chart-bench-'));
    const open: SqliteMetricStore[] = [];
    try {
      const week = fill(dir, 'week', plan.days * DAY, MINUTE);
      open.push(week.store);
      const day = fill(dir, 'day', plan.rawHours * HOUR, 10_000);
      open.push(day.store);

      const weekQuery = timeQueries(week, plan.queryRepeats);
      const dayQuery = timeQueries(day, plan.queryRepeats);
      const results = [
        queryResult(`store query, ${plan.days} d of 1-min samples × ${SERIES} series`, weekQuery, `maxPoints 20,000: the ${weekQuery.baseline.result.tier} tier as stored`),
        queryResult(`store query, ${plan.rawHours} h of 10-s samples × ${SERIES} series`, dayQuery, 'maxPoints 20,000: every raw sample'),
      ];
      results.unshift(await benchDraw(plan, week, weekQuery.vigie.result));
      return results;
    } finally {
      for (const s of open) s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
