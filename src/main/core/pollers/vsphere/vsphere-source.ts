import type { TestResult } from '../../../../shared/contract/devices';
import { VimClient } from '../../vsphere/client';
import { TlsChangedError, TlsUntrustedError, VsphereError } from '../../vsphere/errors';
import { PerfManager } from '../../vsphere/perf';
import { retrieveFromContainer, retrieveObjects } from '../../vsphere/property-collector';
import { PropertyFollower } from '../../vsphere/updates';
import { text } from '../../vsphere/xml-parse';
import { PollError, type DevicePoller, type DeviceTarget, type PollResult, type Source, type SourceDeps } from '../source';
import { HostRateReader, type HostRates } from './host-rates';
import { readInventory } from './inventory';
import { LIVE_PROPERTIES } from './live-properties';
import { buildLiveResult, unknownAlarms, VSPHERE_FAMILY } from './live-result';

/** Bounds: a test answers within seconds; a poll's first full read of a large vCenter may take longer. */
const TEST_CALL_TIMEOUT_MS = 15_000;
const POLL_CALL_TIMEOUT_MS = 30_000;
const FIRST_SYNC_TIMEOUT_MS = 180_000;

export class VsphereConfigError extends VsphereError {}

function clientFor(target: DeviceTarget, timeoutMs: number): VimClient {
  const { device, secret } = target;
  if (!device.vsphere) throw new VsphereConfigError('internal', 'vSphere settings missing (user name)');
  if (!secret?.password) throw new VsphereConfigError('secrets', 'no password stored for this vCenter/ESXi host');
  return new VimClient({
    host: device.host,
    port: device.port,
    user: device.vsphere.user,
    password: secret.password,
    tlsFingerprint: device.vsphere.tlsFingerprint,
    timeoutMs,
  });
}

/** The caller's signal ended the work: its own timeout, or a cancellation. */
function abortMessage(error: unknown): string | null {
  if (!(error instanceof Error) && !(error instanceof DOMException)) return null;
  if (error.name === 'TimeoutError') return 'no answer within the time allowed';
  if (error.name === 'AbortError') return 'cancelled';
  return null;
}

function failure(error: unknown, started: number, now: number, seen: TestResult['certificate']): TestResult {
  const durationMs = Math.max(0, now - started);
  if (error instanceof TlsUntrustedError || error instanceof TlsChangedError) {
    return { ok: false, stage: error.stage, message: error.message, durationMs, detected: null, certificate: error.certificate };
  }
  if (error instanceof VsphereError) {
    return { ok: false, stage: error.stage, message: error.message, durationMs, detected: null, certificate: seen };
  }
  const aborted = abortMessage(error);
  if (aborted) return { ok: false, stage: 'timeout', message: aborted, durationMs, detected: null, certificate: seen };
  return { ok: false, stage: 'internal', message: error instanceof Error ? error.message : String(error), durationMs, detected: null, certificate: seen };
}

async function testConnection(target: DeviceTarget, deps: SourceDeps, signal: AbortSignal): Promise<TestResult> {
  const started = deps.clock.now();
  let client: VimClient | null = null;
  try {
    client = clientFor(target, TEST_CALL_TIMEOUT_MS);
    const opts = { signal };
    const sc = await client.serviceContent(opts);
    await client.login(opts);
    const objects = await retrieveFromContainer(
      client,
      [
        { type: 'Datacenter', paths: ['name'] },
        { type: 'ClusterComputeResource', paths: ['name'] },
        { type: 'HostSystem', paths: ['name'] },
        { type: 'VirtualMachine', paths: ['config.template', 'runtime.powerState'] },
        { type: 'Datastore', paths: ['name'] },
      ],
      opts,
    );
    const count = (type: string): number => objects.filter((o) => o.obj.type === type).length;
    const vms = objects.filter((o) => o.obj.type === 'VirtualMachine' && text(o.props.get('config.template')) !== 'true');
    const on = vms.filter((o) => text(o.props.get('runtime.powerState')) === 'poweredOn').length;
    const { about } = sc;
    const durationMs = Math.max(0, deps.clock.now() - started);
    if (count('Datacenter') === 0 && count('HostSystem') === 0) {
      return {
        ok: false,
        stage: 'permission',
        message: `logged in to ${about.fullName}, but the user sees no datacenter and no host: no permission on the inventory (or an empty vCenter)`,
        durationMs,
        detected: null,
        certificate: client.certificate,
      };
    }
    const identity = {
      product: about.fullName,
      version: about.version,
      build: about.build,
      apiType: about.apiType,
      datacenters: count('Datacenter'),
      clusters: count('ClusterComputeResource'),
      hosts: count('HostSystem'),
      vmsTotal: vms.length,
      vmsPoweredOn: on,
      datastores: count('Datastore'),
    };
    const kind = about.apiType === 'HostAgent' ? 'ESXi host' : 'vCenter';
    return {
      ok: true,
      stage: 'ok',
      message: `${about.fullName} (${kind}): ${identity.hosts} host(s), ${on}/${vms.length} VMs powered on, ${identity.datastores} datastore(s)`,
      durationMs,
      detected: { family: VSPHERE_FAMILY, identity },
      certificate: client.certificate,
    };
  } catch (error) {
    return failure(error, started, deps.clock.now(), client?.certificate ?? null);
  } finally {
    await client?.close();
  }
}

