import { unwatchFile, watchFile } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createPrivateFileExclusive, writePrivateFileAtomic } from '../core/secrets/file-secret-store-io';
import { hashPassword, PasswordHashSchema, verifyPassword, type PasswordHash } from './password-hash';

export const AUTH_FILE = 'auth.json';

const AuthFileSchema = z.strictObject({
  version: z.literal(1),
  admin: PasswordHashSchema.extend({ updatedAt: z.string() }),
});
type AuthFile = z.infer<typeof AuthFileSchema>;

/** auth.json exists but cannot be used. Never treated as "no password yet": that would reopen first-run setup. */
export class AuthFileError extends Error {
  override name = 'AuthFileError';
}

/**
 * The admin password of `serve`, hashed, in <dataDir>/auth.json (mode 0600, written atomically). The file is
 * read on every use rather than cached, so `vigie passwd` run beside a live server takes effect at once.
 */
export class AuthStore {
  readonly path: string;

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, AUTH_FILE);
  }

  /** The stored hash, or null when no password was set yet. */
  async read(): Promise<PasswordHash | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new AuthFileError(
        `Cannot read the password file ${this.path} (${code ?? (error as Error).message})`,
      );
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = null;
    }
    const parsed = AuthFileSchema.safeParse(doc);
    if (!parsed.success) {
      throw new AuthFileError(
        `The password file ${this.path} is damaged: set a new password with \`vigie passwd\` on the server`,
      );
    }
    const { updatedAt: _updatedAt, ...hash } = parsed.data.admin;
    return hash;
  }

  async isSet(): Promise<boolean> {
    return (await this.read()) !== null;
  }

  async verify(password: string): Promise<boolean> {
    const stored = await this.read();
    return stored !== null && verifyPassword(password, stored);
  }

  /** Sets or replaces the password (`vigie passwd`). */
  async setPassword(password: string): Promise<void> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    await writePrivateFileAtomic(this.path, await this.document(password));
  }

  /**
   * First-run setup: sets the password only if none exists, atomically, so two browsers racing through
   * setup cannot both win. Returns false when one was already set.
   */
  async setPasswordIfUnset(password: string): Promise<boolean> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    return createPrivateFileExclusive(this.path, await this.document(password));
  }

  /** Calls back when the file changes on disk (another process ran `vigie passwd`). Returns a stop function. */
  watch(onChange: () => void): () => void {
    const listener = (
      current: { mtimeMs: number; ino: number },
      previous: { mtimeMs: number; ino: number },
    ): void => {
      if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino) onChange();
    };
    watchFile(this.path, { interval: 1000, persistent: false }, listener);
    return () => unwatchFile(this.path, listener);
  }

  private async document(password: string): Promise<string> {
    const doc: AuthFile = {
      version: 1,
      admin: { ...(await hashPassword(password)), updatedAt: new Date().toISOString() },
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
}
