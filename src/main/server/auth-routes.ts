import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTH_TEXT, pickLocale, type Locale } from './auth-page-text';
import { AUTH_CSS, loginPage, remoteSetupPage, setupPage, unavailablePage, type Notice } from './auth-pages';
import { AuthFileError } from './auth-store';
import { clearedCookie, sessionCookie } from './cookies';
import { LoginLimiter } from './login-limiter';
import { passwordProblem, verifyPassword, type PasswordHash } from './password-hash';
import { BodyError, readForm } from './request-body';
import { clientAddress, isLocalClient, sameOrigin } from './request-origin';
import { redirect, sendHtml, sendText } from './responses';
import { sessionOf, type ServerContext } from './server-context';

const FORM_LIMIT = 16 * 1024;

/** Paths of the pages reachable without a session. */
export const AUTH_PATHS = new Set(['/login', '/setup', '/logout', '/auth/style.css']);

/**
 * Where to go after login: a path on this server only (no "//evil.example", no backslash tricks), and never
 * back to the auth pages or the API.
 */
export function safeNext(value: string | null): string {
  if (!value || value.length > 2048 || !value.startsWith('/') || value.startsWith('//')) return '/';
  if ([...value].some((c) => c === '\\' || c <= ' ' || c === '\u007f')) return '/';
  if (/^\/(login|setup|logout|api\/|auth\/)/.test(value)) return '/';
  return value;
}

/** Handles the login, setup and logout pages; returns false for any other path. */
export async function handleAuthRoute(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!AUTH_PATHS.has(url.pathname)) return false;
  const method = req.method ?? 'GET';
  const locale = pickLocale(req.headers['accept-language'], url.searchParams.get('lang'));
  const get = method === 'GET' || method === 'HEAD';
  try {
    switch (`${get ? 'GET' : method} ${url.pathname}`) {
      case 'GET /auth/style.css':
        res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(method === 'HEAD' ? undefined : AUTH_CSS);
        return true;
      case 'GET /login':
        await showLogin(ctx, req, res, url, locale);
        return true;
      case 'POST /login':
        await postLogin(ctx, req, res);
        return true;
      case 'GET /setup':
        await showSetup(ctx, req, res, locale);
        return true;
      case 'POST /setup':
        await postSetup(ctx, req, res);
        return true;
      case 'POST /logout':
        postLogout(ctx, req, res);
        return true;
      default:
        sendText(res, 405, 'Method not allowed', {
          Allow: url.pathname === '/logout' ? 'POST' : 'GET, HEAD, POST',
        });
        return true;
    }
  } catch (error) {
    if (error instanceof AuthFileError) {
      ctx.log.error('sign-in unavailable', { reason: error.message });
      sendHtml(res, 503, unavailablePage(locale, error.message));
      return true;
    }
    if (error instanceof BodyError) {
      sendHtml(res, error.status, unavailablePage(locale, AUTH_TEXT[locale].badForm), {
        Connection: 'close',
      });
      return true;
    }
    throw error;
  }
}

async function showLogin(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  locale: Locale,
): Promise<void> {
  if (!(await ctx.auth.isSet())) return redirect(res, '/setup');
  const next = safeNext(url.searchParams.get('next'));
  if (sessionOf(ctx, req)) return redirect(res, next);
  const n: Notice = url.searchParams.has('bye') ? { kind: 'info', text: AUTH_TEXT[locale].signedOut } : null;
  sendHtml(res, 200, loginPage(locale, next, n));
}

function formLocale(req: IncomingMessage, form: URLSearchParams): Locale {
  return pickLocale(req.headers['accept-language'], form.get('lang'));
}

