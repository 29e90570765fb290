import type { IncomingMessage, ServerResponse } from 'node:http';
import { asCaller, webCaller } from '../core/audit/caller';
import { BodyError, readJson } from './request-body';
import { clientAddress, sameOrigin } from './request-origin';
import { sendError, sendJson } from './responses';
import { sessionOf, type ServerContext } from './server-context';

/**
 * Room for the largest device import the contract accepts (5,000,000 characters of CSV, JSON-escaped);
 * bigger is refused unread, and only signed-in clients get this far.
 */
export const API_BODY_LIMIT = 16 * 1024 * 1024;
const PREFIX = '/api/call/';

/**
 * POST /api/call/<channel>, JSON in, envelope out: the web half of the bridge (src/shared/contract/
 * web-transport.ts). Bridge-level refusals carry an HTTP status; a call that ran answers 200 whatever its
 * envelope says, exactly as the IPC bridge hands back the envelope, so the renderer cannot tell them apart.
 * Requiring application/json is itself a CSRF barrier (no HTML form can send it, and a cross-site fetch
 * with it needs a CORS preflight this server never grants), on top of SameSite=Strict and the Origin check.
 */
export async function handleApiRoute(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith('/api/')) return false;
  if (!url.pathname.startsWith(PREFIX)) {
    sendError(res, 404, 'not_found', `No such API route: ${url.pathname}`);
    return true;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, 'invalid_request', 'Calls are POST requests', { Allow: 'POST' });
    return true;
  }
  if (!sessionOf(ctx, req)) {
    sendError(res, 401, 'unauthenticated', 'Not signed in, or the session has expired: sign in again');
    return true;
  }
  if (!sameOrigin(req, false)) {
    ctx.log.warn('call refused: cross-site origin', { origin: String(req.headers.origin ?? '') });
    sendError(res, 403, 'forbidden', 'Call refused: it came from another site');
    return true;
  }
  let channel: string;
  try {
    channel = decodeURIComponent(url.pathname.slice(PREFIX.length));
  } catch {
    sendError(res, 400, 'invalid_request', 'Malformed channel name');
    return true;
  }
  let payload: unknown;
  try {
    payload = await readJson(req, API_BODY_LIMIT);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendError(
      res,
      error.status,
      'invalid_request',
      error.message,
      error.status === 413 ? { Connection: 'close' } : {},
    );
    return true;
  }
  // The admin signed in on the web; the address tells two browsers apart in the audit trail.
  sendJson(res, 200, await asCaller(webCaller(clientAddress(req)), () => ctx.core.dispatch(channel, payload)));
  return true;
}
