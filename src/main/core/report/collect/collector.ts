import type { ReportScope, ReportStep } from '../../../../shared/contract/report';
import type { VimClient } from '../../vsphere/client';
import { VsphereTimeoutError, VsphereUnsupportedError } from '../../vsphere/errors';
import { retrieveFromContainer, retrieveObjects } from '../../vsphere/property-collector';
import { refKey } from '../../vsphere/xml-parse';
import type { MoRef } from '../../vsphere/xml-build';
import { CALLS } from '../calls';
import { scopeFilter } from '../scope';
import { emptySnapshot, type CallFailure, type InventorySnapshot } from '../snapshot';
import { readAlarmContext } from './alarms';
import { ApplianceClient, type ApplianceTarget } from './appliance';
import { eventCategories, readWindow } from './events';
import { hostSkews } from './host-clocks';
import { parseInventory, snapshotSizes } from './inventory';
import { readLicenses } from './licenses';
import { cpuStatsOf, vmCounterStats } from './perf';
import type { CollectPlan } from './plan';
import { creatorsFromTaskEvents, type SnapshotTaskEvent } from './snapshot-task-events';
import { snapshotCreators } from './task-history';
import { vmkernelTails } from './vmkernel-log';

export interface CollectTimeouts {
  /** Bound on each SOAP call (login, one property page, one event page, one QueryPerf batch…). */
  callMs: number;
  /** Bound on the whole inventory read. */
  inventoryMs: number;
  /** Bound on each extra step (events, perf, tasks, clocks, logs, appliance API), all its calls included. */
  stepMs: number;
  /** How long an expected NTP server has to answer the console's probe. */
  ntpProbeMs: number;
}

export const DEFAULT_TIMEOUTS: CollectTimeouts = { callMs: 60_000, inventoryMs: 300_000, stepMs: 180_000, ntpProbeMs: 5000 };

export interface CollectOptions {
  plan: CollectPlan;
  scope: ReportScope;
  now: number;
  signal?: AbortSignal;
  timeouts: CollectTimeouts;
  /** Bound on events read per window (the report stays bounded whatever the server holds). */
  maxEvents?: number;
  onStep?: (step: ReportStep, state: 'running' | 'done' | 'failed', fraction: number, message: string | null) => void;
}

export interface Collected {
  snapshot: InventorySnapshot;
  timings: Record<string, number>;
}

const refOf = (key: string): MoRef => {
  const i = key.indexOf(':');
  return { type: key.slice(0, i), value: key.slice(i + 1) };
};

function failure(error: unknown): CallFailure {
  if (error instanceof VsphereUnsupportedError) return { kind: 'unsupported', message: error.message };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** A signal for one step: the run's cancellation plus the step's own bound. */
function stepSignal(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const t = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, t]) : t;
}

/**
 * Reads one vCenter for the enabled checks: login, one PropertyCollector pass (only the plan's properties),
 * the scope filter, one event read per window, batched performance, then the extra calls some checks need.
 * Login and the inventory are fatal (thrown); any later step that fails is recorded under its call name
 * in `failures`, so only the checks that need it say error or unsupported. Cancellation is always thrown.
 */
