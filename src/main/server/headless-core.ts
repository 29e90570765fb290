import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../core/create-core';
import { DEFAULT_FAMILIES, DEFAULT_SOURCES } from '../core/default-catalog';
import { createFileLogger } from '../core/log/file-logger';
import { packageVersion } from '../core/package-version';
import { systemClock } from '../core/ports';
import { secretStoreFor } from '../core/secrets/secret-store-for';
import { openDataFolderSettings } from '../core/settings/data-folder-settings';
import { EventHub } from './event-hub';
import type { HeadlessCoreOptions, ServedCore } from './served-core';


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
  const settings = openDataFolderSettings(dataDir, log);
  const secrets = secretStoreFor(options.secrets, dataDir);
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
    metrics: () => core.metrics(),
    metricsTokenMatches: (token) => core.metricsTokenMatches(token),
    info: () => core.info(),
    close: () => core.stop(),
  };
}
