import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { defaultSettings, parseSettingsDocument, type Settings } from './schema';
import type { SettingsStore } from './settings-store';

/** The part of conf (and of electron-store, which extends it) that the adapter uses. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * Reads the settings file before conf does, because conf either throws on a corrupt file or, with
 * clearInvalidConfig, silently empties it. A corrupt or future-version file is copied aside with a time
 * stamp, the user is told where, and the app starts with defaults: nothing the user had is lost.
 */
export function inspectSettingsFile(path: string, now: Date = new Date()): { notices: string[]; reset: boolean } {
  if (!existsSync(path)) return { notices: [], reset: false };
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return setAside(path, `not valid JSON (${(error as Error).message})`, now);
  }
  const parsed = parseSettingsDocument(doc);
  if (parsed.ok) return { notices: [], reset: false };
  return setAside(path, parsed.reason, now);
}

function setAside(path: string, reason: string, now: Date): { notices: string[]; reset: boolean } {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backup = `${path}.corrupt-${stamp}`;
  copyFileSync(path, backup);
  return {
    notices: [`The settings file ${path} could not be used (${reason}). It was kept as ${backup}; Vigie started with default settings.`],
    reset: true,
  };
}

export class ConfSettingsStore implements SettingsStore {
  readonly notices: readonly string[];
  private current: Settings;

  constructor(
    private readonly conf: ConfLike,
    notices: readonly string[] = [],
  ) {
    const parsed = parseSettingsDocument(conf.store);
    this.current = parsed.ok ? parsed.settings : defaultSettings();
    if (!parsed.ok || parsed.migrated) this.conf.store = { ...this.current };
    this.notices = notices;
  }

  get(): Settings {
    return this.current;
  }

  update(change: (current: Settings) => Settings): Settings {
    const next = parseSettingsDocument(change(structuredClone(this.current)));
    if (!next.ok) throw new Error(`Refusing to write invalid settings: ${next.reason}`);
    this.conf.store = { ...next.settings };
    this.current = next.settings;
    return this.current;
  }
}
