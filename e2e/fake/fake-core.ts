import type { Handlers, ParsedReq, Res } from '../../src/shared/contract/api';
import { CALL_CHANNELS, type CallName, type EventName } from '../../src/shared/contract/channels';
import type { DeviceSummary } from '../../src/shared/contract/devices';
import { createDispatcher, type Dispatch } from '../../src/shared/contract/dispatch';
import { VigieError } from '../../src/shared/contract/envelope';
import type { EventRecord } from '../../src/shared/contract/events';
import type { AppInfo, UiSettings } from '../../src/shared/contract/settings';
import { FAMILY_DESCRIPTORS } from '../../src/shared/families/index';
import { fakeQuery } from './fake-metrics';
import { makeDevice, type FakeDevice } from './fake-devices';
import { HOSTILE } from './random';
import { futureFamily } from './future-family';
import { scriptedTest } from './scripted-test';
import { fakeReports } from './fake-reports';
import { fakeMail } from './fake-mail';
import { fakeAlerting } from './fake-alerting';

export interface FakeOptions {
  /** Extra devices beyond one per family, cycling through the families (the 2,000-tile test). */
  extraDevices?: number;
  rowsPerTable?: number;
  /** Rows of named tables wherever a device has them, overriding rowsPerTable: `{ vms: 5000 }` (a 5,000-VM vCenter). */
  tableRows?: Readonly<Record<string, number>>;
  notices?: string[];
  mode?: 'desktop' | 'web';
  language?: UiSettings['language'];
  theme?: UiSettings['theme'];
  /** Time between two progress events of a fake report run (long enough to press Cancel in a test). */
  reportStepMs?: number;
}

/** Handlers that answer at once; wrapped into the promise-returning shape the dispatcher takes. */
type SyncHandlers = { [K in CallName]: (request: ParsedReq<K>) => Res<K> };

function asHandlers(sync: SyncHandlers): Handlers {
  const out: Partial<Record<CallName, (r: never) => Promise<unknown>>> = {};
  for (const c of CALL_CHANNELS) {
    const fn = sync[c] as (r: unknown) => unknown;
    out[c] = (r: unknown) => Promise.resolve().then(() => fn(r));
  }
  return out as Handlers;
}

/**
 * An in-memory Vigie core for developing and regression-testing the renderer without a server: realistic
 * devices for every registered family, metrics, events, and every call of the contract, run through the
 * real dispatcher so that requests the renderer sends and answers it gets are checked against the schemas.
 */
export class FakeCore {
  readonly devices = new Map<string, FakeDevice>();
  readonly events: EventRecord[] = [];
  readonly dispatch: Dispatch;
  /** Channels called, in order: tests assert on what the UI asked for. */
  readonly calls: { channel: string; payload: unknown }[] = [];
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();
  private settings: UiSettings;
  private readonly info: AppInfo;
  private nextEventId = 1;
  private nextDeviceId = 1;
  private readonly reportStepMs: number;
  readonly now = Date.now();

