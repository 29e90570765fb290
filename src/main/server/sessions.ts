import { createHash, randomBytes } from 'node:crypto';

export interface SessionOptions {
  /** A session not used for this long ends (default 12 h). */
  idleMs?: number;
  /** And every session ends this long after login, used or not (default 7 days). */
  absoluteMs?: number;
  now?: () => number;
}

export interface Session {
  /** SHA-256 of the token: what the server keeps and logs, so a heap dump or a log line gives no cookie. */
  readonly id: string;
  readonly createdAt: number;
  lastSeen: number;
}

type EndListener = (session: Session, reason: 'logout' | 'expired' | 'password-changed' | 'shutdown') => void;

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Login sessions in memory (a restart logs everyone out, which is acceptable for an admin console and keeps
 * tokens off the disk). Tokens are 256 random bits; lookups go through their hash.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly listeners = new Set<EndListener>();
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: SessionOptions = {}) {
    this.idleMs = options.idleMs ?? 12 * 3600_000;
    this.absoluteMs = options.absoluteMs ?? 7 * 24 * 3600_000;
    this.now = options.now ?? Date.now;
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
    if (touch) session.lastSeen = this.now();
    return session;
  }

  isLive(session: Session): boolean {
    return this.sessions.get(session.id) === session && !this.expired(session);
  }

  end(session: Session, reason: Parameters<EndListener>[1]): void {
    if (!this.sessions.delete(session.id)) return;
    for (const l of this.listeners) l(session, reason);
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
    this.endAll('shutdown');
    this.listeners.clear();
  }

  private expired(s: Session): boolean {
    const t = this.now();
    return t - s.lastSeen > this.idleMs || t - s.createdAt > this.absoluteMs;
  }

  private sweep(): void {
    for (const s of [...this.sessions.values()]) if (this.expired(s)) this.end(s, 'expired');
  }
}
