import { readdirSync, readFileSync } from 'node:fs';

/** One reading of a running `vigie serve`: memory and descriptors from /proc, lag and states from /metrics. */
export interface Sample {
  /** Seconds since the soak started. */
  t: number;
  rssMb: number;
  fds: number;
  /** Event-loop lag p99 over the window since the previous scrape (ms); null when the scrape failed. */
  lagP99Ms: number | null;
  heapMb: number | null;
  /** V8's whole heap (used + the free space it keeps) and memory outside it (buffers), MB. */
  heapTotalMb: number | null;
  externalMb: number | null;
  /** Devices by state from vigie_device_state (0 ok … 3 unknown). */
  states: { ok: number; other: number };
  /** Whether /metrics was asked this time (a null lag on a scraped sample is a failed scrape). */
  scraped: boolean;
}

function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

function gauge(text: string, name: string): number | null {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/**
 * `scrape` false reads /proc only (cheap); the /metrics exposition of 1,000 devices is megabytes, so the
 * soak scrapes it less often than it reads /proc, as a Prometheus server would (every 30 s or so).
 */
export async function sampleServe(pid: number, url: string, token: string, t: number, scrape = true): Promise<Sample> {
  // /proc first: the scrape's own socket must not be counted among the server's descriptors.
  const rss = rssMb(pid);
  const fds = readdirSync(`/proc/${pid}/fd`).length;
  if (!scrape) return { t, rssMb: rss, fds, lagP99Ms: null, heapMb: null, heapTotalMb: null, externalMb: null, states: { ok: 0, other: 0 }, scraped: false };
  let text = '';
  try {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    if (res.ok) text = await res.text();
  } catch {
    /* a missed scrape is a null lag, not a failed soak */
  }
  const lag = gauge(text, 'vigie_event_loop_lag_p99_seconds');
  const heap = gauge(text, 'nodejs_heap_size_used_bytes');
  const heapTotal = gauge(text, 'nodejs_heap_size_total_bytes');
  const external = gauge(text, 'nodejs_external_memory_bytes');
  const mb = (x: number | null): number | null => (x === null ? null : x / 2 ** 20);
  const states = { ok: 0, other: 0 };
  for (const m of text.matchAll(/^vigie_device_state\{[^}]*\} (\d)$/gm)) {
    if (m[1] === '0') states.ok++;
    else states.other++;
  }
  return { t, rssMb: rss, fds, lagP99Ms: lag === null ? null : lag * 1000, heapMb: mb(heap), heapTotalMb: mb(heapTotal), externalMb: mb(external), states, scraped: true };
}

/** Least-squares slope of y over x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
