import { z } from 'zod';
import { Timestamp } from './common';
import { CertificateInfoSchema, FingerprintSchema } from './devices';

/**
 * The mail transport's contract (issue 13): SMTP settings as stored (no password: the SecretStore holds it
 * under `smtp-password`), the test mail, the outbox. One transport for reports and alerts.
 */

export const SmtpSecuritySchema = z.enum(['none', 'starttls', 'tls']);
export type SmtpSecurity = z.infer<typeof SmtpSecuritySchema>;

/** A bare address (the envelope needs one); display names belong to `from` only. */
export const MailAddressSchema = z.email().max(254);

/** A certificate accepted by the user (trust on first use): the PEM is what TLS trusts, the fingerprint what was shown. */
export const PinnedCertificateSchema = z.strictObject({
  fingerprint: FingerprintSchema,
  pem: z.string().min(1).max(20_000),
});
export type PinnedCertificate = z.infer<typeof PinnedCertificateSchema>;

export const SmtpSettingsSchema = z.object({
  /** Empty = no mail configured. */
  host: z.string().trim().max(253).default(''),
  port: z.number().int().min(1).max(65535).default(587),
  security: SmtpSecuritySchema.default('starttls'),
  /** Null = no authentication. */
  username: z.string().max(256).nullable().default(null),
  passwordSet: z.boolean().default(false),
  /** "Vigie <vigie@example.com>" or a bare address. */
  from: z.string().trim().max(320).default(''),
  replyTo: MailAddressSchema.nullable().default(null),
  /** A PEM file of an internal CA, trusted in addition to the system's roots. */
  caFile: z.string().max(4096).nullable().default(null),
  pinnedCertificate: PinnedCertificateSchema.nullable().default(null),
});
export type SmtpSettings = z.infer<typeof SmtpSettingsSchema>;

export function defaultSmtpSettings(): SmtpSettings {
  return SmtpSettingsSchema.parse({});
}

/** What the settings page may change; `password` undefined keeps the stored one, null removes it. */
export const SmtpSettingsUpdateSchema = z.strictObject({
  host: z.string().trim().max(253),
  port: z.number().int().min(1).max(65535),
  security: SmtpSecuritySchema,
  username: z.string().max(256).nullable(),
  password: z.string().min(1).max(1024).nullable().optional(),
  from: z.string().trim().max(320),
  replyTo: MailAddressSchema.nullable(),
  caFile: z.string().max(4096).nullable(),
  pinnedCertificate: PinnedCertificateSchema.nullable(),
});
export type SmtpSettingsUpdate = z.infer<typeof SmtpSettingsUpdateSchema>;

/** Why a mail could not be handed to the server, precise enough to act on. */
export const MailErrorKindSchema = z.enum([
  'not-configured',
  'dns',
  'refused',
  'timeout',
  'network',
  'tls-untrusted',
  'tls-changed',
  'tls',
  'auth',
  'sender',
  'recipient',
  'message',
  'unknown',
]);
export type MailErrorKind = z.infer<typeof MailErrorKindSchema>;

export const MailCertificateSchema = CertificateInfoSchema.extend({ pem: z.string() });
export type MailCertificate = z.infer<typeof MailCertificateSchema>;

export const MailFailureSchema = z.strictObject({
  kind: MailErrorKindSchema,
  message: z.string(),
  /** The server's certificate when it was not trusted, for trust on first use. */
  certificate: MailCertificateSchema.nullable(),
});
export type MailFailure = z.infer<typeof MailFailureSchema>;

export const MailTestRequestSchema = z.strictObject({ to: z.array(MailAddressSchema).min(1).max(20) });

export const MailTestResultSchema = z.strictObject({
  ok: z.boolean(),
  durationMs: z.number().nonnegative(),
  messageId: z.string().nullable(),
  failure: MailFailureSchema.nullable(),
});
export type MailTestResult = z.infer<typeof MailTestResultSchema>;

/** One mail waiting in the outbox (the body stays in the core). */
export const OutboxEntrySchema = z.strictObject({
  id: z.string(),
  subject: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  createdAt: Timestamp,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: Timestamp,
  lastError: MailFailureSchema.omit({ certificate: true }).nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export const OutboxIdSchema = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]{1,80}$/) });
