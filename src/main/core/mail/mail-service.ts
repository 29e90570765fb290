import { join } from 'node:path';
import type { MailTestResult, SmtpSettings, SmtpSettingsUpdate } from '../../../shared/contract/mail';
import { VigieError } from '../../../shared/contract/envelope';
import type { Clock, Logger, SecretStore } from '../ports';
import type { SettingsStore } from '../settings/settings-store';
import { classifyMailError } from './mail-errors';
import { MailError, type Mailer, type OutgoingMail, type SentMail } from './mailer';
import { Outbox } from './outbox';
import { createSmtpMailer } from './smtp-mailer';
import { pemFingerprint } from './smtp-tls';

/** Where the SMTP password lives in the SecretStore (keychain, or the appliance's secrets file). */
export const SMTP_PASSWORD_REF = 'smtp-password';

export interface MailServiceOptions {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  clock: Clock;
  log: Logger;
  timeoutMs?: number;
  outbox?: { baseDelayMs?: number; maxDelayMs?: number; tickMs?: number };
}

/**
 * The app's mail: a Mailer that reads the SMTP settings and the password at each send (so a change in the
 * settings page applies to the next mail, retries included), the Outbox over it, and the settings-page calls.
 */
export class MailService {
  readonly mailer: Mailer;
  readonly outbox: Outbox;

  constructor(private readonly o: MailServiceOptions) {
    this.mailer = {
      send: async (mail: OutgoingMail): Promise<SentMail> => {
        const smtp = o.settings.get().smtp;
        const password = smtp.username && smtp.passwordSet ? await o.secrets.get(SMTP_PASSWORD_REF).catch(() => null) : null;
        return createSmtpMailer({ settings: smtp, password, timeoutMs: o.timeoutMs }).send(mail);
      },
    };
    this.outbox = new Outbox({ dir: join(o.dataDir, 'outbox'), mailer: this.mailer, clock: o.clock, log: o.log, ...o.outbox });
  }

  view(): SmtpSettings {
    return this.o.settings.get().smtp;
  }

  async save(update: SmtpSettingsUpdate): Promise<SmtpSettings> {
    const { password, ...fields } = update;
    if (fields.pinnedCertificate) {
      let actual: string;
      try {
        actual = pemFingerprint(fields.pinnedCertificate.pem);
      } catch {
        throw new VigieError('invalid_request', 'The certificate to trust is not a valid PEM certificate');
      }
      if (actual !== fields.pinnedCertificate.fingerprint) {
        throw new VigieError('invalid_request', `The certificate's fingerprint is ${actual}, not the one shown (${fields.pinnedCertificate.fingerprint})`);
      }
    }
    if (password !== undefined) {
      if (password === null) await this.o.secrets.delete(SMTP_PASSWORD_REF).catch(() => undefined);
      else {
        const status = await this.o.secrets.status();
        if (!status.available) throw new VigieError('unavailable', `The SMTP password cannot be stored: ${status.message ?? 'no secret store'}`);
        await this.o.secrets.set(SMTP_PASSWORD_REF, password);
      }
    }
    const previous = this.o.settings.get().smtp;
    const username = fields.username?.trim() ? fields.username.trim() : null;
    const passwordSet = password === undefined ? previous.passwordSet : password !== null;
    this.o.settings.update((s) => ({ ...s, smtp: { ...fields, username, passwordSet } }));
    this.o.log.info('mail settings saved', {
      host: fields.host,
      port: fields.port,
      security: fields.security,
      user: username,
      pinned: fields.pinnedCertificate?.fingerprint ?? null,
    });
    return this.view();
  }

  /** Sends a test mail now, outside the outbox: the user wants to know at once what fails. */
  async test(to: string[]): Promise<MailTestResult> {
    const started = this.o.clock.now();
    const smtp = this.view();
    try {
      const info = await this.mailer.send({
        to,
        subject: 'Vigie test mail',
        text: `This test mail was sent by Vigie through ${smtp.host}:${smtp.port} (${smtp.security}). Reports and alerts will arrive the same way.`,
      });
      this.o.log.info('test mail sent', { to: info.accepted, rejected: info.rejected, messageId: info.messageId });
      return { ok: true, durationMs: this.o.clock.now() - started, messageId: info.messageId, failure: null };
    } catch (error) {
      const failure =
        error instanceof MailError ? error : classifyMailError(error, { host: smtp.host, port: smtp.port, username: smtp.username });
      this.o.log.warn('test mail failed', { to, kind: failure.kind, error: failure.message });
      return { ok: false, durationMs: this.o.clock.now() - started, messageId: null, failure: failure.toFailure() };
    }
  }

  start(): void {
    this.outbox.start();
  }

  stop(): Promise<void> {
    return this.outbox.stop();
  }
}
