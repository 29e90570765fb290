import { z } from 'zod';
import { MailAddressSchema } from './mail';

/**
 * When a report profile runs by itself and whom it mails (issue 13). Optional fields of ReportProfile: a
 * profile without them runs only on demand and mails nobody.
 */

/** IANA zone name ("Europe/Paris"); absent = the machine's zone. Checked by Intl, so any name Node knows. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const ReportScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('daily'),
    /** Local time of day, 24 h. */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM expected'),
    timezone: TimeZoneSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('cron'),
    /** Five fields (minute hour day month weekday), as croner reads them; checked by the core when saved. */
    expression: z.string().trim().min(9).max(120),
    timezone: TimeZoneSchema.optional(),
  }),
]);
export type ReportSchedule = z.infer<typeof ReportScheduleSchema>;

export const SnapshotOwnersSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** vCenter user (as the event names it, e.g. "VSPHERE.LOCAL\\alice") → address; checked before the domain. */
  addresses: z.record(z.string().min(1).max(256), MailAddressSchema).default({}),
  /** "example.com": alice → alice@example.com. Null: only the map resolves creators. */
  domain: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'a mail domain such as example.com')
    .nullable()
    .default(null),
});
export type SnapshotOwners = z.infer<typeof SnapshotOwnersSchema>;

export const ReportMailSchema = z.strictObject({
  to: z.array(MailAddressSchema).min(1).max(50),
  cc: z.array(MailAddressSchema).max(50).default([]),
  /** Attach the PDF as well as the HTML body. */
  pdf: z.boolean().default(false),
  /** Do not mail a report without findings (a failed run is always mailed). */
  skipWhenClean: z.boolean().default(false),
  snapshotOwners: SnapshotOwnersSchema.default({ enabled: false, addresses: {}, domain: null }),
});
export type ReportMail = z.infer<typeof ReportMailSchema>;
