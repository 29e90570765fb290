import type { CheckState, DeviceConfig, DeviceDetail, DeviceSnapshot, DeviceSummary } from '../../../shared/contract/devices';
import { kindDefinition } from '../../../shared/kinds/index';
import type { EventRecord } from '../../../shared/contract/events';
import { msg, type Message } from '../../../shared/messages/message';
import { worstState, type State } from '../../../shared/states';
import { CREDENTIAL_CHECK_ID, type AlertDevice, type AlertEngine } from '../alerting/engine';
import type { GuardPort } from '../alerting/ports';
import type { Catalog } from '../families';
import type { EventStore } from '../events/event-store';
import { describeMissing, missingSecrets, requiredSecrets } from '../inventory/credential-check';
import type { DeviceRegistry } from '../inventory/device-registry';
import { PollError, type DevicePoller, type PollResult } from '../pollers/source';
import { withUptimeMetric } from '../pollers/uptime-metric';
import type { Clock, EventSink, Logger } from '../ports';
import type { MetricStore } from '../store/metric-store';
import { initialFamily, type DeviceRuntime } from './device-runtime';
import { keyFigure } from './key-figure';
import { applyBounds, boundsFor } from './poll-bounds';
import { pollSamples } from './poll-samples';
import { uptimeStats } from './uptime-stats';
import { joinVcenterSensors, type VcenterView } from './vcenter-sensors';
import type { Scheduler } from './scheduler';
import { tileEnglish, tileText } from './tile-text';

export interface MonitorDeps {
  registry: DeviceRegistry;
  catalog: Catalog;
  store: MetricStore;
  events: EventStore;
  sink: EventSink;
  /** Judges each poll and decides what is notified (the monitor never notifies by itself). */
  alerts: AlertEngine;
  /** Vigie's own network, asked before a device is recorded unreachable (optional). */
  guard?: GuardPort;
  clock: Clock;
  log: Logger;
  scheduler: Scheduler;
}

/** How a v1/v2c poll with the default community fails when the agent wants another one. */
const COMMUNITY_STAGES: ReadonlySet<string> = new Set(['timeout', 'community', 'auth']);

/** The 24-hour weather moves slowly: a minute-old value is as true as a fresh one. */
const WEATHER_REFRESH_MS = 60_000;

const SEVERITY_OF: Record<State, EventRecord['severity']> = {
  ok: 'ok',
  warning: 'warning',
  critical: 'critical',
  unknown: 'unknown',
};

/**
 * The live side of Vigie: polls every enabled device on its own interval through the scheduler, writes each
 * poll to the metric store in one batch, judges it with the family's rules, and on a state change records
 * the event, the state history (weather) and tells the renderers. Data flows one way:
 * poller → store + rules → events → sink.
 */
export class Monitor {
  private readonly runtimes = new Map<string, DeviceRuntime>();
  private stopped = false;
  /** Since when Vigie's own network is down (one event for the whole outage), if it is. */
  private networkLostAt: number | null = null;

  constructor(private readonly deps: MonitorDeps) {}

  start(): void {
    for (const config of this.deps.registry.list()) this.track(config, false);
  }

  list(): DeviceSummary[] {
    return [...this.runtimes.values()].map((r) => this.summarize(r));
  }

  summary(id: string): DeviceSummary {
    return this.summarize(this.runtime(id));
  }

  detail(id: string): DeviceDetail {
    const r = this.runtime(id);
    return {
      summary: this.summarize(r),
      config: r.config,
      snapshot: r.snapshot,
      checks: r.checks,
      series: this.deps.store.listSeries(id).map(({ key, metric, instance, unit }) => ({ key, metric, instance, unit })),
      uptime: uptimeStats(this.deps.store, id, this.deps.clock.now(), r.uptimeSeconds),
    };
  }

  /** The last answered poll of a device (topology reads what vCenters and UPSes say they hold). */
  snapshot(id: string): DeviceSnapshot | null {
    return this.runtimes.get(id)?.snapshot ?? null;
  }

  familyOf(id: string): string | null {
    return this.runtimes.get(id)?.family ?? null;
  }