/**
 * A live vCenter/ESXi poller: one session kept between polls; the inventory read once, then followed with
 * WaitForUpdatesEx (maxWaitSeconds 0: take what changed since the last poll, do not wait); host device
 * rates from one batched realtime QueryPerf per poll. A failed performance query leaves the rates out of
 * that poll instead of failing it.
 */
class VspherePoller implements DevicePoller {
  private client: VimClient | null = null;
  private follower: PropertyFollower | null = null;
  private rates: HostRateReader | null = null;
  private readonly alarmNames = new Map<string, string>();

  constructor(
    private readonly target: DeviceTarget,
    private readonly deps: SourceDeps,
  ) {}

  async poll(signal: AbortSignal): Promise<PollResult> {
    try {
      return await this.pollOnce(signal);
    } catch (error) {
      if (error instanceof PollError) throw error;
      if (error instanceof VsphereError) throw new PollError(error.stage, error.message);
      const aborted = abortMessage(error);
      if (aborted) throw new PollError('timeout', aborted);
      throw new PollError('internal', error instanceof Error ? error.message : String(error));
    }
  }

  private async pollOnce(signal: AbortSignal): Promise<PollResult> {
    if (!this.client) {
      this.client = clientFor(this.target, POLL_CALL_TIMEOUT_MS);
      this.follower = new PropertyFollower(this.client, LIVE_PROPERTIES);
      this.rates = new HostRateReader(new PerfManager(this.client), () => this.deps.clock.now());
    }
    const client = this.client;
    const follower = this.follower as PropertyFollower;
    if (client.session === null) await client.login({ signal });
    const sc = await client.serviceContent({ signal });
    const first = follower.objects.size === 0;
    await follower.sync(0, { signal, timeoutMs: first ? FIRST_SYNC_TIMEOUT_MS : POLL_CALL_TIMEOUT_MS });
    const inventory = readInventory(follower.objects.values());

    let rates: HostRates | null = null;
    try {
      const connected = inventory.hosts.filter((h) => h.connectionState === 'connected');
      rates = await (this.rates as HostRateReader).read(connected, { signal });
    } catch (error) {
      if (signal.aborted) throw error;
      this.deps.log.warn('vSphere performance query failed', { host: this.target.device.host, error: (error as Error).message });
    }

    const missing = unknownAlarms(inventory, this.alarmNames);
    if (missing.length) {
      try {
        const found = await retrieveObjects(client, missing, ['info.name'], { signal });
        for (const o of found) this.alarmNames.set(o.obj.value, text(o.props.get('info.name')) || o.obj.value);
      } catch (error) {
        if (signal.aborted) throw error;
        this.deps.log.warn('vSphere alarm names unavailable', { error: (error as Error).message });
      }
      // Alarms the server cannot name keep their reference as name; do not ask again every poll.
      for (const a of missing) if (!this.alarmNames.has(a.value)) this.alarmNames.set(a.value, a.value);
    }
    return buildLiveResult({
      about: sc.about,
      inventory,
      rates,
      alarmNames: this.alarmNames,
      now: this.deps.clock.now(),
      vmHistory: this.target.device.vsphere?.vmHistory,
    });
  }

  async close(): Promise<void> {
    const { client, follower } = this;
    this.client = null;
    this.follower = null;
    await follower?.close().catch(() => undefined);
    await client?.close().catch(() => undefined);
  }
}

export const vsphereSource: Source = {
  kind: 'vsphere',
  test: testConnection,
  open: (target, deps) => new VspherePoller(target, deps),
};
