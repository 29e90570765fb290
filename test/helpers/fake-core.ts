import { timingSafeEqual } from 'node:crypto';
import type { EventPayload, Handlers } from '../../src/shared/contract/api';
import type { EventName } from '../../src/shared/contract/channels';
import type { DeviceSummary } from '../../src/shared/contract/devices';
import { createDispatcher } from '../../src/shared/contract/dispatch';
import { VigieError } from '../../src/shared/contract/envelope';
import type { AppInfo, UiSettings } from '../../src/shared/contract/settings';
import type { ServedCore } from '../../src/main/server/served-core';

export interface FakeCore extends ServedCore {
  /** Pushes an event as the real core would (a poll landing, a device added). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  readonly closed: boolean;
  listenerCount(): number;
}

export interface FakeCoreOptions {
  metricsToken?: string | null;
  secrets?: AppInfo['secrets'];
  metricsText?: string;
}

/**
 * A small core for the server tests: the real dispatcher (validation, envelopes) over in-memory handlers for
 * settings and the device list. Calls a server test does not need answer 'unavailable'.
 */
export function createFakeCore(options: FakeCoreOptions = {}): FakeCore {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const devices = new Map<string, DeviceSummary>();
  let token = options.metricsToken ?? null;
  let settings: Omit<UiSettings, 'metricsTokenSet'> = { language: 'system', theme: 'auto' };
  let closed = false;
  const startedAt = Date.now();
  const secrets = options.secrets ?? { backend: 'memory', available: true, message: null };

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const l of listeners) l(event, payload);
  };
  const info = (): Promise<AppInfo> =>
    Promise.resolve({ name: 'vigie', version: '0.0.0-test', mode: 'web', startedAt, secrets, notices: [] });
  const unavailable = (): Promise<never> =>
    Promise.reject(new VigieError('unavailable', 'Not part of the fake core'));

  const handlers: Handlers = {
    'app:info': info,
    'settings:get': () => Promise.resolve({ ...settings, metricsTokenSet: token !== null }),
    'settings:update': (req) => {
      settings = { language: req.language ?? settings.language, theme: req.theme ?? settings.theme };
      if (req.metricsToken !== undefined) token = req.metricsToken;
      return Promise.resolve({ ...settings, metricsTokenSet: token !== null });
    },
    'devices:list': () => Promise.resolve([...devices.values()]),
    'devices:get': () => Promise.reject(new VigieError('not_found', 'No such device')),
    'devices:add': (req) => {
      const summary: DeviceSummary = {
        id: `dev-${devices.size + 1}`,
        name: req.name,
        kind: req.kind,
        family: req.family,
        intervalSeconds: req.intervalSeconds ?? 60,
        group: 'Servers',
        host: req.host,
        enabled: req.enabled,
        state: 'unknown',
        message: null,
        keyFigure: null,
        lastPollAt: null,
        uptimeSeconds: null,
        weather: { ok: 0, warning: 0, critical: 0, unknown: 1 },
      };
      devices.set(summary.id, summary);
      emit('devices:changed', summary);
      return Promise.resolve(summary);
    },
    'devices:update': unavailable,
    'devices:remove': (req) => {
      const removed = devices.delete(req.id);
      if (removed) emit('devices:removed', { id: req.id });
      return Promise.resolve({ removed });
    },
    'devices:test': unavailable,
    'devices:poll': unavailable,
    'devices:import': unavailable,
    'devices:export': unavailable,
    'metrics:query': unavailable,
    'events:list': () => Promise.resolve([]),
    'reports:checks': unavailable,
    'reports:profiles': unavailable,
    'reports:save-profile': unavailable,
    'reports:remove-profile': unavailable,
    'reports:start': unavailable,
    'reports:cancel': unavailable,
    'reports:history': unavailable,
    'reports:get': unavailable,
    'reports:html': unavailable,
    'reports:export': unavailable,
    'mail:settings': unavailable,
    'mail:save': unavailable,
    'mail:test': unavailable,
    'mail:outbox': unavailable,
    'mail:retry': unavailable,
    'mail:discard': unavailable,
    'schedule:next': () => Promise.resolve([]),
    'alerts:rules': unavailable,
    'alerts:save-rule': unavailable,
    'alerts:remove-rule': unavailable,
    'alerts:save-override': unavailable,
    'alerts:remove-override': unavailable,
    'alerts:preview': unavailable,
    'alerts:active': unavailable,
    'alerts:ack': unavailable,
    'alerts:unack': unavailable,
    'alerts:silence': unavailable,
    'alerts:incidents': unavailable,
    'alerts:settings': unavailable,
    'alerts:save-settings': unavailable,
    'maintenance:list': unavailable,
    'maintenance:save': unavailable,
    'maintenance:remove': unavailable,
    'notifications:channels': unavailable,
    'notifications:save': unavailable,
    'notifications:test': unavailable,
  };

  return {
    dispatch: createDispatcher(handlers, { validateResponses: true }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    metrics: () => [
      options.metricsText ??
        [...devices.values()].map((d) => `vigie_device_up{device="${d.id}"} ${d.state === 'ok' ? 1 : 0}`).join('\n') + '\n',
    ],
    metricsTokenMatches(candidate) {
      if (token === null) return Promise.resolve(false);
      const a = Buffer.from(candidate);
      const b = Buffer.from(token);
      return Promise.resolve(a.length === b.length && timingSafeEqual(a, b));
    },
    info,
    close() {
      closed = true;
      listeners.clear();
      return Promise.resolve();
    },
    emit,
    get closed() {
      return closed;
    },
    listenerCount: () => listeners.size,
  };
}
