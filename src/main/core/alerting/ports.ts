import type { AlertChange, Incident } from '../../../shared/contract/alerting';
import type { DeviceConfig, DeviceSnapshot } from '../../../shared/contract/devices';
import type { Message } from '../../../shared/messages/message';
import type { State } from '../../../shared/states';

/**
 * The seams between the alerting engine (rules, states, noise control), the incident tracker and topology,
 * the own-reachability guard and the notification router. Each side codes against these; create-core.ts
 * wires them.
 */

/** Where notify-worthy changes go once maintenance, acknowledgements, silences and incidents have spoken. */
export interface AlertNotifier {
  send(change: AlertChange): void;
}

/** A device's overall state changed (the engine tells the incident tracker before notifying). */
export interface DeviceStateChange {
  at: number;
  deviceId: string;
  deviceName: string;
  group: string;
  previous: State | null;
  state: State;
  detail: Message;
}

/**
 * muted: this change is a child's failure under a parent that is down: record it, show it, do not notify it
 * on its own (the incident's notice lists it). notices: what to notify instead (incident opened, updated
 * with new affected devices, closed). A recovery is never muted.
 */
export interface IncidentDecision {
  muted: boolean;
  incidentId: string | null;
  notices: AlertChange[];
}

export interface IncidentPort {
  onDeviceState(change: DeviceStateChange): IncidentDecision;
  incidentOf(deviceId: string): string | null;
  list(open: boolean): Incident[];
  /** A device removed from the inventory leaves its incidents. */
  forget(deviceId: string): void;
}

/** Which devices a device depends on (declared `parentId`, and what Vigie derives from what it polls). */
export interface Topology {
  parentsOf(deviceId: string): readonly string[];
  childrenOf(deviceId: string): readonly string[];
}

export type TopologyInput = {
  configs: readonly DeviceConfig[];
  snapshots: ReadonlyMap<string, DeviceSnapshot | null>;
};

export interface GuardVerdict {
  ok: boolean;
  /** What was checked and what answered, for the event and the log ("gateway 10.0.0.1 and DNS 10.0.0.2 silent"). */
  detail: string;
}

/** Vigie's own network: asked before a device is recorded unreachable. */
export interface GuardPort {
  networkOk(signal?: AbortSignal): Promise<GuardVerdict>;
}
