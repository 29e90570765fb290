import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Private files written whole or not at all: the secrets file, its key, and the serve password file
 * (src/main/server/auth-store.ts). Content goes first to a temporary file in the same folder, created with
 * the final mode 0600 (never readable by others, even for an instant) and flushed to disk; only then does it
 * take the real name. A crash leaves the old file or the new one, never half of one.
 */

/** Replaces (or creates) the file. */
export async function writePrivateFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(path, data);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}

/**
 * Creates the file only if it does not exist yet (hard link of the finished temporary file, which fails if
 * the target appeared meanwhile). Returns false when it already existed; its content is left as it was.
 */
export async function createPrivateFileExclusive(path: string, data: string | Uint8Array): Promise<boolean> {
  const temp = await writeTemp(path, data);
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
    await syncDir(dirname(path));
  }
}

async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/** Makes the rename or link itself durable; some file systems refuse to sync a folder, which is harmless. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
