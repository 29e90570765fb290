import { z } from 'zod';
import { AcknowledgementSchema } from '../../../shared/contract/alerting';
import { StateSchema } from '../../../shared/contract/common';

/**
 * What the engine remembers of one check between polls, and across restarts (`alert_checks` in events.db):
 * the accepted state and since when, a breach waiting for its duration, the last notification, the
 * acknowledgement, the silence and the recent state changes that make it flapping.
 */
export const CheckMemorySchema = z.object({
  state: StateSchema,
  since: z.number(),
  /** A worse state seen but not held long enough yet ("for 10 min"). */
  pendingState: StateSchema.nullable().default(null),
  pendingSince: z.number().nullable().default(null),
  lastNotifiedAt: z.number().nullable().default(null),
  ack: AcknowledgementSchema.nullable().default(null),
  silencedUntil: z.number().nullable().default(null),
  /** Times of the accepted state changes within the flapping window, with the state entered. */
  changes: z.array(z.tuple([z.number(), StateSchema])).default([]),
  flapping: z.boolean().default(false),
  /** When flapping: the worst state within the window, shown instead of the changing one. */
  flapWorst: StateSchema.nullable().default(null),
  lastValue: z.number().nullable().default(null),
  lastSeenAt: z.number().nullable().default(null),
});
export type CheckMemory = z.infer<typeof CheckMemorySchema>;

export function freshMemory(now: number): CheckMemory {
  return {
    state: 'ok',
    since: now,
    pendingState: null,
    pendingSince: null,
    lastNotifiedAt: null,
    ack: null,
    silencedUntil: null,
    changes: [],
    flapping: false,
    flapWorst: null,
    lastValue: null,
    lastSeenAt: null,
  };
}

/** The state a check shows: its worst of the window while flapping. */
export function shownState(m: CheckMemory): CheckMemory['state'] {
  return m.flapping && m.flapWorst ? m.flapWorst : m.state;
}

/**
 * Per device (check id '' in the table): what was last notified for the device as a whole, so that a
 * recovery is notified exactly when its problem was, even across a maintenance window or a restart.
 */
export const DeviceMemorySchema = z.object({
  notifiedState: StateSchema.nullable().default(null),
  /** A problem was notified and its recovery not yet. */
  problemNotified: z.boolean().default(false),
  /** The last problem was muted as a child of a down parent: no re-notification or flapping notice of its own. */
  muted: z.boolean().default(false),
});
export type DeviceMemory = z.infer<typeof DeviceMemorySchema>;
