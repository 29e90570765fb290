import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface SessionOptions {
  /** A session not used for this long ends (default 12 h). */
  idleMs?: number;
  /** And every session ends this long after login, used or not (default 7 days). */
  absoluteMs?: number;
  now?: () => number;
  /**
   * Keeps sessions across a restart in this file (token hashes and times only, mode 0600). Sessions are
   * tied to `credential`, a digest of the admin password hash: changing the password, even while the server
   * is down, ends them.
   */
  persist?: { file: string; credential: string | null };
}

export interface Session {
  /** SHA-256 of the token: what the server keeps and logs, so a heap dump or a log line gives no cookie. */
  readonly id: string;
  readonly createdAt: number;
  lastSeen: number;
}

type EndListener = (session: Session, reason: 'logout' | 'expired' | 'password-changed' | 'shutdown') => void;

/** In the data directory beside auth.json. */
export const SESSIONS_FILE = 'sessions.json';

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

const SessionFileSchema = z.strictObject({
  version: z.literal(1),
  credential: z.string().nullable(),
  sessions: z.array(
    z.strictObject({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      createdAt: z.number().int().nonnegative(),
      lastSeen: z.number().int().nonnegative(),
    }),
  ),
});

/**
 * Login sessions, looked up by the hash of their token (256 random bits), so neither memory nor the session
 * file holds a usable cookie. With `persist`, a restart of `serve` keeps everyone signed in.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly listeners = new Set<EndListener>();
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;
  private readonly persist: SessionOptions['persist'];
  /** lastSeen moved since the last save: written at the next sweep, not on every request. */
  private touched = false;

  constructor(options: SessionOptions = {}) {
    this.idleMs = options.idleMs ?? 12 * 3600_000;
    this.absoluteMs = options.absoluteMs ?? 7 * 24 * 3600_000;
    this.now = options.now ?? Date.now;
    this.persist = options.persist;
    this.load();
    // Expired sessions also end on their own, so their WebSockets close without waiting for a request.
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, Math.max(250, this.idleMs / 4)));
    this.sweeper.unref();
  }

  get idleSeconds(): number {
    return Math.ceil(this.idleMs / 1000);
  }

  create(): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    const session: Session = { id: digest(token), createdAt: at, lastSeen: at };
    this.sessions.set(session.id, session);
    this.save();
    return { token, session };
  }

  /** The live session for a token, refreshed (idle timer restarts) when `touch` is set. */
  validate(token: string | undefined, touch = true): Session | null {
    if (!token || token.length > 128) return null;
    const session = this.sessions.get(digest(token));
    if (!session) return null;
    if (this.expired(session)) {
      this.end(session, 'expired');
      return null;
    }
    if (touch) {
      session.lastSeen = this.now();
      this.touched = true;
    }
    return session;
  }

  isLive(session: Session): boolean {
    return this.sessions.get(session.id) === session && !this.expired(session);
  }

  end(session: Session, reason: Parameters<EndListener>[1]): void {
    if (!this.sessions.delete(session.id)) return;
    // A shutdown ends the sockets, not the sessions: they are on disk for the next start.
    if (reason !== 'shutdown') this.save();
    for (const l of this.listeners) l(session, reason);
  }

  /** The admin password changed: sessions of the old one are ended by the caller, new ones carry this. */
  setCredential(credential: string | null): void {
    if (!this.persist || this.persist.credential === credential) return;
    this.persist.credential = credential;
    this.save();
  }

  endAll(reason: Parameters<EndListener>[1]): void {
    for (const s of [...this.sessions.values()]) this.end(s, reason);
  }

  onEnd(listener: EndListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.sessions.size;
  }

  dispose(): void {
    clearInterval(this.sweeper);
    if (this.touched) this.save();
    this.endAll('shutdown');
    this.listeners.clear();
  }

  private expired(s: Session): boolean {
    const t = this.now();
    return t - s.lastSeen > this.idleMs || t - s.createdAt > this.absoluteMs;
  }

  private sweep(): void {
    for (const s of [...this.sessions.values()]) if (this.expired(s)) this.end(s, 'expired');
    if (this.touched) this.save();
  }

  private load(): void {
    if (!this.persist) return;
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(this.persist.file, 'utf8'));
    } catch {
      // Missing or unreadable: nobody stays signed in, which is the safe side.
      return;
    }
    const parsed = SessionFileSchema.safeParse(doc);
    if (!parsed.success || parsed.data.credential !== this.persist.credential) {
      this.save();
      return;
    }
    for (const s of parsed.data.sessions) if (!this.expired(s)) this.sessions.set(s.id, { ...s });
  }

  private save(): void {
    this.touched = false;
    if (!this.persist) return;
    const doc: z.infer<typeof SessionFileSchema> = {
      version: 1,
      credential: this.persist.credential,
      sessions: [...this.sessions.values()].map(({ id, createdAt, lastSeen }) => ({ id, createdAt, lastSeen })),
    };
    const tmp = `${this.persist.file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(doc), { mode: 0o600 });
      renameSync(tmp, this.persist.file);
    } catch {
      // Sessions still work in memory; the next save tries again.
      rmSync(tmp, { force: true });
    }
  }
}
