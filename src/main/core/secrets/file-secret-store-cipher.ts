import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const SECRETS_FORMAT = 'vigie-secrets';
export const SECRETS_VERSION = 1;
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A secrets file that cannot be opened with the key at hand; the message says why and what to do. */
export class SecretsFileError extends Error {
  override name = 'SecretsFileError';
}

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const EnvelopeSchema = z.strictObject({
  format: z.literal(SECRETS_FORMAT),
  version: z.number().int().positive(),
  cipher: z.literal(CIPHER),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  iv: Base64,
  tag: Base64,
  data: Base64,
});

const PlainSchema = z.strictObject({ secrets: z.record(z.string(), z.string()) });

/**
 * A short fingerprint of the key, stored beside the ciphertext, so that "wrong key" and "file damaged or
 * tampered with" are told apart. It reveals nothing usable about a 256-bit random key.
 */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('vigie-secrets-key-id\0').update(key).digest('hex').slice(0, 16);
}

/** The header fields are authenticated too: changing the version or key id breaks the tag. */
function aad(id: string): Buffer {
  return Buffer.from(`${SECRETS_FORMAT}:${SECRETS_VERSION}:${CIPHER}:${id}`, 'utf8');
}

export function encryptSecrets(secrets: ReadonlyMap<string, string>, key: Buffer): string {
  const id = keyId(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(id));
  const plain = Buffer.from(JSON.stringify({ secrets: Object.fromEntries(secrets) }), 'utf8');
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  const envelope: z.infer<typeof EnvelopeSchema> = {
    format: SECRETS_FORMAT,
    version: SECRETS_VERSION,
    cipher: CIPHER,
    keyId: id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return `${JSON.stringify(envelope)}\n`;
}

/** `where` names the file and `keySource` the key in messages. */
export function decryptSecrets(
  text: string,
  key: Buffer,
  where: string,
  keySource: string,
): Map<string, string> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new SecretsFileError(
      `${where} is not a Vigie secrets file or is damaged (not JSON); it was left untouched`,
    );
  }
  const version = (doc as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SECRETS_VERSION) {
    throw new SecretsFileError(
      `${where} was written by a newer Vigie (format ${version}); upgrade Vigie to read it`,
    );
  }
  const parsed = EnvelopeSchema.safeParse(doc);
  if (!parsed.success || parsed.data.version !== SECRETS_VERSION) {
    throw new SecretsFileError(`${where} is not a Vigie secrets file or is damaged; it was left untouched`);
  }
  const env = parsed.data;
  if (env.keyId !== keyId(key)) {
    throw new SecretsFileError(
      `${where} was encrypted with another key than ${keySource}: supply the key it was written with (VIGIE_SECRETS_KEY, the systemd credential or secrets.key); the file was left untouched`,
    );
  }
  const iv = Buffer.from(env.iv, 'base64');
  const tag = Buffer.from(env.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretsFileError(`${where} is damaged (bad IV or tag length); it was left untouched`);
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(env.keyId));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(Buffer.from(env.data, 'base64')), decipher.final()]);
  } catch {
    throw new SecretsFileError(
      `${where} failed its integrity check: it was damaged or tampered with; it was left untouched`,
    );
  }
  let inner: unknown;
  try {
    inner = JSON.parse(plain.toString('utf8'));
  } catch {
    inner = null;
  } finally {
    plain.fill(0);
  }
  const secrets = PlainSchema.safeParse(inner);
  if (!secrets.success)
    throw new SecretsFileError(`${where} decrypted to an unexpected shape; it was left untouched`);
  return new Map(Object.entries(secrets.data.secrets));
}
