import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { createCore } from '../core/create-core';
import { DEFAULT_FAMILIES, DEFAULT_SOURCES } from '../core/default-catalog';
import { createFileLogger } from '../core/log/file-logger';
import { packageVersion } from '../core/package-version';
import { systemClock, type SecretStore } from '../core/ports';
import { FileSecretStore } from '../core/secrets/file-secret-store';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { ConfSettingsStore, inspectSettingsFile } from '../core/settings/conf-settings-store';
import { EventHub } from './event-hub';
import type { HeadlessCoreOptions, ServedCore } from './served-core';

export const SETTINGS_NAME = 'settings';

/**
 * The core with headless adapters: settings through conf (the library electron-store is built on), secrets
 * in the keychain or an encrypted file as chosen at start, desktop notifications turned into events for the
 * browsers, logs in the data dir.
 */
export async function createHeadlessCore(options: HeadlessCoreOptions): Promise<ServedCore> {
  const { dataDir } = options;
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new Error(`The data directory ${dataDir} is not writable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error,
    });
  }
  const log = createFileLogger(join(dataDir, 'logs'), { console: options.logToConsole ?? false });
  const settingsPath = join(dataDir, `${SETTINGS_NAME}.json`);
  const inspected = inspectSettingsFile(settingsPath);
  for (const n of inspected.notices) log.warn(n);
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: SETTINGS_NAME,
    projectName: 'vigie',
    // Already copied aside by inspectSettingsFile when it was unreadable: conf may start it afresh.
    clearInvalidConfig: true,
    configFileMode: 0o600,
  });
  const settings = new ConfSettingsStore(conf, inspected.notices);
  const secrets: SecretStore =
    options.secrets === 'file' ? new FileSecretStore({ dataDir }) : new KeytarSecretStore();
  const status = await secrets.status();
  const notices: string[] = [];
  if (!status.available) {
    const message = `Secrets (${options.secrets}) are unavailable: ${status.message ?? 'unknown reason'}. Devices that need credentials cannot be added until this is fixed.`;
    notices.push(message);
    log.warn(message);
  }
  const hub = new EventHub();
  const core = createCore({
    paths: { dataDir },
    settings,
    secrets,
    clock: systemClock,
    sink: hub,
    notifier: { notify: (n) => hub.emit('notify:show', n) },
    log,
    mode: 'web',
    version: packageVersion(),
    families: DEFAULT_FAMILIES,
    sources: DEFAULT_SOURCES,
    notices,
  });
  await core.start();
  return {
    dispatch: core.dispatch,
    subscribe: (listener) => hub.subscribe(listener),
    metricsText: () => core.metricsText(),
    metricsTokenMatches: (token) => core.metricsTokenMatches(token),
    info: () => core.info(),
    close: () => core.stop(),
  };
}
