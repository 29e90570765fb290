import type * as KeytarModule from 'keytar';
import type { SecretStore, SecretStatus } from '../ports';

const SERVICE = 'vigie';

type Keytar = typeof KeytarModule;

/**
 * Secrets in the OS keychain through keytar (Secret Service on Linux, Keychain on macOS, Credential Vault
 * on Windows). keytar is loaded lazily so that a machine without libsecret can still start and say why.
 * Errors are rewritten into what an administrator can act on.
 */
export class KeytarSecretStore implements SecretStore {
  readonly backend = 'keychain' as const;
  private keytar: Keytar | null = null;

  constructor(private readonly service = SERVICE) {}

  private async load(): Promise<Keytar> {
    if (this.keytar) return this.keytar;
    try {
      const mod = (await import('keytar')) as Keytar & { default?: Keytar };
      this.keytar = mod.default ?? mod;
      return this.keytar;
    } catch (error) {
      throw new Error(`The OS keychain library (keytar) cannot load: ${(error as Error).message}`, { cause: error });
    }
  }

  private explain(error: unknown): Error {
    const m = (error as Error).message ?? String(error);
    if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|org.freedesktop.DBus|given address is empty/i.test(m)) {
      return new Error('No desktop session bus (D-Bus), so no keychain: start Vigie in a desktop session, or use `vigie serve --secrets file`.');
    }
    if (/collection|locked|No such secret|Object does not exist/i.test(m)) {
      return new Error(`The keychain is locked or has no default collection (${m}): unlock it (e.g. log in to the desktop), or use \`vigie serve --secrets file\`.`);
    }
    return new Error(`Keychain error: ${m}`);
  }

  async status(): Promise<SecretStatus> {
    try {
      const k = await this.load();
      // A harmless read proves the Secret Service answers and the collection is unlocked.
      await k.findCredentials(this.service);
      return { available: true, message: null };
    } catch (error) {
      return { available: false, message: this.explain(error).message };
    }
  }

  async get(ref: string): Promise<string | null> {
    try {
      return await (await this.load()).getPassword(this.service, ref);
    } catch (error) {
      throw this.explain(error);
    }
  }

  async set(ref: string, value: string): Promise<void> {
    try {
      await (await this.load()).setPassword(this.service, ref, value);
    } catch (error) {
      throw this.explain(error);
    }
  }

  /** The keychain has no batch call: one item each, which the Secret Service handles quickly. */
  async setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    for (const [ref, value] of entries) await this.set(ref, value);
  }

  async delete(ref: string): Promise<void> {
    try {
      await (await this.load()).deletePassword(this.service, ref);
    } catch (error) {
      throw this.explain(error);
    }
  }
}
