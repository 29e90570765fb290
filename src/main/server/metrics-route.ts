import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoginLimiter } from './login-limiter';
import { clientAddress } from './request-origin';
import { sendText } from './responses';
import type { ServerContext } from './server-context';

const CHALLENGE = 'Bearer realm="vigie-metrics"';

/** The response can take more (or the scraper went away); each wait removes its listeners. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Prometheus scrape endpoint, bearer token only (the token is set in Settings; none set means no token
 * matches). A missing or wrong token gets 401 with a WWW-Authenticate challenge, as RFC 6750 says, rather
 * than a 404: the endpoint's existence is no secret in an open product, and a scrape failing with 401 tells
 * the Prometheus operator at once that the token is the problem. Guesses are rate-limited per address like
 * logins, since a human-chosen token may be weak.
 */
export async function handleMetricsRoute(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const match = /^Bearer +([\x21-\x7e]{1,512})\s*$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) {
    sendText(res, 401, 'A bearer token is required (Authorization: Bearer <token>)', {
      'WWW-Authenticate': CHALLENGE,
    });
    return;
  }
  const address = clientAddress(req);
  const attempt = ctx.metricsLimiter.attempt(address);
  if (!attempt.allowed) {
    const seconds = LoginLimiter.retryAfterSeconds(attempt.retryAfterMs);
    sendText(res, 429, `Too many wrong tokens; retry in ${seconds} s`, { 'Retry-After': String(seconds) });
    return;
  }
  let ok: boolean;
  try {
    ok = await ctx.core.metricsTokenMatches(match[1]);
  } catch (error) {
    attempt.cancel();
    throw error;
  }
  if (!ok) {
    attempt.fail();
    ctx.log.warn('metrics scrape refused: wrong token', { address });
    sendText(res, 401, 'Wrong token', { 'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"` });
    return;
  }
  attempt.succeed();
  const chunks = ctx.core.metrics()[Symbol.iterator]();
  res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // One chunk per event-loop turn (chunked encoding): a 1,000-device exposition is megabytes, and making it
  // in one go held up polls and every other request for over half a second.
  try {
    for (let next = chunks.next(); !next.done; next = chunks.next()) {
      if (res.destroyed) return;
      if (next.value !== '' && !res.write(next.value)) await drained(res);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    res.end();
  } catch (error) {
    // The status line is gone already: cut the response so that the scraper records a failed scrape, not a
    // truncated exposition.
    ctx.log.error('metrics exposition failed', { error: (error as Error).message });
    res.destroy(error as Error);
  }
}
