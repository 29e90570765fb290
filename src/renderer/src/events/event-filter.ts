import type { EventRecord, Severity } from '../../../shared/contract/events';

export type EventKind = EventRecord['kind'];

export interface EventFilter {
  severity: Severity[];
  deviceId: string | null;
  text: string;
  kind?: EventKind[];
  /** Inclusive range, ms since the epoch; null: unbounded. */
  from?: number | null;
  to?: number | null;
}

/** Whether a live event belongs in the list the user is looking at (same rules as the server's query). */
export function matchesFilter(e: EventRecord, f: EventFilter): boolean {
  if (f.severity.length && !f.severity.includes(e.severity)) return false;
  if (f.deviceId && e.deviceId !== f.deviceId) return false;
  if (f.kind?.length && !f.kind.includes(e.kind)) return false;
  if (f.from !== null && f.from !== undefined && e.at < f.from) return false;
  if (f.to !== null && f.to !== undefined && e.at > f.to) return false;
  const q = f.text.trim().toLowerCase();
  if (q && !e.message.toLowerCase().includes(q) && !(e.deviceName ?? '').toLowerCase().includes(q))
    return false;
  return true;
}

/** The request for one page: `before` is the id of the oldest event already shown (newest first). */
export function eventsQuery(f: EventFilter, before: number | null, limit: number) {
  return {
    limit,
    ...(f.severity.length && { severity: f.severity }),
    ...(f.deviceId && { deviceId: f.deviceId }),
    ...(f.text.trim() && { text: f.text.trim() }),
    ...(f.kind?.length && { kind: f.kind }),
    ...(f.from !== null && f.from !== undefined && { from: f.from }),
    ...(f.to !== null && f.to !== undefined && { to: f.to }),
    ...(before !== null && { before }),
  };
}
