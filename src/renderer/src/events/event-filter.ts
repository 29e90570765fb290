import type { EventRecord, Severity } from '../../../shared/contract/events';

export interface EventFilter {
  severity: Severity[];
  deviceId: string | null;
  text: string;
}

/** Whether a live event belongs in the list the user is looking at (same rules as the server's query). */
export function matchesFilter(e: EventRecord, f: EventFilter): boolean {
  if (f.severity.length && !f.severity.includes(e.severity)) return false;
  if (f.deviceId && e.deviceId !== f.deviceId) return false;
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
    ...(before !== null && { before }),
  };
}