  /** `soon`: a device just added or edited is polled right away rather than after the start-up jitter. */
  track(config: DeviceConfig, soon = true): void {
    const last = this.deps.events.lastState(config.id, this.deps.clock.now());
    const runtime: DeviceRuntime = {
      config,
      poller: null,
      snapshot: null,
      checks: [],
      state: last?.state ?? 'unknown',
      message: config.enabled ? 'Waiting for the first poll' : 'Monitoring disabled',
      messageText: msg(config.enabled ? 'device.waiting-first-poll' : 'device.monitoring-disabled'),
      lastPollAt: null,
      uptimeSeconds: null,
      family: initialFamily(config),
      recordedState: last?.state ?? null,
      weather: null,
    };
    this.runtimes.set(config.id, runtime);
    if (config.enabled) {
      this.deps.scheduler.add(config.id, config.intervalSeconds * 1000, (signal) => this.poll(config.id, signal), {
        runSoon: soon,
      });
    }
    this.deps.sink.emit('devices:changed', this.summarize(runtime));
  }

  /** A changed configuration starts over with a fresh poller (new session, new credentials). */
  async reconfigure(config: DeviceConfig): Promise<void> {
    await this.untrack(config.id, false);
    this.track(config);
  }

  async untrack(id: string, removed = true): Promise<void> {
    const r = this.runtimes.get(id);
    this.deps.scheduler.remove(id);
    this.runtimes.delete(id);
    if (removed) this.deps.alerts.forget(id);
    else this.deps.alerts.detach(id);
    if (r?.poller) await r.poller.close().catch(() => undefined);
    if (removed) {
      this.deps.store.deleteDevice(id);
      this.deps.events.deleteDevice(id);
      this.deps.sink.emit('devices:removed', { id });
    }
  }

  async pollNow(id: string): Promise<DeviceSummary> {
    const r = this.runtime(id);
    if (!r.config.enabled) return this.summarize(r);
    await this.deps.scheduler.runNow(id);
    return this.summary(id);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.deps.scheduler.stop();
    await Promise.all([...this.runtimes.values()].map((r) => r.poller?.close().catch(() => undefined) ?? Promise.resolve()));
  }

  private runtime(id: string): DeviceRuntime {
    const r = this.runtimes.get(id);
    if (!r) throw new PollError('internal', `No device with id ${id}`);
    return r;
  }

  private async poll(id: string, signal: AbortSignal): Promise<void> {
    const r = this.runtimes.get(id);
    if (!r || this.stopped) return;
    const { clock, log } = this.deps;
    let result: PollResult | null = null;
    let failure: string | null = null;
    let credentialMissing = false;
    try {
      r.poller ??= await this.openPoller(r);
      const polled = joinVcenterSensors(r.config, await r.poller.poll(signal), () => this.vcenters());
      result = applyBounds(withUptimeMetric(polled), boundsFor(r.config.kind), () => this.knownSeries(id));
    } catch (error) {
      failure = error instanceof PollError ? error.message : `Poll failed: ${(error as Error).message ?? String(error)}`;
      credentialMissing = error instanceof PollError && error.stage === 'secrets';
      // v1/v2c without a stored community try "public": when that gets nothing, the community is what is missing.
      if (error instanceof PollError && COMMUNITY_STAGES.has(error.stage) && !r.config.hasSecret && requiredSecrets(r.config).includes('community')) {
        credentialMissing = true;
        failure = `${describeMissing(['community'])} (the default "public" got: ${error.message})`;
      }
      if (!(error instanceof PollError)) log.error('unexpected poll failure', { device: r.config.name, error: String(error) });
    }
    if (this.runtimes.get(id) !== r) return; // removed or reconfigured while polling
    if (!result && !credentialMissing && (await this.ownNetworkLost(signal))) {
      // Everything looks down because Vigie is cut off: keep the device as it was, record nothing for it.
      if (this.runtimes.get(id) !== r) return;
      r.lastPollAt = clock.now();
      this.deps.sink.emit('devices:changed', this.summarize(r));
      return;
    }
    if (this.runtimes.get(id) !== r) return;
    const now = clock.now();
    r.lastPollAt = now;
    // "This computer" answers without any network: only a remote device's answer proves the network is back.
    if (result && r.config.kind !== 'local') this.networkBack(now);
    if (result) this.applyResult(r, result, now);
    else if (credentialMissing) this.setState(r, this.deps.alerts.credentialMissing(this.alertDevice(r), failure ?? 'Credential missing', now), now);
    else this.applyFailure(r, failure ?? 'Poll failed', now);
    this.ingest(r, result, now);
    this.deps.sink.emit('devices:changed', this.summarize(r));
  }

