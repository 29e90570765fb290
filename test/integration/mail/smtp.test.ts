import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpSettingsUpdate } from '../../../src/shared/contract/mail';
import { MailService } from '../../../src/main/core/mail/mail-service';
import { createSmtpMailer } from '../../../src/main/core/mail/smtp-mailer';
import { MailError } from '../../../src/main/core/mail/mailer';
import type { Clock, Logger } from '../../../src/main/core/ports';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';
import { defaultSettings, parseSettingsDocument, type Settings } from '../../../src/main/core/settings/schema';
import type { SettingsStore } from '../../../src/main/core/settings/settings-store';
import { freeTcpPort } from '../../helpers/free-port';
import { missingPeer } from '../../helpers/peer';
import { hasOpenssl, selfSignedCertificate, startSmtp, type TestSmtp } from '../../helpers/smtp';

const USER = 'vigie';
const PASSWORD = 'relay-secret-42';
const PDF = Buffer.from('%PDF-1.4\n% a tiny stand-in for the report PDF\n%%EOF\n');

class MemorySettings implements SettingsStore {
  readonly notices: readonly string[] = [];
  private current: Settings = defaultSettings();
  get(): Settings {
    return this.current;
  }
  update(change: (s: Settings) => Settings): Settings {
    const parsed = parseSettingsDocument(change(structuredClone(this.current)));
    if (!parsed.ok) throw new Error(parsed.reason);
    this.current = parsed.settings;
    return this.current;
  }
}

class RecordingLog implements Logger {
  readonly lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  info(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, fields });
  }
}

class FakeClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
}

async function failure(p: Promise<unknown>): Promise<MailError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
}

