import type { IncomingMessage } from 'node:http';
import type { Logger } from '../core/ports';
import type { AuthStore } from './auth-store';
import { readCookie } from './cookies';
import type { LoginLimiter } from './login-limiter';
import type { ServedCore } from './served-core';
import type { Session, SessionStore } from './sessions';

/** What the route handlers share; built once by startServer. */
export interface ServerContext {
  core: ServedCore;
  auth: AuthStore;
  sessions: SessionStore;
  loginLimiter: LoginLimiter;
  metricsLimiter: LoginLimiter;
  tls: boolean;
  cookieName: string;
  staticDir: string;
  log: Logger;
  /** The address to give someone who must set the first password on the machine itself. */
  localUrl(): string;
  /**
   * Told the password hash seen on disk (at login, setup, or when the file changes): a hash different from
   * the last one known means `vigie passwd` changed the password, and every session ends.
   */
  credentialSeen(hash: string): void;
}

export function sessionOf(ctx: ServerContext, req: IncomingMessage, touch = true): Session | null {
  return ctx.sessions.validate(readCookie(req, ctx.cookieName), touch);
}
