import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from './file-secret-store';

let dir: string;
const secretsPath = (): string => join(dir, 'secrets.enc');
const keyPath = (): string => join(dir, 'secrets.key');
const mode = (path: string): number => statSync(path).mode & 0o777;
const envKey = (): string => randomBytes(32).toString('base64');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-secrets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('FileSecretStore', () => {
  it('stores, reads back across instances and deletes, never in plain text', async () => {
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    expect(await store.get('device:1:community')).toBeNull();
    await store.set('device:1:community', 'pr1vate-c0mmunity');
    await store.set('smtp:password', 'hunter2-sécret');
    const again = new FileSecretStore({ dataDir: dir, env: {} });
    expect(await again.get('device:1:community')).toBe('pr1vate-c0mmunity');
    expect(await again.get('smtp:password')).toBe('hunter2-sécret');
    const raw = readFileSync(secretsPath(), 'utf8');
    expect(raw).not.toContain('pr1vate');
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain('device:1');
    expect(mode(secretsPath())).toBe(0o600);
    expect(mode(keyPath())).toBe(0o600);
    await again.delete('smtp:password');
    expect(await new FileSecretStore({ dataDir: dir, env: {} }).get('smtp:password')).toBeNull();
    expect(await store.get('device:1:community')).toBe('pr1vate-c0mmunity');
    // No temporary file left behind by the atomic writes.
    expect(readdirSync(dir).sort()).toEqual(['secrets.enc', 'secrets.key']);
  });

  it('uses a fresh IV for every write', async () => {
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    await store.set('a', 'same');
    const first = JSON.parse(readFileSync(secretsPath(), 'utf8')) as { iv: string; data: string };
    await store.set('a', 'same');
    const second = JSON.parse(readFileSync(secretsPath(), 'utf8')) as { iv: string; data: string };
    expect(second.iv).not.toBe(first.iv);
    expect(second.data).not.toBe(first.data);
  });

  it('refuses a wrong key with a clear message and leaves the file untouched', async () => {
    await new FileSecretStore({ dataDir: dir, env: { VIGIE_SECRETS_KEY: envKey() } }).set('a', 'secret-a');
    const before = readFileSync(secretsPath());
    const wrong = new FileSecretStore({ dataDir: dir, env: { VIGIE_SECRETS_KEY: envKey() } });
    await expect(wrong.get('a')).rejects.toThrow(
      /encrypted with another key than the environment variable VIGIE_SECRETS_KEY/,
    );
    await expect(wrong.set('b', 'x')).rejects.toMatchObject({ code: 'unavailable' });
    const status = await wrong.status();
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/another key/);
    expect(readFileSync(secretsPath()).equals(before)).toBe(true);
  });

  it('detects a tampered file and never resets it', async () => {
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    await store.set('a', 'secret-a');
    const doc = JSON.parse(readFileSync(secretsPath(), 'utf8')) as { data: string };
    const bytes = Buffer.from(doc.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    doc.data = bytes.toString('base64');
    const tampered = JSON.stringify(doc);
    writeFileSync(secretsPath(), tampered, { mode: 0o600 });
    const fresh = new FileSecretStore({ dataDir: dir, env: {} });
    await expect(fresh.get('a')).rejects.toThrow(/failed its integrity check/);
    await expect(fresh.set('b', 'y')).rejects.toThrow(/integrity check/);
    expect(readFileSync(secretsPath(), 'utf8')).toBe(tampered);
  });

  it('detects a changed header (authenticated data) and a file that is not JSON', async () => {
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    await store.set('a', 'secret-a');
    writeFileSync(secretsPath(), 'garbage', { mode: 0o600 });
    await expect(new FileSecretStore({ dataDir: dir, env: {} }).get('a')).rejects.toThrow(
      /not a Vigie secrets file/,
    );
    writeFileSync(secretsPath(), JSON.stringify({ format: 'vigie-secrets', version: 9 }), { mode: 0o600 });
    await expect(new FileSecretStore({ dataDir: dir, env: {} }).get('a')).rejects.toThrow(
      /newer Vigie \(format 9\)/,
    );
  });

  it('refuses to go on when the file exists but its key is gone', async () => {
    await new FileSecretStore({ dataDir: dir, env: {} }).set('a', 'secret-a');
    const before = readFileSync(secretsPath());
    rmSync(keyPath());
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    await expect(store.get('a')).rejects.toThrow(/exists but its key is missing/);
    await expect(store.set('a', 'new')).rejects.toThrow(/key is missing/);
    expect(readFileSync(secretsPath()).equals(before)).toBe(true);
  });

  it('takes the key from the environment and creates no key file', async () => {
    const key = envKey();
    await new FileSecretStore({ dataDir: dir, env: { VIGIE_SECRETS_KEY: key } }).set('a', 'secret-a');
    expect(readdirSync(dir)).toEqual(['secrets.enc']);
    expect(await new FileSecretStore({ dataDir: dir, env: { VIGIE_SECRETS_KEY: key } }).get('a')).toBe(
      'secret-a',
    );
    const status = await new FileSecretStore({ dataDir: dir, env: { VIGIE_SECRETS_KEY: 'short' } }).status();
    expect(status).toEqual({
      available: false,
      message: expect.stringMatching(/VIGIE_SECRETS_KEY is not a base64-encoded 32-byte key/) as unknown,
    });
  });

  it('takes the key from a systemd credential, raw or base64', async () => {
    const creds = join(dir, 'creds');
    mkdirSync(creds);
    const raw = randomBytes(32);
    writeFileSync(join(creds, 'vigie-secrets-key'), raw);
    const data = join(dir, 'data');
    await new FileSecretStore({ dataDir: data, env: { CREDENTIALS_DIRECTORY: creds } }).set('a', 'secret-a');
    expect(readdirSync(data)).toEqual(['secrets.enc']);
    // The same key given as base64 in the environment opens the same file.
    const viaEnv = new FileSecretStore({ dataDir: data, env: { VIGIE_SECRETS_KEY: raw.toString('base64') } });
    expect(await viaEnv.get('a')).toBe('secret-a');
    expect((await viaEnv.status()).message).toMatch(/key from the environment variable/);
  });

  it('refuses a key file readable by others', async () => {
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    await store.set('a', 'secret-a');
    chmodSync(keyPath(), 0o644);
    const status = await new FileSecretStore({ dataDir: dir, env: {} }).status();
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/can be read by other users \(mode 644\): run chmod 600/);
  });

  it('keeps every secret of concurrent writes', async () => {
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`ref-${i}`, `value-${i}`)));
    const again = new FileSecretStore({ dataDir: dir, env: {} });
    for (let i = 0; i < 20; i++) expect(await again.get(`ref-${i}`)).toBe(`value-${i}`);
  });

  it('sees a write made by another instance (another process) since its last read', async () => {
    const a = new FileSecretStore({ dataDir: dir, env: {} });
    const b = new FileSecretStore({ dataDir: dir, env: {} });
    await a.set('x', 'one');
    expect(await b.get('x')).toBe('one');
    await a.set('x', 'two');
    expect(await b.get('x')).toBe('two');
  });

  it('reports where secrets and key live when available', async () => {
    const store = new FileSecretStore({ dataDir: dir, env: {} });
    expect(await store.status()).toEqual({
      available: true,
      message: `Secrets are encrypted in ${secretsPath()}; key from the key file ${keyPath()}, created with the first secret`,
    });
    await store.set('a', 'b');
    expect((await store.status()).message).toBe(
      `Secrets are encrypted in ${secretsPath()}; key from the key file ${keyPath()}`,
    );
    await expect(store.set('', 'x')).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
