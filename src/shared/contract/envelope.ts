/**
 * The result/error envelope every call travels in, over IPC and HTTP alike. Errors are data on the wire and
 * become a real VigieError on the renderer side, with the same code and message whichever bridge carried it.
 */
export const ERROR_CODES = [
  'invalid_request',
  'unknown_channel',
  'forbidden',
  'unauthenticated',
  'not_found',
  'conflict',
  'unavailable',
  'device_error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorBody };

export class VigieError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];

  constructor(code: ErrorCode, message: string, issues: ErrorIssue[] = []) {
    super(message);
    this.name = 'VigieError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): ErrorBody {
    return this.issues.length
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'result' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

export function unwrap<T>(envelope: unknown): T {
  if (!isEnvelope(envelope)) throw new VigieError('internal', 'Malformed answer from the Vigie core');
  if (envelope.ok) return envelope.result as T;
  throw new VigieError(envelope.error.code, envelope.error.message, envelope.error.issues ?? []);
}