async function postLogin(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!sameOrigin(req, false)) return refuseCrossSite(ctx, req, res);
  const stored = await ctx.auth.read();
  if (!stored) return redirect(res, '/setup');
  const form = await readForm(req, FORM_LIMIT);
  const locale = formLocale(req, form);
  const next = safeNext(form.get('next'));
  const address = clientAddress(req);
  const attempt = ctx.loginLimiter.attempt(address);
  if (!attempt.allowed) {
    const seconds = LoginLimiter.retryAfterSeconds(attempt.retryAfterMs);
    ctx.log.warn('login refused: address locked', { address, retryAfterSeconds: seconds });
    return sendHtml(
      res,
      429,
      loginPage(locale, next, { kind: 'error', text: AUTH_TEXT[locale].tooMany(seconds) }),
      {
        'Retry-After': String(seconds),
      },
    );
  }
  let ok: boolean;
  try {
    ok = await verifyPassword(form.get('password') ?? '', stored);
  } catch (error) {
    attempt.cancel();
    throw error;
  }
  if (!ok) {
    attempt.fail();
    ctx.log.warn('login failed: wrong password', { address });
    return sendHtml(
      res,
      401,
      loginPage(locale, next, { kind: 'error', text: AUTH_TEXT[locale].wrongPassword }),
    );
  }
  attempt.succeed();
  startSession(ctx, res, stored, next);
  ctx.log.info('login', { address });
}

function startSession(ctx: ServerContext, res: ServerResponse, stored: PasswordHash, next: string): void {
  ctx.credentialSeen(stored.hash);
  const { token } = ctx.sessions.create();
  redirect(res, next, {
    'Set-Cookie': sessionCookie(ctx.cookieName, token, ctx.tls, ctx.sessions.idleSeconds),
  });
}

async function showSetup(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  locale: Locale,
): Promise<void> {
  if (await ctx.auth.isSet()) return redirect(res, '/login');
  if (!isLocalClient(req)) return sendHtml(res, 403, remoteSetupPage(locale, ctx.localUrl()));
  sendHtml(res, 200, setupPage(locale, null));
}

async function postSetup(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!sameOrigin(req, false)) return refuseCrossSite(ctx, req, res);
  if (await ctx.auth.isSet()) return redirect(res, '/login');
  const address = clientAddress(req);
  if (!isLocalClient(req)) {
    ctx.log.warn('first-run setup refused: not from this machine', { address });
    const locale = pickLocale(req.headers['accept-language'], null);
    return sendHtml(res, 403, remoteSetupPage(locale, ctx.localUrl()));
  }
  const form = await readForm(req, FORM_LIMIT);
  const locale = formLocale(req, form);
  const t = AUTH_TEXT[locale];
  const password = form.get('password') ?? '';
  const problem = passwordProblem(password);
  if (problem)
    return sendHtml(
      res,
      400,
      setupPage(locale, { kind: 'error', text: problem === 'too-short' ? t.tooShort : t.tooLong }),
    );
  if (password !== (form.get('confirm') ?? ''))
    return sendHtml(res, 400, setupPage(locale, { kind: 'error', text: t.mismatch }));
  if (!(await ctx.auth.setPasswordIfUnset(password))) return redirect(res, '/login');
  const stored = await ctx.auth.read();
  if (!stored)
    throw new AuthFileError(`The password file ${ctx.auth.path} vanished right after it was written`);
  ctx.log.info('admin password set (first run)', { address });
  startSession(ctx, res, stored, '/');
}

function postLogout(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  if (!sameOrigin(req, false)) return refuseCrossSite(ctx, req, res);
  const session = sessionOf(ctx, req, false);
  if (session) {
    ctx.sessions.end(session, 'logout');
    ctx.log.info('logout', { address: clientAddress(req) });
  }
  redirect(res, '/login?bye=1', { 'Set-Cookie': clearedCookie(ctx.cookieName, ctx.tls) });
}

function refuseCrossSite(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  ctx.log.warn('form refused: cross-site origin', {
    address: clientAddress(req),
    origin: String(req.headers.origin ?? ''),
  });
  sendText(res, 403, 'Refused: this form was sent from another site.');
}
