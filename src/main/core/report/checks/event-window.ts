import type { ReportThreshold } from '../../../../shared/contract/report';
import type { ReportEvent } from '../snapshot';
import { daysAgo, thresholdNumber } from '../thresholds';

/**
 * The events of the check's own window (`days` threshold) up to now. The collector reads one window for all
 * event checks, the widest, so each check cuts its own from it here.
 */
export function eventsInWindow(
  snapshot: { now: number; events: readonly ReportEvent[] },
  t: ReportThreshold,
  defaultDays: number,
): ReportEvent[] {
  const since = daysAgo(snapshot.now, thresholdNumber(t, 'days', defaultDays));
  return snapshot.events.filter((e) => e.time.getTime() >= since && e.time.getTime() <= snapshot.now);
}

/** Column labels the event checks share, so "Time"/"Date" reads the same in every section. */
export const EVENT_COLUMN_LABELS = {
  time: { en: 'Time', fr: 'Date' },
  user: { en: 'User', fr: 'Utilisateur' },
  vm: { en: 'VM', fr: 'VM' },
  message: { en: 'Message', fr: 'Message' },
} as const;
