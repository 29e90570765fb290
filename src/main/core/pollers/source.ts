import type { DeviceConfig, DeviceSecret, MetricValue, TestResult, TestStage } from '../../../shared/contract/devices';
import type { FamilyDescriptor } from '../../../shared/families/descriptor';
import type { Message } from '../../../shared/messages/message';
import type { Rule } from '../alerting/rule';
import type { Clock, Logger } from '../ports';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** One poll of one device, counters already turned into rates. The monitor stores, evaluates and shows it. */
export interface PollResult {
  /** The family that answered (the detected one when the device says 'auto'). */
  family: string;
  identity: Record<string, Cell>;
  metrics: MetricValue[];
  tables: Record<string, Row[]>;
  /** Conditions the family itself recognises (a NetApp global status, a UPS on battery...). */
  /**
   * Problems the device reports. `message` is the English text (log, probe); `text` the same as a code for
   * the reader's language where the family words it itself; without it the device's words are shown as they are.
   */
  problems: { severity: 'warning' | 'critical' | 'unknown'; message: string; text?: Message; id?: string }[];
  /** How long the device itself has been up, when it says so. */
  uptimeSeconds: number | null;
  /**
   * Metric names whose series the store keeps without the raw tier (store/series-history.ts): a large
   * vCenter's per-VM figures under its history policy. Absent: every series keeps full history.
   */
  reducedHistory?: readonly string[];
}

/**
 * A poll that could not happen at all: unreachable, refused, bad credentials. The device goes UNKNOWN with
 * this message (one event, not one per metric). `stage` is the same vocabulary as Test connection.
 */
export class PollError extends Error {
  constructor(
    readonly stage: TestStage,
    message: string,
  ) {
    super(message);
    this.name = 'PollError';
  }
}

export interface SourceDeps {
  clock: Clock;
  log: Logger;
}

/** A live connection to one device: keeps sessions and previous counter values between polls. */
export interface DevicePoller {
  poll(signal: AbortSignal): Promise<PollResult>;
  close(): Promise<void>;
}

/** Everything a device needs to be polled or tested, as the monitor hands it over. */
export interface DeviceTarget {
  device: Omit<DeviceConfig, 'id' | 'createdAt' | 'hasSecret' | 'detectedFamily'> & { id?: string };
  secret: DeviceSecret | null;
}

/** One protocol (local OS, SNMP, vSphere, HTTP): how to test a device and how to open a poller for it. */
export interface Source {
  readonly kind: DeviceConfig['kind'];
  test(target: DeviceTarget, deps: SourceDeps, signal: AbortSignal): Promise<TestResult>;
  open(target: DeviceTarget, deps: SourceDeps): DevicePoller;
}

/** A family as the core knows it: its descriptor (shared with the renderer) and its default rules. */
export interface FamilyModule {
  descriptor: FamilyDescriptor;
  rules: Rule[];
}
