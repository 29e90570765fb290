import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createPrivateFileExclusive } from './file-secret-store-io';

export const KEY_BYTES = 32;
export const KEY_ENV = 'VIGIE_SECRETS_KEY';
export const KEY_CREDENTIAL = 'vigie-secrets-key';
export const KEY_FILE = 'secrets.key';

export interface SecretsKey {
  key: Buffer;
  /** Where the key came from, for messages: never the key itself. */
  source: string;
}

/** A key that exists but cannot be used: told to the user as is, never worked around. */
export class SecretsKeyError extends Error {
  override name = 'SecretsKeyError';
}

export function keyFilePath(dataDir: string): string {
  return join(dataDir, KEY_FILE);
}

/**
 * Accepts the 32 bytes raw (a file made with `head -c 32 /dev/urandom`) or as base64 text (what Vigie
 * writes, what fits an environment variable); anything else is refused rather than hashed into a key, so a
 * truncated or wrong file is noticed instead of silently producing a different key.
 */
export function parseKeyMaterial(material: Buffer): Buffer | null {
  if (material.length === KEY_BYTES) return Buffer.from(material);
  const text = material.toString('utf8').trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
  const key = Buffer.from(text, 'base64');
  return key.length === KEY_BYTES ? key : null;
}

/**
 * Finds the key in order: the environment (VIGIE_SECRETS_KEY, base64), a systemd credential
 * ($CREDENTIALS_DIRECTORY/vigie-secrets-key), then <dataDir>/secrets.key. Returns null when none exists yet.
 */
export async function findKey(dataDir: string, env: NodeJS.ProcessEnv): Promise<SecretsKey | null> {
  const fromEnv = env[KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = parseKeyMaterial(Buffer.from(fromEnv, 'utf8'));
    if (!key)
      throw new SecretsKeyError(
        `${KEY_ENV} is not a base64-encoded 32-byte key (make one with: head -c 32 /dev/urandom | base64)`,
      );
    return { key, source: `the environment variable ${KEY_ENV}` };
  }
  const credentialsDir = env.CREDENTIALS_DIRECTORY;
  if (credentialsDir) {
    const path = join(credentialsDir, KEY_CREDENTIAL);
    const material = await readIfExists(path, 'the systemd credential');
    if (material) {
      const key = parseKeyMaterial(material);
      if (!key)
        throw new SecretsKeyError(`The systemd credential ${path} is not a 32-byte key (raw or base64)`);
      return { key, source: `the systemd credential ${KEY_CREDENTIAL}` };
    }
  }
  const path = keyFilePath(dataDir);
  const material = await readIfExists(path, 'the key file');
  if (!material) return null;
  const mode = (await stat(path)).mode & 0o777;
  if (mode & 0o077) {
    throw new SecretsKeyError(
      `The key file ${path} can be read by other users (mode ${mode.toString(8)}): run chmod 600 ${path} and restart`,
    );
  }
  const key = parseKeyMaterial(material);
  if (!key) throw new SecretsKeyError(`The key file ${path} is not a 32-byte key (damaged or truncated?)`);
  return { key, source: `the key file ${path}` };
}

/**
 * Creates <dataDir>/secrets.key when no key exists anywhere, exclusively: two processes can never end up
 * with two different keys. Then whichever key won is read back.
 */
export async function findOrCreateKey(dataDir: string, env: NodeJS.ProcessEnv): Promise<SecretsKey> {
  const existing = await findKey(dataDir, env);
  if (existing) return existing;
  await createPrivateFileExclusive(keyFilePath(dataDir), `${randomBytes(KEY_BYTES).toString('base64')}\n`);
  const created = await findKey(dataDir, env);
  if (!created)
    throw new SecretsKeyError(`The key file ${keyFilePath(dataDir)} vanished right after it was created`);
  return created;
}

async function readIfExists(path: string, what: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new SecretsKeyError(`Cannot read ${what} ${path} (${code ?? (error as Error).message})`);
  }
}