  constructor(options: FakeOptions = {}) {
    this.reportStepMs = options.reportStepMs ?? 120;
    this.settings = {
      language: options.language ?? 'en',
      theme: options.theme ?? 'light',
      metricsTokenSet: false,
    };
    this.info = {
      name: 'Vigie',
      version: '0.1.0-fake',
      mode: options.mode ?? 'desktop',
      startedAt: this.now - 3 * 3_600_000 - 125_000,
      secrets: { backend: 'file', available: true, message: null },
      notices: options.notices ?? [],
    };
    const rows = options.rowsPerTable ?? 60;
    const families = [...FAMILY_DESCRIPTORS];
    families.forEach((d, i) => {
      const id = d.id === 'this-computer' ? 'this-computer' : `${d.id}-1`;
      const name = d.id === 'this-computer' ? 'This computer' : `${d.name.en} ${i + 1}`;
      this.devices.set(
        id,
        makeDevice({
          id,
          name,
          descriptor: d,
          index: i,
          now: this.now,
          rows,
          ...(options.tableRows && { tableRows: options.tableRows }),
          state: d.id === 'this-computer' ? 'ok' : undefined,
        }),
      );
    });
    const hostile = makeDevice({
      id: 'hostile',
      name: HOSTILE,
      descriptor: families[families.length - 1] ?? futureFamily,
      index: 4,
      now: this.now,
      rows,
    });
    hostile.summary.message = `Agent said: ${HOSTILE}`;
    this.devices.set('hostile', hostile);
    const future = makeDevice({
      id: 'future-1',
      name: 'Appliance from a newer core',
      descriptor: futureFamily,
      index: 1,
      now: this.now,
      rows: 8,
    });
    future.summary.group = 'appliances';
    this.devices.set('future-1', future);
    for (let i = 0; i < (options.extraDevices ?? 0); i++) {
      const d = families[i % families.length] ?? futureFamily;
      const id = `bulk-${i}`;
      this.devices.set(
        id,
        makeDevice({
          id,
          name: `${d.id}-${String(i).padStart(4, '0')}`,
          descriptor: d,
          index: i,
          now: this.now,
          rows: 5,
        }),
      );
    }
    for (let i = 0; i < 60; i++) this.addEvent(i);
    this.dispatch = createDispatcher(asHandlers(this.handlers()), { validateResponses: true });
  }

  /** The dispatcher, recording each call first. */
  invoke(channel: string, payload: unknown): ReturnType<Dispatch> {
    this.calls.push({ channel, payload });
    return this.dispatch(channel, payload);
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EventName, payload: unknown): void {
    for (const l of this.listeners) l(event, payload);
  }

  /** A poll landed: the tile's figure moves, and the page's charts and detail follow. */
  tick(id: string, value: number): DeviceSummary {
    const d = this.devices.get(id);
    if (!d) throw new Error(`no fake device ${id}`);
    d.summary = {
      ...d.summary,
      lastPollAt: Date.now(),
      keyFigureAt: Date.now(),
      keyFigure: d.summary.keyFigure
        ? { ...d.summary.keyFigure, value, text: null }
        : { value, text: null, unit: 'percent' },
    };
    this.emit('devices:changed', d.summary);
    return d.summary;
  }

  appendEvent(event: Omit<EventRecord, 'id'>): EventRecord {
    const e = { ...event, id: this.nextEventId++ };
    this.events.unshift(e);
    this.emit('events:appended', e);
    return e;
  }

  private addEvent(i: number): void {
    const list = [...this.devices.values()];
    const d = list[i % list.length];
    const sev = (['info', 'ok', 'warning', 'critical', 'unknown'] as const)[i % 5] ?? 'info';
    this.events.unshift({
      id: this.nextEventId++,
      at: this.now - (60 - i) * 97_000,
      deviceId: d?.summary.id ?? null,
      deviceName: d?.summary.name ?? null,
      severity: sev,
      kind: i % 9 === 0 ? 'trap' : 'state',
      message:
        i === 55
          ? `linkDown trap from ${HOSTILE}`
          : `${d?.summary.name ?? 'console'} changed to ${sev.toUpperCase()}`,
    });
  }

  private get(id: string): FakeDevice {
    const d = this.devices.get(id);
    if (!d) throw new VigieError('not_found', `No device ${id}`);
    return d;
  }

