import type { MailCertificate, MailErrorKind, MailFailure } from '../../../shared/contract/mail';

/** One attachment, bytes in memory (reports are a few MB at most). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** A mail as the report, the schedule and the alerting hand it over; `from` and reply-to come from the settings. */
export interface OutgoingMail {
  to: string[];
  cc?: string[];
  subject: string;
  /** Plain-text body, always present: some clients and every log reader show only this. */
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  /** Recipients the server refused while accepting others (all refused is a MailError 'recipient'). */
  rejected: string[];
}

/**
 * THE mail port: hands one mail to the configured SMTP server now, or throws a MailError saying precisely
 * why not. Reports, schedules and alerts send through it; the Outbox wraps it when a mail must not be lost.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
}

export class MailError extends Error {
  constructor(
    readonly kind: MailErrorKind,
    message: string,
    readonly certificate: MailCertificate | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailError';
  }

  toFailure(): MailFailure {
    return { kind: this.kind, message: this.message, certificate: this.certificate };
  }
}
