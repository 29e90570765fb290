/** Why `serve` could not start; the CLI prints the message as one line and exits 1. */
export type ServeErrorCode =
  'port-in-use' | 'listen' | 'public-bind' | 'tls' | 'data-dir' | 'secrets' | 'options';

export class ServeError extends Error {
  override name = 'ServeError';
  constructor(
    readonly code: ServeErrorCode,
    message: string,
  ) {
    super(message);
  }
}
