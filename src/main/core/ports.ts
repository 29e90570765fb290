import type { EventPayload } from '../../shared/contract/api';
import type { EventName } from '../../shared/contract/channels';
import type { Notification } from '../../shared/contract/events';

/**
 * What the core needs from its host. The Electron shell (src/main/index.ts) and the headless server
 * (src/main/server/) each wire their own adapters; tests wire in-memory ones.
 */
export interface Paths {
  /** Where the store, the event log, the settings and the logs live. */
  dataDir: string;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Pushes an event to every connected renderer (IPC webContents.send, or the WebSocket clients). */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** Desktop notification and tray in Electron; an event to the browsers under serve. */
export interface Notifier {
  notify(notification: Notification): void;
}

export type SecretBackend = 'keychain' | 'file' | 'memory' | 'none';

export interface SecretStatus {
  available: boolean;
  /** Why secrets cannot be stored, or which file holds them. */
  message: string | null;
}

/** Secrets by reference; settings hold the reference only. */
export interface SecretStore {
  readonly backend: SecretBackend;
  status(): Promise<SecretStatus>;
  get(ref: string): Promise<string | null>;
  set(ref: string, value: string): Promise<void>;
  /** Several at once: an import of 1,000 devices is one durable write of the secrets file, not 1,000. */
  setMany(entries: ReadonlyArray<readonly [ref: string, value: string]>): Promise<void>;
  delete(ref: string): Promise<void>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
