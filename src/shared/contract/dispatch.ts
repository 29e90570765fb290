import { calls, type Handlers } from './api';
import { isCallName } from './channels';
import { VigieError, type Envelope, type ErrorIssue } from './envelope';

export interface DispatchOptions {
  /** Check every response against its schema; on in tests, so a handler drifting from the contract fails. */
  validateResponses?: boolean;
  /** Told about unexpected (non-VigieError) failures, for the log. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope>;

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

function toIssues(issues: readonly ZodLikeIssue[]): ErrorIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * The single place where a call is validated, run and wrapped: the IPC handlers and the HTTP bridge both
 * go through it, which is what makes the two bridges indistinguishable to the renderer.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, payload) => {
    if (!isCallName(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Unknown call: ${channel}` } };
    }
    const spec = calls[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error.issues);
      const first = issues[0];
      const where = first?.path ? ` (${first.path})` : '';
      return {
        ok: false,
        error: { code: 'invalid_request', message: `Invalid request for ${channel}: ${first?.message ?? 'invalid'}${where}`, issues },
      };
    }
    try {
      const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
      const result = await handler(parsed.data);
      if (options.validateResponses) {
        const checked = spec.response.safeParse(result);
        if (!checked.success) {
          throw new Error(`Response of ${channel} breaks the contract: ${JSON.stringify(toIssues(checked.error.issues).slice(0, 3))}`);
        }
      }
      return { ok: true, result };
    } catch (error) {
      if (error instanceof VigieError) return { ok: false, error: error.toBody() };
      options.onUnexpectedError?.(channel, error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `Internal error in ${channel}: ${message}` } };
    }
  };
}
