import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VigieError } from '../../../shared/contract/envelope';
import type { SecretStatus, SecretStore } from '../ports';
import { decryptSecrets, encryptSecrets } from './file-secret-store-cipher';
import { writePrivateFileAtomic } from './file-secret-store-io';
import { findKey, findOrCreateKey, KEY_CREDENTIAL, KEY_ENV, keyFilePath } from './file-secret-store-key';

export const SECRETS_FILE = 'secrets.enc';
const MAX_REF = 256;
const MAX_VALUE = 64 * 1024;

export interface FileSecretStoreOptions {
  dataDir: string;
  /** Where VIGIE_SECRETS_KEY and CREDENTIALS_DIRECTORY are read; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

interface Loaded {
  /** Identity of the file version the map came from; another process writing it changes this. */
  stamp: string;
  secrets: Map<string, string>;
}

/**
 * Secrets for an appliance without a Secret Service: one AES-256-GCM file (<dataDir>/secrets.enc) with a
 * fresh IV per write, the key kept apart (environment, systemd credential or <dataDir>/secrets.key, 0600).
 * A missing key for an existing file, a wrong key or a damaged file is an error with a message: the file is
 * never reset or rewritten over, and nothing falls back to plain text.
 */
export class FileSecretStore implements SecretStore {
  readonly backend = 'file' as const;
  readonly path: string;
  private readonly dataDir: string;
  private readonly env: NodeJS.ProcessEnv;
  private loaded: Loaded | null = null;
  /** Operations run one at a time, so two quick writes cannot lose each other's secret. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileSecretStoreOptions) {
    this.dataDir = options.dataDir;
    this.env = options.env ?? process.env;
    this.path = join(this.dataDir, SECRETS_FILE);
  }

  async status(): Promise<SecretStatus> {
    try {
      return await this.serial(async () => {
        const key = await findKey(this.dataDir, this.env);
        await this.load();
        const where = key
          ? key.source
          : `the key file ${keyFilePath(this.dataDir)}, created with the first secret`;
        return { available: true, message: `Secrets are encrypted in ${this.path}; key from ${where}` };
      });
    } catch (error) {
      return { available: false, message: (error as Error).message };
    }
  }

  async get(ref: string): Promise<string | null> {
    checkRef(ref);
    return this.serial(async () => (await this.load()).get(ref) ?? null);
  }

  async set(ref: string, value: string): Promise<void> {
    return this.setMany([[ref, value]]);
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    for (const [ref, value] of entries) {
      checkRef(ref);
      if (typeof value !== 'string' || value.length > MAX_VALUE) {
        throw new VigieError('invalid_request', `A secret must be a string of at most ${MAX_VALUE} characters`);
      }
    }
    if (entries.length === 0) return;
    return this.serial(async () => {
      const next = new Map(await this.load());
      for (const [ref, value] of entries) next.set(ref, value);
      await this.write(next);
    });
  }

  async delete(ref: string): Promise<void> {
    checkRef(ref);
    return this.serial(async () => {
      const current = await this.load();
      if (!current.has(ref)) return;
      const next = new Map(current);
      next.delete(ref);
      await this.write(next);
    });
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      throw asVigieError(error);
    });
  }

  private async load(): Promise<Map<string, string>> {
    let stamp: string;
    try {
      const s = await stat(this.path);
      stamp = `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.loaded = null;
      return new Map();
    }
    if (this.loaded?.stamp === stamp) return this.loaded.secrets;
    const key = await findKey(this.dataDir, this.env);
    if (!key) {
      throw new Error(
        `${this.path} exists but its key is missing (looked for ${KEY_ENV}, $CREDENTIALS_DIRECTORY/${KEY_CREDENTIAL} and ${keyFilePath(this.dataDir)}): restore the key; Vigie will not replace the file`,
      );
    }
    const secrets = decryptSecrets(await readFile(this.path, 'utf8'), key.key, this.path, key.source);
    this.loaded = { stamp, secrets };
    return secrets;
  }

  private async write(secrets: Map<string, string>): Promise<void> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const key = await findOrCreateKey(this.dataDir, this.env);
    await writePrivateFileAtomic(this.path, encryptSecrets(secrets, key.key));
    const s = await stat(this.path);
    this.loaded = { stamp: `${s.ino}:${s.size}:${s.mtimeMs}`, secrets };
  }
}

function checkRef(ref: string): void {
  if (typeof ref !== 'string' || ref.length === 0 || ref.length > MAX_REF) {
    throw new VigieError('invalid_request', `A secret reference must be 1 to ${MAX_REF} characters`);
  }
}

/** Callers (and the renderer, through the envelope) get the reason as an 'unavailable' error. */
function asVigieError(error: unknown): VigieError {
  if (error instanceof VigieError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new VigieError('unavailable', `Encrypted secrets file unusable: ${message}`);
}