  /**
   * Asked only when a poll failed: when the guard says Vigie's own network is down, one system event opens
   * the outage (and none per device); when it answers again, one event closes it.
   */
  private async ownNetworkLost(signal: AbortSignal): Promise<boolean> {
    const guard = this.deps.guard;
    if (!guard) return false;
    let verdict: { ok: boolean; detail: string };
    try {
      verdict = await guard.networkOk(signal);
    } catch (error) {
      this.deps.log.warn('own-network check failed; judging the device alone', { error: String(error) });
      return false;
    }
    const now = this.deps.clock.now();
    if (verdict.ok) {
      this.networkBack(now);
      return false;
    }
    if (this.networkLostAt === null) {
      this.networkLostAt = now;
      const text = msg('system.network-lost', { detail: verdict.detail });
      this.recordSystem(now, 'critical', text, `Vigie lost its network: ${verdict.detail}`);
      this.deps.alerts.sendSystem(now, text, 'critical');
    }
    return true;
  }

  private networkBack(now: number): void {
    if (this.networkLostAt === null) return;
    const seconds = Math.max(0, Math.round((now - this.networkLostAt) / 1000));
    this.networkLostAt = null;
    const text = msg('system.network-back', { duration: { value: seconds, unit: 'seconds' } });
    this.recordSystem(now, 'ok', text, `Vigie has its network back after ${seconds} s`);
    this.deps.alerts.sendSystem(now, text, 'ok');
  }

  private recordSystem(at: number, severity: EventRecord['severity'], text: Message, message: string): void {
    const event = this.deps.events.append({ at, deviceId: null, deviceName: null, severity, kind: 'system', message, text });
    this.deps.sink.emit('events:appended', event);
  }

  /** The vCenters monitored here, for an ESXi host whose SNMP agent has no sensor MIB (vcenter-sensors.ts). */
  private vcenters(): VcenterView[] {
    return [...this.runtimes.values()]
      .filter((x) => x.config.kind === 'vsphere' && x.config.enabled)
      .map((x) => ({ name: x.config.name, snapshot: x.snapshot }));
  }

  private alertDevice(r: DeviceRuntime): AlertDevice {
    return { id: r.config.id, name: r.config.name, group: this.groupOf(r), family: r.family };
  }

  private groupOf(r: DeviceRuntime): string {
    return this.deps.catalog.descriptor(r.family)?.group ?? kindDefinition(r.config.kind).group;
  }

  private knownSeries(id: string): Set<string> {
    return new Set(this.deps.store.listSeries(id).map((s) => `${s.metric}|${s.instance}`));
  }

  private async openPoller(r: DeviceRuntime): Promise<DevicePoller> {
    const source = this.deps.catalog.source(r.config.kind);
    if (!source) throw new PollError('protocol', `No poller for ${r.config.kind} devices in this version`);
    const secret = r.config.hasSecret ? await this.deps.registry.secret(r.config.id) : null;
    if (r.config.hasSecret && !secret) throw new PollError('secrets', 'Credential missing from the secret store: edit the device and enter it again');
    // Imported from a file (which never carries credentials): polling would only time out and look unreachable.
    const missing = missingSecrets(r.config, secret).filter((f) => f !== 'community');
    if (missing.length) throw new PollError('secrets', describeMissing(missing));
    return source.open({ device: r.config, secret }, { clock: this.deps.clock, log: this.deps.log });
  }

