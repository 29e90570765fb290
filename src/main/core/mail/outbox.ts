import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MailFailureSchema, type OutboxEntry } from '../../../shared/contract/mail';
import type { Clock, Logger } from '../ports';
import { classifyMailError } from './mail-errors';
import type { Mailer, OutgoingMail, SentMail } from './mailer';

/** A kept mail on disk: everything needed to send it again after a restart. */
const StoredMailSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  lastError: MailFailureSchema.omit({ certificate: true }).nullable(),
  mail: z.object({
    to: z.array(z.string()).min(1),
    cc: z.array(z.string()).default([]),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), base64: z.string() })).default([]),
  }),
});
type StoredMail = z.infer<typeof StoredMailSchema>;

export interface OutboxOptions {
  dir: string;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  /** First retry delay, doubled per attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often the timer looks for due mails. */
  tickMs?: number;
}

export type SubmitResult = { sent: true; info: SentMail; id: string } | { sent: false; entry: OutboxEntry };

/**
 * Mails that must not be lost (reports, alerts): each is written to `<data>/outbox/<id>.json` BEFORE the
 * first attempt, removed once the server accepted it, otherwise retried with exponential backoff (1 min
 * doubling to 1 h by default) for as long as it stays there, across restarts. The user sees each waiting
 * mail with its last error and may retry it now or discard it. One delivery pass at a time.
 */
export class Outbox {
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> | null = null;
  /** Mails being sent right now: a timer pass must not send one that submit() is still sending. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly o: OutboxOptions) {
    this.baseDelayMs = o.baseDelayMs ?? 60_000;
    this.maxDelayMs = o.maxDelayMs ?? 3_600_000;
    mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  }

  /** Keeps the mail, tries it once now, and says whether it went. */
  async submit(mail: OutgoingMail): Promise<SubmitResult> {
    const stored: StoredMail = {
      id: `${this.o.clock.now()}-${randomUUID().slice(0, 8)}`,
      createdAt: this.o.clock.now(),
      attempts: 0,
      nextAttemptAt: this.o.clock.now(),
      lastError: null,
      mail: {
        to: mail.to,
        cc: mail.cc ?? [],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          base64: Buffer.from(a.content).toString('base64'),
        })),
      },
    };
    this.write(stored);
    const info = await this.attempt(stored);
    return info ? { sent: true, info, id: stored.id } : { sent: false, entry: toEntry(this.read(stored.id) ?? stored) };
  }

  list(): OutboxEntry[] {
    return this.all().map(toEntry);
  }

  /** Sends every mail whose retry time has come (or every one with `all`), one after the other. */
  retryDue(all = false): Promise<void> {
    if (this.pass) return this.pass;
    const pass = (async () => {
      for (const stored of this.all()) {
        if (this.inFlight.has(stored.id)) continue;
        if (all || stored.nextAttemptAt <= this.o.clock.now()) await this.attempt(stored);
      }
    })();
    // Cleared after the assignment: a pass with nothing due settles before `this.pass` would be set.
    this.pass = pass.finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  async retryNow(id: string): Promise<OutboxEntry | null> {
    const stored = this.read(id);
    if (!stored || this.inFlight.has(id)) return stored ? toEntry(stored) : null;
    await this.attempt(stored);
    const left = this.read(id);
    return left ? toEntry(left) : null;
  }

  discard(id: string): boolean {
    const stored = this.read(id);
    if (!stored) return false;
    rmSync(this.path(id), { force: true });
    this.o.log.warn('mail discarded from the outbox', { to: stored.mail.to, subject: stored.mail.subject });
    return true;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.retryDue(), this.o.tickMs ?? 15_000);
    this.timer.unref();
    void this.retryDue();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pass;
  }

  private async attempt(stored: StoredMail): Promise<SentMail | null> {
    const { mail } = stored;
    this.inFlight.add(stored.id);
    try {
      const info = await this.o.mailer.send({
        to: mail.to,
        cc: mail.cc,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.base64, 'base64'),
        })),
      });
      rmSync(this.path(stored.id), { force: true });
      this.o.log.info('mail sent', {
        to: info.accepted,
        rejected: info.rejected,
        subject: mail.subject,
        messageId: info.messageId,
        attempts: stored.attempts + 1,
      });
      return info;
    } catch (error) {
      const failure = classifyMailError(error, { host: '?', port: 0, username: null });
      const attempts = stored.attempts + 1;
      const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
      const next: StoredMail = {
        ...stored,
        attempts,
        nextAttemptAt: this.o.clock.now() + delay,
        lastError: { kind: failure.kind, message: failure.message },
      };
      this.write(next);
      this.o.log.warn('mail not sent, kept in the outbox', {
        to: mail.to,
        cc: mail.cc,
        subject: mail.subject,
        error: failure.message,
        kind: failure.kind,
        attempts,
        nextAttemptAt: new Date(next.nextAttemptAt).toISOString(),
      });
      return null;
    } finally {
      this.inFlight.delete(stored.id);
    }
  }

  private path(id: string): string {
    return join(this.o.dir, `${id}.json`);
  }

  private write(stored: StoredMail): void {
    const tmp = `${this.path(stored.id)}.tmp`;
    writeFileSync(tmp, JSON.stringify(stored), { mode: 0o600 });
    renameSync(tmp, this.path(stored.id));
  }

  private read(id: string): StoredMail | null {
    if (!/^[A-Za-z0-9-]+$/.test(id)) return null;
    try {
      return StoredMailSchema.parse(JSON.parse(readFileSync(this.path(id), 'utf8')));
    } catch {
      return null;
    }
  }

  private all(): StoredMail[] {
    let names: string[];
    try {
      names = readdirSync(this.o.dir);
    } catch {
      return [];
    }
    const out: StoredMail[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const stored = this.read(name.slice(0, -'.json'.length));
      if (stored) out.push(stored);
      else this.o.log.error('unreadable outbox file left in place', { file: join(this.o.dir, name) });
    }
    return out;
  }
}

function toEntry(s: StoredMail): OutboxEntry {
  return {
    id: s.id,
    subject: s.mail.subject,
    to: s.mail.to,
    cc: s.mail.cc,
    createdAt: s.createdAt,
    attempts: s.attempts,
    nextAttemptAt: s.nextAttemptAt,
    lastError: s.lastError,
  };
}
