import type { SecretStore } from '../ports';
import { FileSecretStore } from './file-secret-store';
import { KeytarSecretStore } from './keytar-secret-store';

/** The secret store a headless entry was told to use (`--secrets file|keychain`): never a silent fallback. */
export function secretStoreFor(backend: 'file' | 'keychain', dataDir: string): SecretStore {
  return backend === 'file' ? new FileSecretStore({ dataDir }) : new KeytarSecretStore();
}
