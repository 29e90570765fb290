import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { ConfSettingsStore } from '../settings/conf-settings-store';
import { DeviceRegistry } from './device-registry';

/** A registry over a fresh settings file and an in-memory secret store, for tests. */
export function testRegistry(): { registry: DeviceRegistry; secrets: MemorySecretStore; settings: ConfSettingsStore } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-registry-'));
  const settings = new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'vigie' }));
  const secrets = new MemorySecretStore();
  return { registry: new DeviceRegistry(settings, secrets, { now: () => 1_700_000_000_000 }), secrets, settings };
}
