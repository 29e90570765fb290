import type { SecretStore, SecretStatus } from '../ports';

/** For tests only: secrets in memory, gone at exit. */
export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory' as const;
  private readonly values = new Map<string, string>();

  status(): Promise<SecretStatus> {
    return Promise.resolve({ available: true, message: 'in memory (tests only)' });
  }
  get(ref: string): Promise<string | null> {
    return Promise.resolve(this.values.get(ref) ?? null);
  }
  set(ref: string, value: string): Promise<void> {
    this.values.set(ref, value);
    return Promise.resolve();
  }
  setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    for (const [ref, value] of entries) this.values.set(ref, value);
    return Promise.resolve();
  }
  delete(ref: string): Promise<void> {
    this.values.delete(ref);
    return Promise.resolve();
  }
}
