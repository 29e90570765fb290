import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFile } from '../fs/private-file';
import type { Logger } from '../ports';

const MAX_BYTES = 5 * 1024 * 1024;

/** Field names whose values never reach the log, whatever a caller passes. */
const SECRET_FIELD = /pass|secret|community|key|token|cookie|authorization/i;

function redact(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_FIELD.test(k) ? '[redacted]' : v;
  return out;
}

/**
 * JSON-lines log in the data dir (vigie.log, rotated once at 5 MB to vigie.log.1). Hand-written because the
 * needs are tiny and synchronous appends keep the last lines before a crash; pino would add a worker thread.
 */
export function createFileLogger(dir: string, options: { console?: boolean } = {}): Logger {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'vigie.log');
  ensurePrivateFile(path);
  let written = 0;
  try {
    written = statSync(path).size;
  } catch {
    written = 0;
  }
  const write = (level: string, message: string, fields?: Record<string, unknown>): void => {
    const line = JSON.stringify({ t: new Date().toISOString(), level, message, ...redact(fields) }) + '\n';
    try {
      if (written + line.length > MAX_BYTES) {
        renameSync(path, `${path}.1`);
        ensurePrivateFile(path);
        written = 0;
      }
      appendFileSync(path, line);
      written += line.length;
    } catch {
      // A full disk must not stop monitoring; the console line below still tells the operator.
    }
    if (options.console) process.stderr.write(`${level.toUpperCase()} ${message}${fields ? ' ' + JSON.stringify(redact(fields)) : ''}\n`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
