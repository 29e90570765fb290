import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ServeError } from '../server/serve-error';

/** $VIGIE_DATA, else the XDG data folder ($XDG_DATA_HOME or ~/.local/share) + /vigie. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.VIGIE_DATA) return resolve(env.VIGIE_DATA);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'vigie');
}

/**
 * Creates the data folder (0700: it holds the password hash and the secrets) and proves it is writable by
 * writing and removing a file, so that a read-only or misnamed folder is reported at start in one line
 * rather than as a failure deep inside the store later.
 */
export async function prepareDataDir(dir: string): Promise<string> {
  const path = resolve(dir);
  const probe = join(path, `.write-test-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(path, { recursive: true, mode: 0o700 });
    await writeFile(probe, '', { flag: 'wx', mode: 0o600 });
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ServeError(
      'data-dir',
      `Cannot write to the data folder ${path} (${code}): fix its permissions or choose another with --data DIR`,
    );
  }
  return path;
}
