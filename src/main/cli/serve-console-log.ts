import type { Logger } from '../core/ports';

/** Log lines for a service manager's journal: on stderr, so stdout keeps only what the user asked for. */
export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>): void => {
    const extra = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    stream.write(`${new Date().toISOString()} ${level} ${message}${extra}\n`);
  };
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
  };
}

/**
 * The server's info lines ("serving" with its URL) held while the core starts behind a listening server: a
 * start that fails then says one line, its reason, and never an address that no longer answers.
 */
export function holdInfoLines(log: Logger): { log: Logger; release(): void } {
  let held: [string, Record<string, unknown> | undefined][] | null = [];
  return {
    log: {
      info: (m, f) => (held ? held.push([m, f]) : log.info(m, f)),
      warn: (m, f) => log.warn(m, f),
      error: (m, f) => log.error(m, f),
    },
    release() {
      for (const [m, f] of held ?? []) log.info(m, f);
      held = null;
    },
  };
}
