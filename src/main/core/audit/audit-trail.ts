import type { EventRecord } from '../../../shared/contract/events';
import { msg, type Message } from '../../../shared/messages/message';
import type { EventStore } from '../events/event-store';
import type { Clock, EventSink, Logger } from '../ports';
import { currentCaller, currentCallerMessage } from './caller';

export interface AuditDeps {
  events: EventStore;
  /** Absent in tests that only read the event log. */
  sink?: EventSink;
  clock: Clock;
  log: Logger;
}

export interface AuditEntry {
  /** What changed, in words, without any secret. */
  what: string;
  /**
   * The same in the reader's language: an `audit.*` code whose template ends in "(by {who})"; `who` is
   * added here. Without it the English words are shown as they are.
   */
  text?: Message;
  device?: { id: string; name: string };
}

export type Audit = (entry: AuditEntry) => EventRecord;

/** Configuration changes go to the event log (the Events page, live) and to the log file, with who made them. */
export function createAudit(d: AuditDeps): Audit {
  return ({ what, text, device }) => {
    const who = currentCaller();
    const coded = text ?? msg('audit.plain', { what });
    const event = d.events.append({
      at: d.clock.now(),
      deviceId: device?.id ?? null,
      deviceName: device?.name ?? null,
      severity: 'info',
      kind: 'audit',
      message: `${what} (by ${who})`,
      text: { code: coded.code, params: { ...coded.params, who: currentCallerMessage() } },
    });
    d.sink?.emit('events:appended', event);
    d.log.info('audit', { who, what, ...(device ? { device: device.name } : {}) });
    return event;
  };
}

/** Names of the settings that differ between two versions of a device, for "Device edited: … (host, port)". */
export function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}
