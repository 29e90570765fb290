import { seriesKey } from '../../../shared/series-key';
import { UPTIME_PERIODS, type UptimePeriod, type UptimeStats } from '../../../shared/contract/devices';
import type { SeriesData } from '../../../shared/contract/metrics';
import type { MetricStore } from '../store/metric-store';

const DAY = 86_400_000;
const PERIOD_MS: Record<UptimePeriod['period'], number> = { day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };
/** Enough points for the raw tier over a day at 10 s polls, so that short outages are counted exactly. */
const MAX_POINTS = 20_000;

interface Point {
  avg: number;
  min: number;
  max: number;
}

function points(s: SeriesData | undefined): Point[] {
  const out: Point[] = [];
  if (!s) return out;
  for (let i = 0; i < s.t.length; i++) {
    const avg = s.avg[i];
    if (avg === null || avg === undefined) continue;
    out.push({ avg, min: s.min[i] ?? avg, max: s.max[i] ?? avg });
  }
  return out;
}

/**
 * Availability and outages from the device.up series (1 answered, 0 failed). Raw points are exact; in a
 * consolidated bucket MIN < 0.5 means at least one failed poll and MAX >= 0.5 at least one answer, so a
 * mixed bucket is taken to end answered and the next failing bucket counts as a new outage.
 */
function availability(up: Point[]): Pick<UptimePeriod, 'availabilityPercent' | 'outages'> {
  if (up.length === 0) return { availabilityPercent: null, outages: 0 };
  let sum = 0;
  let outages = 0;
  let endedUp = true;
  for (const p of up) {
    sum += p.avg;
    if (p.min < 0.5 && endedUp) outages += 1;
    endedUp = p.max >= 0.5;
  }
  return { availabilityPercent: (sum / up.length) * 100, outages };
}

/**
 * Completed runs between restarts from the uptime series (seconds since boot), which goes backwards at a
 * restart. In a consolidated bucket holding a restart, MAX is the value before it and MIN the value after.
 */
function completedRuns(uptime: Point[]): number[] {
  const runs: number[] = [];
  for (let i = 1; i < uptime.length; i++) {
    const prev = uptime[i - 1]!;
    const cur = uptime[i]!;
    if (cur.min + 1 < prev.max) runs.push(Math.max(prev.max, cur.max));
  }
  return runs;
}

/** From the period's first answered-or-failed poll to now, capped at the period. */
function observedSeconds(s: SeriesData | undefined, from: number, now: number): number | null {
  if (!s) return null;
  const i = s.avg.findIndex((v) => v !== null);
  const first = i < 0 ? undefined : s.t[i];
  if (first === undefined) return null;
  return Math.max(0, (now - Math.max(first, from)) / 1000);
}

/**
 * Coarse tiers date a bucket by its start, up to a day early; the first (raw, exact) period's figure stands
 * for the longer ones whenever they saw nothing older than it.
 */
function observed(coarse: number | null, exact: number | null): number | null {
  if (coarse === null || exact === null) return coarse;
  return coarse <= DAY / 1000 ? Math.min(coarse, exact) : coarse;
}

export function uptimeStats(store: MetricStore, deviceId: string, now: number, currentSeconds: number | null): UptimeStats {
  const upKey = seriesKey(deviceId, 'device.up');
  const uptimeKey = seriesKey(deviceId, 'uptime');
  let exact: number | null = null;
  const periods = UPTIME_PERIODS.map((period): UptimePeriod => {
    const from = now - PERIOD_MS[period];
    const r = store.query([upKey, uptimeKey], from, now, MAX_POINTS);
    const avail = availability(points(r.series[0]));
    const uptime = points(r.series[1]);
    const completed = completedRuns(uptime);
    const current = currentSeconds ?? uptime.at(-1)?.avg ?? null;
    const runs = current === null ? completed : [...completed, current];
    return {
      period,
      observedSeconds: (exact = observed(observedSeconds(r.series[0], from, now), exact)),
      ...avail,
      restarts: completed.length,
      minUptimeSeconds: runs.length ? Math.min(...runs) : null,
      avgUptimeSeconds: runs.length ? runs.reduce((a, b) => a + b, 0) / runs.length : null,
      maxUptimeSeconds: runs.length ? Math.max(...runs) : null,
    };
  });
  return {
    currentSeconds,
    lastRestartAt: currentSeconds === null ? null : Math.round(now - currentSeconds * 1000),
    periods,
  };
}
