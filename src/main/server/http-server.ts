import { createHash } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '../core/ports';
import { handleApiRoute } from './api-route';
import { handleAuthRoute, safeNext } from './auth-routes';
import { AuthFileError, AuthStore } from './auth-store';
import { checkBindPolicy, isLoopbackHost } from './bind-policy';
import { sessionCookieName } from './cookies';
import { createEventsHub } from './events-socket';
import { LoginLimiter, type LimiterOptions } from './login-limiter';
import { handleMetricsRoute } from './metrics-route';
import { hostAllowed } from './request-origin';
import { redirect, sendText } from './responses';
import { setSecurityHeaders } from './security-headers';
import { ServeError } from './serve-error';
import type { ServedCore } from './served-core';
import { sessionOf, type ServerContext } from './server-context';
import { SESSIONS_FILE, SessionStore, type SessionOptions } from './sessions';
import { serveStatic } from './static-files';

export interface StartServerOptions {
  /** Address to listen on; 127.0.0.1 unless the operator asks otherwise. */
  host: string;
  /** 0 picks a free port (tests); the chosen one is in the result. */
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Holds auth.json (the admin password hash). */
  dataDir: string;
  /** PEM contents (not paths: the CLI reads the files so it can say which one is unreadable). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Allow a non-loopback bind without TLS (a TLS proxy in front). */
  insecurePublic?: boolean;
  /** Host names accepted besides loopback ones on a loopback bind, e.g. a reverse proxy's public name. */
  allowedHosts?: string[];
  log: Logger;
  /** Tests shorten these. */
  sessions?: SessionOptions;
  loginLimit?: LimiterOptions;
  metricsLimit?: LimiterOptions;
}

export interface RunningServer {
  /** Where a browser on this machine reaches the console, e.g. http://127.0.0.1:8780/ */
  url: string;
  port: number;
  /** False on first run: the console asks for the admin password (from this machine only). */
  passwordSet: boolean;
  /** Stops listening, closes every WebSocket and connection, ends the sessions. Does not close the core. */
  close(): Promise<void>;
}

/**
 * The headless console: Node's own http/https plus ws, no web framework. The routes are few and fixed and
 * each carries its own security rule (session, Origin, content type, body limit); written out here they are
 * plain to audit, and a framework would bring more dependency surface than routing help.
 */
export async function startServer(core: ServedCore, options: StartServerOptions): Promise<RunningServer> {
  const tls = Boolean(options.tls);
  checkBindPolicy(options.host, tls, options.insecurePublic ?? false);
  const loopbackOnly = isLoopbackHost(options.host);
  const allowedHosts = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));
  const log = options.log;

  const auth = new AuthStore(options.dataDir);
  let knownHash: string | null = null;
  let damaged = false;
  try {
    knownHash = (await auth.read())?.hash ?? null;
  } catch (error) {
    if (!(error instanceof AuthFileError)) throw error;
    // Not "no password": the pages say the file is damaged and how to set a new one; setup stays closed.
    damaged = true;
    log.error(error.message);
  }
  const passwordSet = damaged || knownHash !== null;

  const credentialTag = (hash: string | null): string | null =>
    hash === null ? null : createHash('sha256').update(hash).digest('hex');
  const sessions = new SessionStore({
    ...options.sessions,
    persist: { file: join(options.dataDir, SESSIONS_FILE), credential: credentialTag(knownHash) },
  });
  let port = options.port;
  const scheme = tls ? 'https' : 'http';
  const urlHost = (h: string): string => (h.includes(':') ? `[${h}]` : h);
  const reachableHost =
    options.host === '0.0.0.0' ? '127.0.0.1' : options.host === '::' ? '::1' : options.host;
  const url = (): string => `${scheme}://${urlHost(reachableHost)}:${port}/`;

  const ctx: ServerContext = {
    core,
    auth,
    sessions,
    loginLimiter: new LoginLimiter(options.loginLimit),
    metricsLimiter: new LoginLimiter(options.metricsLimit),
    tls,
    cookieName: sessionCookieName(tls),
    staticDir: options.staticDir,
    log,
    localUrl: () => `${scheme}://127.0.0.1:${port}/`,
    credentialSeen(hash) {
      if (knownHash !== null && hash !== knownHash) {
        log.warn('admin password changed: every session ends');
        sessions.endAll('password-changed');
      }
      knownHash = hash;
      sessions.setCredential(credentialTag(hash));
    },
  };

  const hub = createEventsHub(ctx);
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    route(ctx, req, res, loopbackOnly, allowedHosts).catch((error: unknown) => {
      log.error('request failed', { path: (req.url ?? '').slice(0, 200), error: (error as Error).message });
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  };

  let server: Server;
  try {
    server = options.tls
      ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, onRequest)
      : createHttpServer(onRequest);
  } catch (error) {
    hub.close();
    sessions.dispose();
    throw new ServeError('tls', `The TLS certificate or key is not usable: ${(error as Error).message}`);
  }
  // Slow clients cannot hold sockets for ever; answers may still take long (device tests, reports).
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.on('tlsClientError', () => undefined);
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    if (!hostAllowed(req, loopbackOnly, allowedHosts)) {
      socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    hub.handleUpgrade(req, socket, head);
  });

  try {
    await listen(server, options.host, options.port);
  } catch (error) {
    hub.close();
    sessions.dispose();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  const stopWatch = auth.watch(() => {
    auth.read().then(
      (stored) => {
        if (stored) ctx.credentialSeen(stored.hash);
      },
      (error: unknown) => log.error((error as Error).message),
    );
  });

  log.info('serving', { url: url(), tls, passwordSet });
  return {
    url: url(),
    port,
    passwordSet,
    async close() {
      stopWatch();
      hub.close();
      sessions.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE') {
        reject(
          new ServeError(
            'port-in-use',
            `Port ${port} on ${host} is already in use (another Vigie?): stop that program or choose another port with --port`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new ServeError(
            'listen',
            `Not allowed to listen on ${where}: ports below 1024 need privileges; choose a port above 1024 with --port`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
        reject(
          new ServeError('listen', `Cannot listen on ${host}: no such address on this machine; check --host`),
        );
      } else {
        reject(new ServeError('listen', `Cannot listen on ${where}: ${error.message}`));
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

async function route(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  loopbackOnly: boolean,
  allowedHosts: ReadonlySet<string>,
): Promise<void> {
  setSecurityHeaders(req, res, ctx.tls);
  if (!hostAllowed(req, loopbackOnly, allowedHosts)) {
    // A name that is not ours on a loopback-only server: a DNS-rebinding page, or a proxy not declared.
    sendText(
      res,
      421,
      'This server answers to 127.0.0.1 and localhost only (start it with --allowed-host NAME for another name)',
    );
    return;
  }
  // The URL is parsed against a fixed base: the Host header never decides what is served.
  const url = new URL(req.url ?? '/', 'http://vigie.invalid');
  const method = req.method ?? 'GET';
  if (url.pathname === '/healthz') {
    sendText(res, 200, 'ok');
    return;
  }
  if (url.pathname === '/metrics') return handleMetricsRoute(ctx, req, res);
  if (await handleAuthRoute(ctx, req, res, url)) return;
  if (await handleApiRoute(ctx, req, res, url)) return;
  if (method !== 'GET' && method !== 'HEAD') {
    sendText(res, 404, 'Not found');
    return;
  }
  if (!sessionOf(ctx, req)) {
    const next = safeNext(url.pathname + url.search);
    redirect(res, next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
    return;
  }
  await serveStatic(ctx.staticDir, req, res, url.pathname);
}
