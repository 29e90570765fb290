import { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../../../shared/contract/mail';
import { classifyMailError } from './mail-errors';
import { MailError, type Mailer, type OutgoingMail, type SentMail } from './mailer';
import { probeCertificate, smtpTlsOptions } from './smtp-tls';

export interface SmtpMailerOptions {
  settings: SmtpSettings;
  /** Null when the server needs no authentication. */
  password: string | null;
  /** Bound on connect, greeting and each SMTP step; a dead relay must not hold a schedule for minutes. */
  timeoutMs?: number;
}

const asList = (v: unknown): string[] =>
  Array.isArray(v)
    ? (v as unknown[]).map((a) =>
        typeof a === 'object' && a !== null && 'address' in a ? String((a).address) : String(a),
      )
    : [];

/**
 * The Mailer on nodemailer's SMTP transport, one connection per mail (reports and alerts are rare; a pool
 * would only hold idle connections the relay drops). A TLS certificate the system does not trust is
 * fetched once more to show its fingerprint, so the user can pin it (trust on first use).
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const { settings, password } = options;
  const timeout = options.timeoutMs ?? 20_000;
  const ctx = { host: settings.host, port: settings.port, username: settings.username };
  return {
    async send(mail: OutgoingMail): Promise<SentMail> {
      if (!settings.host || !settings.from) {
        throw new MailError('not-configured', 'No SMTP server is configured (Settings → Mail, or --smtp on the command line)');
      }
      if (settings.username && !password) {
        throw new MailError('auth', `No password is stored for SMTP user ${settings.username}`);
      }
      const transport = createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.security === 'tls',
        requireTLS: settings.security === 'starttls',
        ignoreTLS: settings.security === 'none',
        auth: settings.username && password ? { user: settings.username, pass: password } : undefined,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout * 3,
        dnsTimeout: timeout,
        tls: smtpTlsOptions({ caFile: settings.caFile, pinned: settings.pinnedCertificate }),
      });
      try {
        const info = await transport.sendMail({
          from: settings.from,
          replyTo: settings.replyTo ?? undefined,
          to: mail.to,
          cc: mail.cc && mail.cc.length ? mail.cc : undefined,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: mail.attachments?.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content),
          })),
        });
        return { messageId: info.messageId, accepted: asList(info.accepted), rejected: asList(info.rejected) };
      } catch (error) {
        const classified = classifyMailError(error, ctx);
        if (classified.kind !== 'tls-untrusted') throw classified;
        const certificate = await probeCertificate(settings.host, settings.port, settings.security, timeout);
        const pinned = settings.pinnedCertificate;
        if (pinned) {
          // The pinned certificate is the only trust anchor: any other one failing the chain is a change.
          const presented = certificate ? `, presented ${certificate.fingerprint}` : '';
          throw new MailError(
            'tls-changed',
            `TLS: the certificate of ${settings.host}:${settings.port} changed: pinned ${pinned.fingerprint}${presented}; accept the new one only if the change is expected`,
            certificate,
            { cause: error },
          );
        }
        const shown = certificate ? `; SHA-256 fingerprint ${certificate.fingerprint}` : '';
        throw new MailError('tls-untrusted', `${classified.message}${shown}`, certificate, { cause: error });
      } finally {
        transport.close();
      }
    },
  };
}
