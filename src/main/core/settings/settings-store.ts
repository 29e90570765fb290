import type { Settings } from './schema';

/** The validated settings document. Writes are whole-document and atomic (conf writes through a temp file). */
export interface SettingsStore {
  get(): Settings;
  update(change: (current: Settings) => Settings): Settings;
  /** Remarks from opening the file, e.g. a corrupt file set aside; shown to the user once. */
  readonly notices: readonly string[];
}