  private handlers(): SyncHandlers {
    return {
      'app:info': () => this.info,
      'settings:get': () => this.settings,
      'settings:update': (u) => {
        const { metricsToken, ...rest } = u;
        this.settings = {
          ...this.settings,
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(metricsToken !== undefined && { metricsTokenSet: metricsToken !== null }),
        };
        return this.settings;
      },
      'devices:list': () => [...this.devices.values()].map((d) => d.summary),
      'devices:get': ({ id }) => {
        const d = this.get(id);
        return {
          summary: d.summary,
          config: d.config,
          snapshot: d.snapshot,
          checks: d.checks,
          series: d.series,
          uptime: d.uptime,
        };
      },
      'devices:add': (input) => {
        const descriptor =
          FAMILY_DESCRIPTORS.find((f) => f.id === input.family) ??
          FAMILY_DESCRIPTORS.find((f) => f.kind === input.kind) ??
          futureFamily;
        const id = `added-${this.nextDeviceId++}`;
        const d = makeDevice({ id, name: input.name, descriptor, index: 0, now: Date.now(), state: 'ok' });
        d.summary.host = input.host;
        d.config = {
          ...d.config,
          ...input,
          id,
          hasSecret: input.secret !== undefined,
          createdAt: Date.now(),
          detectedFamily: descriptor.id,
        };
        delete (d.config as { secret?: unknown }).secret;
        this.devices.set(id, d);
        this.emit('devices:changed', d.summary);
        return d.summary;
      },
      'devices:update': ({ id, device }) => {
        const d = this.get(id);
        const { secret, ...rest } = device;
        d.config = { ...d.config, ...rest, hasSecret: d.config.hasSecret || secret !== undefined };
        d.summary = { ...d.summary, name: device.name, host: device.host };
        this.emit('devices:changed', d.summary);
        return d.summary;
      },
      'devices:remove': ({ id }) => {
        const removed = this.devices.delete(id);
        if (removed) this.emit('devices:removed', { id });
        return { removed };
      },
      'devices:test': ({ device }) => scriptedTest(device),
      'devices:poll': ({ id }) => {
        const d = this.get(id);
        d.summary = { ...d.summary, lastPollAt: Date.now() };
        this.emit('devices:changed', d.summary);
        return d.summary;
      },
      'devices:import': ({ text, dryRun }) => {
        const lines = text.split('\n').filter((l) => l.trim());
        const rejected = lines
          .slice(1)
          .map((l, i) => ({
            line: i + 2,
            name: l.split(',')[0] ?? '',
            reason: l.includes('bad') ? 'host: not a valid host name or IP address' : '',
          }))
          .filter((r) => r.reason);
        const addedRows = dryRun
          ? []
          : lines
              .slice(1)
              .map((l, i) => ({ line: i + 2, name: l.split(',')[0] ?? '' }))
              .filter((r) => !rejected.some((x) => x.line === r.line));
        return { added: addedRows.length, addedRows, rejected, missingCredential: [] };
      },
      'devices:export': ({ format }) => ({
        text:
          format === 'json' ? JSON.stringify([...this.devices.values()].map((d) => d.config)) : 'name,host\n',
        filename: `vigie-devices.${format}`,
      }),
      'metrics:query': (q) => {
        const units = new Map(
          [...this.devices.values()].flatMap((d) => d.series.map((s) => [s.key, s.unit] as const)),
        );
        return fakeQuery(q, (k) => units.get(k) ?? '', Date.now());
      },
      'events:list': (q) =>
        this.events
          .filter(
            (e) => (q.before === undefined || e.id < q.before) && (!q.deviceId || e.deviceId === q.deviceId),
          )
          .filter((e) => !q.severity?.length || q.severity.includes(e.severity))
          .filter((e) => !q.kind?.length || q.kind.includes(e.kind))
          .filter((e) => (q.from === undefined || e.at >= q.from) && (q.to === undefined || e.at <= q.to))
          .filter((e) => !q.text || e.message.toLowerCase().includes(q.text.toLowerCase()))
          .slice(0, q.limit),
      ...fakeReports(
        (p) => this.emit('reports:progress', p),
        (id) => this.devices.get(id)?.summary.name ?? id,
        this.reportStepMs,
      ),
      ...fakeMail(),
      ...fakeAlerting({
        devices: () => [...this.devices.values()],
        query: (series, from, to) => {
          const units = new Map([...this.devices.values()].flatMap((d) => d.series.map((s) => [s.key, s.unit] as const)));
          return fakeQuery({ series, from, to, maxPoints: 300 }, (k) => units.get(k) ?? '', Date.now());
        },
        changed: (active) => this.emit('alerts:changed', { active }),
      }),
    };
  }
}
