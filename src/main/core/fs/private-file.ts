import { chmodSync, closeSync, openSync } from 'node:fs';

/** Owner read/write only: device names, hosts and events are nobody else's business on a shared machine. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes sure `path` exists with mode 0600 before a library opens it (SQLite gives its -wal and -shm files the
 * main file's mode; appendFileSync would create a log 0644 under the usual umask). An existing file is
 * narrowed too. Paths that cannot be created are left for the opener to report in its own words.
 */
export function ensurePrivateFile(path: string): void {
  if (path === '' || path === ':memory:' || path.startsWith('file:')) return;
  try {
    closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch {
    // The opener fails next with its own message (missing folder, read-only disk...).
  }
}