describe.skipIf(missingPeer('openssl', hasOpenssl ? null : 'openssl not installed (apt-get install openssl)'))(
  'mail transport against a real SMTP server (STARTTLS + AUTH)',
  () => {
    let dir: string;
    let tlsMaterial: { key: string; cert: string; certPath: string };
    let smtp: TestSmtp;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigie-mail-'));
      tlsMaterial = selfSignedCertificate(dir);
      smtp = await startSmtp({ ...tlsMaterial, user: USER, password: PASSWORD });
    });
    afterAll(async () => {
      await smtp.close();
    });

    const settingsFor = (over: Partial<SmtpSettingsUpdate> = {}): SmtpSettingsUpdate => ({
      host: '127.0.0.1',
      port: smtp.port,
      security: 'starttls',
      username: USER,
      from: 'Vigie <vigie@example.com>',
      replyTo: 'ops-team@example.com',
      caFile: null,
      pinnedCertificate: null,
      ...over,
    });

    async function service(over: Partial<SmtpSettingsUpdate> = {}, password: string | null = PASSWORD, dataDir = dir): Promise<{ mail: MailService; log: RecordingLog; clock: FakeClock }> {
      const log = new RecordingLog();
      const clock = new FakeClock(Date.UTC(2026, 11, 3, 6, 0));
      const mail = new MailService({ dataDir, settings: new MemorySettings(), secrets: new MemorySecretStore(), clock, log, timeoutMs: 10_000 });
      await mail.save({ ...settingsFor(over), password });
      return { mail, log, clock };
    }

    it('refuses a self-signed certificate with its fingerprint, then sends once it is pinned (trust on first use)', async () => {
      const { mail } = await service();
      const test = await mail.test(['ops@example.com']);
      expect(test.ok).toBe(false);
      expect(test.failure?.kind).toBe('tls-untrusted');
      const cert = test.failure!.certificate!;
      expect(cert).not.toBeNull();
      const expected = new (await import('node:crypto')).X509Certificate(tlsMaterial.cert).fingerprint256.toUpperCase();
      expect(cert.fingerprint).toBe(expected);
      expect(test.failure!.message).toContain(expected);
      expect(smtp.received).toHaveLength(0);

      await mail.save({ ...settingsFor({ pinnedCertificate: { fingerprint: cert.fingerprint, pem: cert.pem } }) });
      const again = await mail.test(['ops@example.com']);
      expect(again, JSON.stringify(again)).toMatchObject({ ok: true, failure: null });
      const got = smtp.received.at(-1)!;
      expect(got.mail.subject).toBe('Vigie test mail');
      expect(got.user).toBe(USER);
    });

    it('a pinned certificate that changed is refused as changed', async () => {
      const other = selfSignedCertificate(dir, 'other');
      const { X509Certificate } = await import('node:crypto');
      const { mail } = await service({
        pinnedCertificate: { fingerprint: new X509Certificate(other.cert).fingerprint256.toUpperCase(), pem: other.cert },
      });
      const test = await mail.test(['ops@example.com']);
      expect(test.failure?.kind).toBe('tls-changed');
      const presented = new X509Certificate(tlsMaterial.cert).fingerprint256.toUpperCase();
      expect(test.failure?.message).toContain(`presented ${presented}`);
      expect(test.failure?.certificate?.fingerprint).toBe(presented);
      expect(smtp.received.every((r) => r.mail.subject !== 'Vigie test mail' || r.user === USER)).toBe(true);
    });

    it('delivers the report mail: HTML body, PDF attachment, subject, to and cc (CA file trust)', async () => {
      const mailer = createSmtpMailer({
        settings: { ...settingsFor({ caFile: tlsMaterial.certPath }), passwordSet: true },
        password: PASSWORD,
      });
      const before = smtp.received.length;
      const info = await mailer.send({
        to: ['ops@example.com', 'lead@example.com'],
        cc: ['audit@example.com'],
        subject: 'Vigie report Daily — 2026-12-03 — 2 critical, 5 warning',
        text: 'Daily report: 2 critical, 5 warning',
        html: '<html><body><h1>Daily report</h1><p>VM &lt;db01&gt; has an old snapshot</p></body></html>',
        attachments: [{ filename: 'vigie-report-Daily-2026-12-03.pdf', contentType: 'application/pdf', content: PDF }],
      });
      expect(info.accepted.sort()).toEqual(['audit@example.com', 'lead@example.com', 'ops@example.com']);
      expect(smtp.received).toHaveLength(before + 1);
      const { mail, envelopeTo } = smtp.received.at(-1)!;
      expect(mail.subject).toBe('Vigie report Daily — 2026-12-03 — 2 critical, 5 warning');
      expect(mail.html).toContain('<h1>Daily report</h1>');
      expect(mail.html).toContain('VM &lt;db01&gt;');
      expect(mail.text?.trim()).toBe('Daily report: 2 critical, 5 warning');
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['ops@example.com', 'lead@example.com']);
      const cc = Array.isArray(mail.cc) ? mail.cc : [mail.cc];
      expect(cc.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['audit@example.com']);
      expect(mail.from?.value[0]?.address).toBe('vigie@example.com');
      const replyTo = mail.replyTo?.value[0]?.address;
      expect(replyTo).toBe('ops-team@example.com');
      expect(envelopeTo.sort()).toEqual(['audit@example.com', 'lead@example.com', 'ops@example.com']);
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toBe('application/pdf');
      expect(mail.attachments[0]!.filename).toBe('vigie-report-Daily-2026-12-03.pdf');
      expect(Buffer.compare(mail.attachments[0]!.content, PDF)).toBe(0);
    });

    it('a wrong password is an authentication error naming the user and quoting the server', async () => {
      const mailer = createSmtpMailer({ settings: { ...settingsFor({ caFile: tlsMaterial.certPath }), passwordSet: true }, password: 'wrong' });
      const e = await failure(mailer.send({ to: ['ops@example.com'], subject: 's', text: 't' }));
      expect(e.kind).toBe('auth');
      expect(e.message).toContain(`user ${USER}`);
      expect(e.message).toMatch(/535/);
    });

    it('a refused recipient is named', async () => {
      const mailer = createSmtpMailer({ settings: { ...settingsFor({ caFile: tlsMaterial.certPath }), passwordSet: true }, password: PASSWORD });
      const e = await failure(mailer.send({ to: ['nobody@refused.example'], subject: 's', text: 't' }));
      expect(e.kind).toBe('recipient');
      expect(e.message).toContain('nobody@refused.example');
      expect(e.message).toMatch(/550/);
    });

    it('a server that is down is a refused connection; an unknown name is a DNS error', async () => {
      const port = await freeTcpPort();
      const down = createSmtpMailer({ settings: { ...settingsFor({ port }), passwordSet: true }, password: PASSWORD });
      const e = await failure(down.send({ to: ['ops@example.com'], subject: 's', text: 't' }));
      expect(e.kind).toBe('refused');
      expect(e.message).toContain(`127.0.0.1:${port}`);
      const dns = createSmtpMailer({ settings: { ...settingsFor({ host: 'no-such-relay.invalid' }), passwordSet: true }, password: PASSWORD });
      const d = await failure(dns.send({ to: ['ops@example.com'], subject: 's', text: 't' }));
      expect(d.kind).toBe('dns');
      expect(d.message).toContain('no-such-relay.invalid');
    });

    it('the outbox keeps a mail while the server is down and delivers it after it comes back, across a restart', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'vigie-outbox-'));
      const port = await freeTcpPort();
      const first = await service({ port, caFile: tlsMaterial.certPath }, PASSWORD, dataDir);
      const submitted = await first.mail.outbox.submit({
        to: ['ops@example.com'],
        subject: 'Kept across a restart',
        text: 'body',
        attachments: [{ filename: 'r.pdf', contentType: 'application/pdf', content: PDF }],
      });
      expect(submitted.sent).toBe(false);
      const [entry] = first.mail.outbox.list();
      expect(entry).toMatchObject({ subject: 'Kept across a restart', attempts: 1, lastError: { kind: 'refused' } });
      expect(entry!.nextAttemptAt).toBe(first.clock.t + 60_000);
      expect(first.log.lines.some((l) => l.message === 'mail not sent, kept in the outbox' && l.fields?.kind === 'refused')).toBe(true);
      // Not due yet: nothing is tried; then due and still down: attempts 2, backoff doubled.
      await first.mail.outbox.retryDue();
      expect(first.mail.outbox.list()[0]!.attempts).toBe(1);
      first.clock.t += 60_000;
      await first.mail.outbox.retryDue();
      expect(first.mail.outbox.list()[0]).toMatchObject({ attempts: 2, nextAttemptAt: first.clock.t + 120_000 });
      await first.mail.stop();

      // "Vigie restarts" on the same data folder, and the server is back on its port.
      const back = await startSmtp({ ...tlsMaterial, port, user: USER, password: PASSWORD });
      try {
        const second = await service({ port, caFile: tlsMaterial.certPath }, PASSWORD, dataDir);
        expect(second.mail.outbox.list().map((e) => e.subject)).toEqual(['Kept across a restart']);
        second.clock.t = second.mail.outbox.list()[0]!.nextAttemptAt;
        await second.mail.outbox.retryDue();
        expect(second.mail.outbox.list()).toEqual([]);
        expect(readdirSync(join(dataDir, 'outbox'))).toEqual([]);
        expect(back.received).toHaveLength(1);
        expect(back.received[0]!.mail.subject).toBe('Kept across a restart');
        expect(Buffer.compare(back.received[0]!.mail.attachments[0]!.content, PDF)).toBe(0);
        const sent = second.log.lines.find((l) => l.message === 'mail sent');
        expect(sent?.fields).toMatchObject({ to: ['ops@example.com'], subject: 'Kept across a restart', attempts: 3 });
      } finally {
        await back.close();
      }
    });

    it('the password never reaches the settings document', async () => {
      const { mail } = await service();
      expect(JSON.stringify(mail.view())).not.toContain(PASSWORD);
      expect(mail.view().passwordSet).toBe(true);
      expect(readFileSync(tlsMaterial.certPath, 'utf8')).toContain('BEGIN CERTIFICATE');
    });
  },
);
