import { z } from 'zod';
import { MessageSchema } from '../messages/message';
import { DeviceIdSchema, Timestamp } from './common';

export const SeveritySchema = z.enum(['info', 'ok', 'warning', 'critical', 'unknown']);
export type Severity = z.infer<typeof SeveritySchema>;

export const EventRecordSchema = z.strictObject({
  id: z.number().int(),
  at: Timestamp,
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  severity: SeveritySchema,
  /**
   * state: a device or check changed state; device: a poll error or remark; system: the console itself;
   * audit: a configuration change, with who made it.
   */
  kind: z.enum(['state', 'device', 'system', 'trap', 'audit']),
  /** English text, for the log and older readers; `text` (when set) is what the reader sees, in their language. */
  message: z.string(),
  text: MessageSchema.optional(),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

export const EventsQuerySchema = z.strictObject({
  deviceId: DeviceIdSchema.optional(),
  severity: z.array(SeveritySchema).optional(),
  text: z.string().max(200).optional(),
  kind: z.array(z.enum(['state', 'device', 'system', 'trap', 'audit'])).optional(),
  /** Time range (ms since the epoch), inclusive. */
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  /** Paging: only events older than the event with this id (the oldest one shown); newest first. */
  before: z.number().int().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const NotificationSchema = z.strictObject({
  title: z.string(),
  body: z.string(),
  severity: SeveritySchema,
  /** The device the notification is about: a click opens its page. */
  deviceId: DeviceIdSchema.optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;
