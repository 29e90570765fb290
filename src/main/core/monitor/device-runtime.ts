import type { CheckState, DeviceConfig, DeviceSnapshot, Weather } from '../../../shared/contract/devices';
import { kindDefinition } from '../../../shared/kinds/index';
import type { Message } from '../../../shared/messages/message';
import type { State } from '../../../shared/states';
import type { DevicePoller } from '../pollers/source';

/** What the monitor knows about one device between polls; never persisted (the store and event log are). */
export interface DeviceRuntime {
  config: DeviceConfig;
  poller: DevicePoller | null;
  snapshot: DeviceSnapshot | null;
  checks: CheckState[];
  state: State;
  message: string | null;
  /** The same as `message`, as a code for the reader's language. */
  messageText: Message | null;
  lastPollAt: number | null;
  uptimeSeconds: number | null;
  /** The family currently used to draw the device: forced, detected, or the kind's default. */
  family: string;
  /** The last state written to the state history (read once at start), so a poll needs no read to compare. */
  recordedState: State | null;
  /** Weather over 24 h, recomputed at most once a minute or when the state changes. */
  weather: { at: number; value: Weather } | null;
}

export function initialFamily(config: DeviceConfig): string {
  if (config.family !== 'auto') return config.family;
  if (config.detectedFamily) return config.detectedFamily;
  return kindDefinition(config.kind).defaultFamily;
}
