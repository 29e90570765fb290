import type { EventName } from '../../shared/contract/channels';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { AppInfo } from '../../shared/contract/settings';

/**
 * What the HTTP/WebSocket bridge needs from the core. `createHeadlessCore` (./headless-core.ts) builds the
 * real one with headless adapters; server tests may build a small fake.
 */
export interface ServedCore {
  /** Validates and runs one contract call; the HTTP handler returns its envelope as JSON. */
  dispatch: Dispatch;
  /** Every core event, for the WebSocket clients; returns an unsubscribe function. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Prometheus text exposition of the latest value of every series, in chunks. */
  metrics(): Iterable<string>;
  /** Whether the bearer token matches the one set in Settings (timing-safe); false when none is set. */
  metricsTokenMatches(token: string): Promise<boolean>;
  info(): Promise<AppInfo>;
  close(): Promise<void>;
}

export interface HeadlessCoreOptions {
  dataDir: string;
  /** Where secrets go: the OS keychain (Secret Service) or an encrypted file in the data dir. */
  secrets: 'keychain' | 'file';
  /** Log lines also to stderr (the CLI does; tests do not). */
  logToConsole?: boolean;
}
