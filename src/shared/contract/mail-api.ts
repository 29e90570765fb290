import { z } from 'zod';
import {
  MailTestRequestSchema,
  MailTestResultSchema,
  OutboxEntrySchema,
  OutboxIdSchema,
  SmtpSettingsSchema,
  SmtpSettingsUpdateSchema,
} from './mail';

const Empty = z.strictObject({});

/** When each scheduled report profile runs next (null: its expression never fires again). */
export const ScheduledRunSchema = z.strictObject({
  profile: z.string(),
  nextRunAt: z.number().int().nullable(),
  running: z.boolean(),
});
export type ScheduledRun = z.infer<typeof ScheduledRunSchema>;

/** The `mail:*` calls: SMTP settings (never the password), the test mail, the outbox. */
export const mailCalls = {
  'mail:settings': { request: Empty, response: SmtpSettingsSchema },
  'mail:save': { request: SmtpSettingsUpdateSchema, response: SmtpSettingsSchema },
  'mail:test': { request: MailTestRequestSchema, response: MailTestResultSchema },
  'mail:outbox': { request: Empty, response: z.array(OutboxEntrySchema) },
  'mail:retry': { request: OutboxIdSchema, response: z.strictObject({ entry: OutboxEntrySchema.nullable() }) },
  'mail:discard': { request: OutboxIdSchema, response: z.strictObject({ removed: z.boolean() }) },
  'schedule:next': { request: Empty, response: z.array(ScheduledRunSchema) },
} as const;
