import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../shared/contract/dispatch';
import type { Handlers } from '../../shared/contract/api';
import type { AppInfo } from '../../shared/contract/settings';
import { createHandlers, METRICS_TOKEN_REF } from './api/handlers';
import { Catalog } from './families';
import { EventStore } from './events/event-store';
import { DeviceRegistry } from './inventory/device-registry';
import { Monitor } from './monitor/monitor';
import { Scheduler } from './monitor/scheduler';
import type { FamilyModule, Source } from './pollers/source';
import type { Clock, EventSink, Logger, Notifier, Paths, SecretStore } from './ports';
import { prometheusText } from './prometheus';
import type { SettingsStore } from './settings/settings-store';
import { openMetricStore } from './store/sqlite-metric-store';

export interface CoreOptions {
  paths: Paths;
  settings: SettingsStore;
  secrets: SecretStore;
  clock: Clock;
  sink: EventSink;
  notifier: Notifier;
  log: Logger;
  mode: AppInfo['mode'];
  version: string;
  families: readonly FamilyModule[];
  sources: Partial<Record<Source['kind'], Source>>;
  /** Extra notices for the user (e.g. from the host's own start-up). */
  notices?: string[];
  /** Check every response against the contract (tests). */
  validateResponses?: boolean;
  /** How many polls may run at once across all devices. */
  concurrency?: number;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  metricsText(): string;
  metricsTokenMatches(token: string): Promise<boolean>;
  info(): Promise<AppInfo>;
  /** Starts polling (the local device is added on the very first start). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const MAINTENANCE_EVERY_MS = 60_000;

/**
 * The composition root of everything that is not Electron: given the host's ports (settings, secrets, clock,
 * event sink, notifier, log), builds the store, the event log, the inventory, the monitor and the handlers.
 * The Electron shell and the headless server each call it with their own adapters.
 */
export function createCore(options: CoreOptions): Core {
  const { paths, settings, secrets, clock, sink, notifier, log } = options;
  mkdirSync(paths.dataDir, { recursive: true });
  const store = openMetricStore(join(paths.dataDir, 'metrics.db'));
  const events = new EventStore(join(paths.dataDir, 'events.db'));
  const catalog = new Catalog(options.families, options.sources);
  const registry = new DeviceRegistry(settings, secrets, clock);
  const scheduler = new Scheduler({
    concurrency: options.concurrency ?? 64,
    onError: (id, error) => log.error('scheduled poll failed', { device: id, error: String(error) }),
  });
  const monitor = new Monitor({ registry, catalog, store, events, sink, notifier, clock, log, scheduler });
  const startedAt = clock.now();
  const notices = [...settings.notices, ...(options.notices ?? [])];

  const info = async (): Promise<AppInfo> => {
    const status = await secrets.status();
    return {
      name: 'Vigie',
      version: options.version,
      mode: options.mode,
      startedAt,
      secrets: { backend: secrets.backend, available: status.available, message: status.message },
      notices,
    };
  };

  const handlers = createHandlers({ registry, monitor, store, events, settings, secrets, catalog, clock, log, info });
  const dispatch = createDispatcher(handlers, {
    validateResponses: options.validateResponses ?? false,
    onUnexpectedError: (channel, error) => log.error('call failed', { channel, error: String((error as Error)?.stack ?? error) }),
  });

  let maintenance: NodeJS.Timeout | null = null;
  const maintain = (): void => {
    try {
      store.maintain(clock.now());
      events.prune(clock.now());
    } catch (error) {
      log.error('store maintenance failed', { error: (error as Error).message });
    }
  };

  return {
    handlers,
    dispatch,
    info,
    metricsText: () => prometheusText(store.latest(), monitor.list()),
    async metricsTokenMatches(token) {
      if (!settings.get().metricsTokenSet) return false;
      const expected = await secrets.get(METRICS_TOKEN_REF).catch(() => null);
      if (!expected) return false;
      const a = Buffer.from(token);
      const b = Buffer.from(expected);
      return a.length === b.length && timingSafeEqual(a, b);
    },
    async start() {
      if (!settings.get().localDeviceSeeded) {
        if (!registry.list().some((d) => d.kind === 'local')) {
          await registry
            .add({
              name: 'This computer',
              kind: 'local',
              family: 'this-computer',
              host: 'localhost',
              port: null,
              intervalSeconds: 10,
              enabled: true,
              snmp: null,
              vsphere: null,
              http: null,
              watchedProcesses: [],
              parentId: null,
            })
            .catch((error: unknown) => log.error('could not add This computer', { error: String(error) }));
        }
        settings.update((s) => ({ ...s, localDeviceSeeded: true }));
      }
      monitor.start();
      maintenance = setInterval(maintain, MAINTENANCE_EVERY_MS);
      maintenance.unref();
      log.info('core started', { devices: registry.list().length, mode: options.mode });
    },
    async stop() {
      if (maintenance) clearInterval(maintenance);
      await monitor.stop();
      store.close();
      events.close();
    },
  };
}