  private applyResult(r: DeviceRuntime, result: PollResult, now: number): void {
    if (r.config.family === 'auto' && result.family !== r.config.detectedFamily) {
      this.deps.registry.setDetectedFamily(r.config.id, result.family);
      r.config = { ...r.config, detectedFamily: result.family };
    }
    r.family = result.family;
    if (r.uptimeSeconds !== null && result.uptimeSeconds !== null && result.uptimeSeconds + 60 < r.uptimeSeconds) {
      this.record(
        r,
        now,
        'warning',
        'device',
        `${r.config.name} restarted (uptime went from ${Math.round(r.uptimeSeconds)} s to ${Math.round(result.uptimeSeconds)} s)`,
        msg('device.restarted', {
          device: r.config.name,
          before: { value: Math.round(r.uptimeSeconds), unit: 'seconds' },
          after: { value: Math.round(result.uptimeSeconds), unit: 'seconds' },
        }),
      );
    }
    r.uptimeSeconds = result.uptimeSeconds;
    const checks = this.deps.alerts.evaluate(this.alertDevice(r), result, now);
    const state = worstState(checks.map((c) => c.state));
    r.snapshot = {
      at: now,
      family: result.family,
      identity: result.identity,
      metrics: result.metrics,
      tables: result.tables,
      state,
      problems: result.problems,
    };
    this.setState(r, checks, now);
  }

  private applyFailure(r: DeviceRuntime, message: string, now: number): void {
    const state = kindDefinition(r.config.kind).downState ?? 'unknown';
    this.setState(r, this.deps.alerts.unreachable(this.alertDevice(r), message, now, state), now);
  }

  private setState(r: DeviceRuntime, checks: CheckState[], now: number): void {
    const state = worstState(checks.map((c) => c.state));
    const bad = checks.filter((c) => c.state !== 'ok');
    const message = tileEnglish(bad);
    const previous = r.recordedState;
    r.checks = checks;
    r.state = state;
    r.message = message;
    r.messageText = tileText(bad);
    // The engine decides what is notified (and re-notified) even when the recorded state stays the same.
    const outcome = this.deps.alerts.settle(this.alertDevice(r), previous, state, now);
    if (previous === state) return;
    this.deps.events.recordState(r.config.id, now, state);
    r.recordedState = state;
    r.weather = null;
    if (previous === null && state === 'ok') return; // a device's first OK is not news
    this.record(r, now, SEVERITY_OF[state], 'state', outcome.message, outcome.text);
  }

  private record(r: DeviceRuntime, at: number, severity: EventRecord['severity'], kind: EventRecord['kind'], message: string, text: Message): void {
    const event = this.deps.events.append({ at, deviceId: r.config.id, deviceName: r.config.name, severity, kind, message, text });
    this.deps.sink.emit('events:appended', event);
  }

  private ingest(r: DeviceRuntime, result: PollResult | null, now: number): void {
    try {
      this.deps.store.ingest(now, pollSamples(r.config.id, result));
    } catch (error) {
      this.deps.log.error('metric store write failed', { device: r.config.name, error: (error as Error).message });
    }
  }

  private summarize(r: DeviceRuntime): DeviceSummary {
    const descriptor = this.deps.catalog.descriptor(r.family);
    return {
      id: r.config.id,
      name: r.config.name,
      kind: r.config.kind,
      family: r.family,
      group: descriptor?.group ?? kindDefinition(r.config.kind).group,
      host: r.config.host,
      enabled: r.config.enabled,
      intervalSeconds: r.config.intervalSeconds,
      state: r.state,
      message: r.message,
      ...(r.messageText ? { messageText: r.messageText } : {}),
      credentialMissing: r.checks.some((c) => c.id === CREDENTIAL_CHECK_ID),
      keyFigure: keyFigure(descriptor?.tile ?? null, r.snapshot),
      keyFigureAt: r.snapshot?.at ?? null,
      lastPollAt: r.lastPollAt,
      uptimeSeconds: r.uptimeSeconds,
      weather: this.weather(r),
    };
  }

  private weather(r: DeviceRuntime): DeviceSummary['weather'] {
    const now = this.deps.clock.now();
    if (!r.weather || now - r.weather.at >= WEATHER_REFRESH_MS) {
      r.weather = { at: now, value: this.deps.events.weather(r.config.id, now) };
    }
    return r.weather.value;
  }
}
