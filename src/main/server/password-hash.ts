import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * scrypt from node:crypto (no native add-on to build): N=2^15, r=8, p=1 costs 32 MiB and some 50–100 ms per
 * guess here. The parameters are stored with each hash, so they can be raised later without breaking the
 * passwords already set.
 */
export const SCRYPT_DEFAULTS = { N: 2 ** 15, r: 8, p: 1, keyLength: 64 } as const;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;

export const PasswordHashSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(32).max(128),
  salt: z.string().min(16),
  hash: z.string().min(32),
});
export type PasswordHash = z.infer<typeof PasswordHashSchema>;

/** Returns why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): 'too-short' | 'too-long' | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too-short';
  if (length > PASSWORD_MAX) return 'too-long';
  return null;
}

function derive(
  password: string,
  salt: Buffer,
  p: Omit<PasswordHash, 'algorithm' | 'salt' | 'hash'>,
): Promise<Buffer> {
  const options: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, p.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT_DEFAULTS);
  return {
    algorithm: 'scrypt',
    ...SCRYPT_DEFAULTS,
    salt: salt.toString('base64'),
    hash: key.toString('base64'),
  };
}

/** Constant-time comparison of the derived keys; an over-long input is refused before any work. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (password.length > PASSWORD_MAX * 4) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
