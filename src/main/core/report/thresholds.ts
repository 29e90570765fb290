import type { ReportThreshold } from '../../../shared/contract/report';

/** A numeric threshold; the runner merges the check's defaults in, so `fallback` only guards bad input. */
export function thresholdNumber(t: ReportThreshold, key: string, fallback: number): number {
  const v = t[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** A list threshold (NTP servers): a string is split on commas and blanks. */
export function thresholdList(t: ReportThreshold, key: string): string[] {
  const v = t[key];
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [];
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

const DAY_MS = 86_400_000;

/** Whole days between two instants, floored (a snapshot 13.9 days old is 13 days old). */
export function wholeDays(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / DAY_MS);
}

export function daysAgo(now: number, days: number): number {
  return now - days * DAY_MS;
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