export async function collectSnapshot(client: VimClient, target: ApplianceTarget, o: CollectOptions): Promise<Collected> {
  const timings: Record<string, number> = {};
  const step = o.onStep ?? (() => undefined);
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = Math.round(performance.now() - t0);
    }
  };
  const call = { timeoutMs: o.timeouts.callMs };

  step('connect', 'running', 0, null);
  const sc = await timed('connect', async () => {
    const content = await client.serviceContent({ ...call, signal: o.signal });
    await client.login({ ...call, signal: o.signal });
    return content;
  });
  step('connect', 'done', 1, null);
  const snap = emptySnapshot(o.now, { name: sc.about.fullName || sc.about.name, version: sc.about.version, build: sc.about.build, apiType: sc.about.apiType });

  step('inventory', 'running', 0, null);
  const scope = scopeFilter(o.scope);
  const inventorySignal = stepSignal(o.signal, o.timeouts.inventoryMs);
  const objects = await timed('inventory', () =>
    retrieveFromContainer(client, o.plan.properties, { ...call, signal: inventorySignal, pageSize: 1000 }).catch((error: unknown) => {
      if (inventorySignal.aborted && !o.signal?.aborted) {
        throw new VsphereTimeoutError(`the inventory was not read within ${o.timeouts.inventoryMs / 1000} s`, o.timeouts.inventoryMs);
      }
      throw error;
    }),
  );
  const all = await timed('inventoryParse', () => Promise.resolve(parseInventory(objects)));
  const kept = scope.inventory(all);
  Object.assign(snap, kept);
  // Snapshot sizes need layoutEx, a long list of files per VM: read it only for the VMs with snapshots.
  const withSnapshots = snap.vms.filter((v) => v.snapshots.length > 0);
  if (withSnapshots.length > 0) {
    await timed('snapshotLayouts', async () => {
      const layouts = await retrieveObjects(client, withSnapshots.map((v) => refOf(v.ref)), ['layoutEx.snapshot', 'layoutEx.file'], {
        ...call,
        signal: stepSignal(o.signal, o.timeouts.stepMs),
      }).catch((error: unknown) => {
        if (o.signal?.aborted) throw error;
        snap.notes.set('snapshots-old', `snapshot sizes unknown: ${failure(error).message}`);
        return [];
      });
      const byRef = new Map(withSnapshots.map((v) => [v.ref, v]));
      for (const l of layouts) {
        const v = byRef.get(refKey(l.obj));
        if (!v || !l.props.has('layoutEx.snapshot')) continue;
        const sizes = snapshotSizes(l.props.get('layoutEx.snapshot'), l.props.get('layoutEx.file'));
        for (const s of v.snapshots) s.sizeBytes = sizes.get(s.ref) ?? null;
      }
    });
  }
  step('inventory', 'done', 1, `${kept.hosts.length} hosts, ${kept.vms.length} VMs`);

  /** Runs an optional step; its failure is recorded under `callName` (cancellation is thrown). */
  const optional = async (callName: string, name: string, run: (signal: AbortSignal) => Promise<void>): Promise<void> => {
    const signal = stepSignal(o.signal, o.timeouts.stepMs);
    try {
      await timed(name, () => run(signal));
    } catch (error) {
      if (o.signal?.aborted) throw error;
      const f = failure(signal.aborted && !(error instanceof VsphereUnsupportedError) ? new Error(`${callName}: no answer within ${o.timeouts.stepMs / 1000} s`) : error);
      snap.failures.set(callName, f);
    }
  };
  const connectedHosts = snap.hosts.filter((h) => h.connectionState === 'connected').map((h) => ({ ref: h.ref, moRef: refOf(h.ref) }));

  // Events, performance and the extra calls are independent: run together, the slowest sets the pace.
  const extras: Promise<void>[] = [];
  const snapshotTasks: SnapshotTaskEvent[] = [];
  extras.push(
    (async () => {
      step('events', 'running', 0, null);
      if (o.plan.typedEvents || o.plan.allEvents) {
        await optional(CALLS.events, 'events', async (signal) => {
          const categories = o.plan.allEvents ? await eventCategories(client, { ...call, signal }).catch(() => new Map<string, string>()) : new Map<string, string>();
          const maxEvents = o.maxEvents ?? 50_000;
          const seen = new Set<number>();
          const reads = [
            o.plan.typedEvents && { types: o.plan.typedEvents.types, days: o.plan.typedEvents.days },
            o.plan.allEvents && { types: null, days: o.plan.allEvents.days },
          ].filter((r): r is { types: string[] | null; days: number } => !!r);
          const events = [];
          for (const r of reads) {
            const read = await readWindow(client, { ...r, now: o.now, maxEvents, categories, ...call, signal });
            snapshotTasks.push(...read.snapshotTasks);
            for (const e of read.events) {
              if (seen.has(e.key)) continue;
              seen.add(e.key);
              events.push(e);
            }
            if (read.truncated) snap.notes.set('events', `the server returned ${read.events.length} events over ${r.days} days and may hold more: the oldest may be missing`);
          }
          snap.events = scope.events(events, kept, all).sort((a, b) => a.time.getTime() - b.time.getTime() || a.key - b.key);
        });
      }
      step('events', snap.failures.has(CALLS.events) ? 'failed' : 'done', 1, snap.failures.get(CALLS.events)?.message ?? null);
    })(),
  );
  extras.push(
    (async () => {
      step('performance', 'running', 0, null);
      const perfPlan = o.plan.perf;
      if (perfPlan) {
        await optional(CALLS.perf, 'performance', async (signal) => {
          const vms = snap.vms.filter((v) => !v.template && v.powerState === 'poweredOn').map((v) => refOf(v.ref));
          const stats = await vmCounterStats(client, vms, perfPlan.counters, { days: perfPlan.days, now: o.now, ...call, signal });
          snap.vmCounters = stats.byCounter;
          snap.perfIntervalSeconds = stats.intervalSeconds;
          snap.perfDays = perfPlan.days;
          snap.vmCpu = cpuStatsOf(stats);
        });
      }
      step('performance', snap.failures.has(CALLS.perf) ? 'failed' : 'done', 1, snap.failures.get(CALLS.perf)?.message ?? null);
    })(),
  );
  if (o.plan.calls.has(CALLS.tasks)) {
    const withSnaps = snap.vms.flatMap((v) => v.snapshots);
    if (withSnaps.length > 0) {
      extras.push(
        optional(CALLS.tasks, 'tasks', async (signal) => {
          const times = withSnaps.map((s) => s.created.getTime());
          const creators = await snapshotCreators(client, {
            begin: new Date(Math.min(...times) - 60_000),
            end: new Date(Math.max(...times) + 60_000),
            maxTasks: 100_000,
            ...call,
            signal,
          });
          for (const s of withSnaps) s.creator = creators.get(s.ref) ?? null;
        }),
      );
    }
  }
  if (o.plan.calls.has(CALLS.hostClock)) {
    extras.push(
      optional(CALLS.hostClock, 'hostClocks', async (signal) => {
        const skews = await hostSkews(client, connectedHosts, { ...call, signal });
        for (const h of snap.hosts) h.skewSeconds = skews.get(h.ref) ?? null;
      }).then(() => {
        const f = snap.failures.get(CALLS.hostClock);
        if (f) snap.notes.set('ntp', `clock skew not measured: ${f.message}`);
      }),
    );
  }
  if (o.plan.calls.has(CALLS.vmkernelLog)) {
    extras.push(
      optional(CALLS.vmkernelLog, 'vmkernelLogs', async (signal) => {
        snap.vmkernel = await vmkernelTails(client, connectedHosts, { ...call, signal });
      }),
    );
  }
  if (o.plan.calls.has(CALLS.alarmNames)) {
    extras.push(
      optional(CALLS.alarmNames, 'alarms', async (signal) => {
        await readAlarmContext(client, snap, { ...call, signal });
      }).then(() => {
        const f = snap.failures.get(CALLS.alarmNames);
        if (f) snap.notes.set('alarms-triggered', `alarm names or the vCenter's own alarms could not be read: ${f.message}`);
      }),
    );
  }
  if (o.plan.calls.has(CALLS.licenses)) {
    extras.push(
      optional(CALLS.licenses, 'licenses', async (signal) => {
        snap.licenses = await readLicenses(client, { ...call, signal });
      }),
    );
  }
  const wantServices = o.plan.calls.has(CALLS.applianceServices);
  const wantHealth = o.plan.calls.has(CALLS.applianceHealth);
  if (wantServices || wantHealth) {
    extras.push(
      (async () => {
        const api = new ApplianceClient(target, o.timeouts.callMs);
        try {
          if (wantServices) await optional(CALLS.applianceServices, 'applianceServices', async (signal) => void (snap.services = await api.services(signal)));
          if (wantHealth) await optional(CALLS.applianceHealth, 'applianceHealth', async (signal) => void (snap.health = await api.health(signal)));
        } finally {
          await api.close();
        }
      })(),
    );
  }
  await Promise.all(extras);
  // Where no task answered (the simulator, or tasks already purged), the creation TaskEvent says who.
  const wantsTaskEvents = o.plan.typedEvents?.types.includes('TaskEvent') ?? false;
  if (wantsTaskEvents) creatorsFromTaskEvents(snap.vms, snapshotTasks);
  const taskFailure = snap.failures.get(CALLS.tasks);
  const allSnaps = snap.vms.flatMap((v) => v.snapshots);
  const unknown = allSnaps.filter((s) => s.creator === null).length;
  if (o.plan.calls.has(CALLS.tasks) && taskFailure && unknown > 0) {
    const eventFailure = snap.failures.get(CALLS.events);
    const fromEvents = eventFailure ? `events: ${eventFailure.message}` : 'no matching snapshot-creation event';
    const why = [taskFailure.message, wantsTaskEvents ? fromEvents : null].filter(Boolean).join('; ');
    const had = snap.notes.get('snapshots-old');
    // Counted over every snapshot read, recent ones too: the collector does not know the check's threshold.
    snap.notes.set('snapshots-old', [had, `creator unknown for ${unknown} of ${allSnaps.length} snapshots: ${why}`].filter(Boolean).join('; '));
  }
  return { snapshot: snap, timings };
}
