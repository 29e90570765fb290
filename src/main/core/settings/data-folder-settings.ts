import { join } from 'node:path';
import Conf from 'conf';
import type { Logger } from '../ports';
import { ConfSettingsStore, inspectSettingsFile } from './conf-settings-store';

/** `<data>/settings.json`: the one settings file of a data folder (serve, the CLI, the appliance). */
export const SETTINGS_NAME = 'settings';

export function settingsPathOf(dataDir: string): string {
  return join(dataDir, `${SETTINGS_NAME}.json`);
}

/**
 * Opens a data folder's settings the way every headless entry does: the file is inspected first (a corrupt
 * or future-version one is copied aside and reported), then conf may start it afresh.
 */
export function openDataFolderSettings(dataDir: string, log: Logger): ConfSettingsStore {
  const inspected = inspectSettingsFile(settingsPathOf(dataDir));
  for (const n of inspected.notices) log.warn(n);
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: SETTINGS_NAME,
    projectName: 'vigie',
    // Already copied aside by inspectSettingsFile when it was unreadable: conf may start it afresh.
    clearInvalidConfig: true,
    configFileMode: 0o600,
  });
  return new ConfSettingsStore(conf, inspected.notices);
}
