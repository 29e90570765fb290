import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { WebSocket } from 'ws';
import type { Logger } from '../../../src/main/core/ports';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Trusted CA (the throwaway self-signed certificate) for https. */
  ca?: string | Buffer;
}

/**
 * A raw HTTP(S) request, without fetch's conveniences: the tests need to send any Host or Origin header, see
 * redirects and Set-Cookie as sent, and trust a self-signed certificate.
 */
export function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  const u = new URL(url);
  const make = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = make(
      {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port,
        path: u.pathname + u.search,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A logger that keeps its lines, to check what was (and was not) logged. */
export function memoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const add = (level: string) => (m: string, f?: Record<string, unknown>) =>
    lines.push(`${level} ${m} ${JSON.stringify(f ?? {})}`);
  return { lines, info: add('info'), warn: add('warn'), error: add('error') };
}

/** "name=value" of the session cookie set by a reply, for the Cookie header of later requests. */
export function sessionCookieOf(reply: Reply): string {
  const header = reply.headers['set-cookie']?.find((c) => /vigie_session=[^;]+/.test(c));
  const pair = header?.split(';')[0];
  if (!pair || pair.endsWith('='))
    throw new Error(`No session cookie in reply ${reply.status}: ${JSON.stringify(reply.headers)}`);
  return pair;
}

export function form(fields: Record<string, string>): { body: string; headers: OutgoingHttpHeaders } {
  const body = new URLSearchParams(fields).toString();
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
    },
  };
}

/** Submits a form the way a browser does from the page itself: same-origin Origin header. */
export function postForm(
  base: string,
  path: string,
  fields: Record<string, string>,
  extra: RequestOptions = {},
): Promise<Reply> {
  const f = form(fields);
  return request(new URL(path, base).toString(), {
    ...extra,
    method: 'POST',
    body: f.body,
    headers: { origin: new URL(base).origin, ...f.headers, ...extra.headers },
  });
}

export function call(
  base: string,
  channel: string,
  payload: unknown,
  headers: OutgoingHttpHeaders = {},
  ca?: string | Buffer,
): Promise<Reply> {
  const body = JSON.stringify(payload);
  return request(new URL(`/api/call/${channel}`, base).toString(), {
    method: 'POST',
    body,
    ca,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      origin: new URL(base).origin,
      ...headers,
    },
  });
}

export interface OpenedSocket {
  ws: WebSocket;
  messages: unknown[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first message matching. */
  next(match: (m: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
}

/** Opens /api/events; rejects with the HTTP status when the server refuses the upgrade. */
export function openEvents(
  base: string,
  headers: Record<string, string>,
  origin?: string,
  ca?: string | Buffer,
): Promise<OpenedSocket> {
  const url = new URL('/api/events', base).toString().replace(/^http/, 'ws');
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, ...(origin ? { origin } : {}), ...(ca ? { ca } : {}) });
    const messages: unknown[] = [];
    const waiters: Array<{ match: (m: unknown) => boolean; done: (m: unknown) => void }> = [];
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as unknown;
      messages.push(m);
      for (const w of [...waiters]) if (w.match(m)) w.done(m);
    });
    const closed = new Promise<{ code: number; reason: string }>((r) =>
      ws.on('close', (code, reason) => r({ code, reason: reason.toString() })),
    );
    ws.on('unexpected-response', (_req, res) => {
      reject(new Error(`refused: ${res.statusCode}`));
      ws.terminate();
    });
    ws.on('error', (e) => reject(e));
    ws.on('open', () =>
      resolve({
        ws,
        messages,
        closed,
        next(match, timeoutMs = 5000) {
          const found = messages.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((res, rej) => {
            const t = setTimeout(() => rej(new Error('no matching message in time')), timeoutMs);
            waiters.push({ match, done: (m) => (clearTimeout(t), res(m)) });
          });
        },
      }),
    );
  });
}
