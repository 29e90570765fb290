import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/create-core';
import { DEFAULT_FAMILIES, DEFAULT_SOURCES } from '../../../src/main/core/default-catalog';
import { silentLogger } from '../../../src/main/core/log/file-logger';
import { systemClock } from '../../../src/main/core/ports';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';
import { ConfSettingsStore } from '../../../src/main/core/settings/conf-settings-store';
import { registerIpcHandlers } from '../../../src/main/ipc/register-handlers';
import { EventHub } from '../../../src/main/server/event-hub';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { createPreloadBridge } from '../../../src/preload/bridge';
import { CALL_CHANNELS, type CallName } from '../../../src/shared/contract/channels';
import { createClient, type Transport, type VigieClient } from '../../../src/shared/contract/client';
import type { DeviceInput, DeviceSummary } from '../../../src/shared/contract/devices';
import { VigieError } from '../../../src/shared/contract/envelope';
import { createWebTransport, type SocketLike } from '../../../src/shared/contract/web-transport';
import { FakeElectronIpc } from '../../helpers/fake-electron-ipc';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';
import { postForm, sessionCookieOf } from '../server/http-request';

/** Set when the web transport opens its WebSocket (lazily, on the first subscription). */
let socketOpen: Promise<void> | null = null;
const webSocketOpen = (): Promise<void> => socketOpen ?? Promise.reject(new Error('the web transport opened no WebSocket'));

/**
 * The contract test: every channel over the Electron bridge (the real preload bridge and handler
 * registration over an in-memory IPC) and over the web bridge (the real server and web transport), against
 * one real core. Same requests must give the same results, and the same invalid input the same error.
 */
let root: string;
let core: Core;
let server: RunningServer;
let ipc: FakeElectronIpc;
let transports: { name: string; transport: Transport; client: VigieClient }[] = [];
const hub = new EventHub();

const device = (name: string): DeviceInput => ({
  name,
  kind: 'snmp',
  host: '192.0.2.20',
  snmp: { version: '2c' },
  enabled: false,
  secret: { community: 'contract-secret' },
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vigie-contract-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const settings = new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', projectName: 'vigie' }));
  ipc = new FakeElectronIpc();
  const sink = {
    emit: (event: Parameters<EventHub['emit']>[0], payload: unknown) => {
      hub.emit(event, payload as never);
      ipc.send(event, payload);
    },
  };
  core = createCore({
    paths: { dataDir },
    settings,
    secrets: new MemorySecretStore(),
    clock: systemClock,
    sink,
    notifier: { notify: () => undefined },
    log: silentLogger,
    mode: 'web',
    version: '0.0.0-contract',
    families: DEFAULT_FAMILIES,
    sources: DEFAULT_SOURCES,
    validateResponses: true,
  });
  // Not started: no polling, so that reads are stable between the two bridges.
  const appUrl = ipc.frameUrl;
  registerIpcHandlers(ipc.ipcMain, core.dispatch, (frame) => (frame as { url: string }).url === appUrl);

  const staticDir = join(root, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Vigie</title>');
  server = await startServer(
    {
      dispatch: core.dispatch,
      subscribe: (l) => hub.subscribe(l),
      metrics: () => core.metrics(),
      metricsTokenMatches: (t) => core.metricsTokenMatches(t),
      info: () => core.info(),
      close: () => core.stop(),
    },
    { host: '127.0.0.1', port: 0, staticDir, dataDir, log: silentLogger },
  );
  const setup = await postForm(server.url, '/setup', { password: 'contract password 1', confirm: 'contract password 1' });
  const cookie = sessionCookieOf(setup);
  const origin = new URL(server.url).origin;
  const web = createWebTransport({
    baseUrl: origin,
    headers: { cookie, origin },
    openSocket: (url) => {
      const ws = new WebSocket(url, { headers: { cookie }, origin });
      socketOpen = new Promise((resolve) => ws.once('open', () => resolve()));
      return ws as unknown as SocketLike;
    },
  });
  const preload = createPreloadBridge(ipc.ipcRenderer);
  transports = [
    { name: 'ipc', transport: preload, client: createClient(preload) },
    { name: 'web', transport: web, client: createClient(web) },
  ];
});

afterAll(async () => {
  await sim?.stop();
  await server?.close();
  await core?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function both<K extends CallName>(channel: K, request: unknown): Promise<[unknown, unknown]> {
  const [a, b] = await Promise.all(transports.map((t) => t.transport.invoke(channel, request)));
  return [a, b];
}

/** durationMs and the like are measurements, not results. */
function stable(value: unknown): unknown {
  // A preview's range ends at the time of the call: each bridge's call has its own.
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'durationMs' || ((k === 'from' || k === 'to') && typeof v === 'number') ? 0 : v))) as unknown;
}

/**
 * A report needs a vCenter that answers (a run where no vCenter can be read produces no document): a small
 * simulator, started once, in a profile that get/html/export then read.
 */
const reportProfile = { name: 'contract', vcenters: [] as string[], language: 'en' as const };
let reportId = 'none';
let reportReady: Promise<void> | null = null;
let sim: Vcsim | null = null;
async function historyLength(): Promise<number> {
  return (await transports[0]!.client.call('reports:history', { profile: reportProfile.name })).length;
}
function ensureReport(): Promise<void> {
  reportReady ??= (async () => {
    const available = vcsimAvailable();
    if (!available.ok) throw new Error(`the vCenter simulator is needed for the reports:* channels: ${available.reason}`);
    sim = await startVcsim({ tls: true, cluster: 1, host: 1, vm: 2 });
    const client = transports[0]!.client;
    const vc = await client.call('devices:add', {
      name: 'report-vc',
      kind: 'vsphere',
      host: sim.host,
      port: sim.port,
      enabled: false,
      vsphere: { user: sim.user, tlsFingerprint: sim.fingerprint.toUpperCase() },
      secret: { password: sim.password },
    });
    reportProfile.vcenters = [vc.id];
    await client.call('reports:save-profile', { profile: reportProfile });
    await client.call('reports:start', { profile: reportProfile.name });
    await expect.poll(historyLength, { timeout: 120_000 }).toBeGreaterThan(0);
    reportId = (await client.call('reports:history', { profile: reportProfile.name }))[0]!.id;
  })();
  return reportReady;
}

describe('every channel over both bridges', () => {
  it('covers every channel of the contract', () => {
    expect(new Set(Object.keys(VALID))).toEqual(new Set(CALL_CHANNELS));
    expect(new Set(Object.keys(INVALID))).toEqual(new Set(CALL_CHANNELS));
  });

  // Calls that change state run once per bridge on their own device; reads run after and must agree.
  const VALID: Record<CallName, () => unknown> = {
    'app:info': () => ({}),
    'settings:get': () => ({}),
    'settings:update': () => ({ language: 'fr', theme: 'dark' }),
    'devices:list': () => ({}),
    'devices:get': () => ({ id: 'shared' }),
    'devices:add': () => device('added'),
    'devices:update': () => ({ id: 'shared', device: { ...device('shared'), intervalSeconds: 300 } }),
    'devices:remove': () => ({ id: 'nonexistent' }),
    // Nothing listens on UDP port 9 (discard) here: a deterministic failure both bridges must report alike.
    'devices:test': () => ({
      device: { ...device('probe'), host: '127.0.0.1', port: 9, snmp: { version: '2c', timeoutMs: 200, retries: 0 } },
    }),
    'devices:poll': () => ({ id: 'shared' }),
    'devices:import': () => ({ format: 'csv', text: 'name,host\nimported,10.0.0.1\nbad,not a host\n', dryRun: true }),
    'devices:export': () => ({ format: 'csv' }),
    'metrics:query': () => ({ series: ['shared|device.up|'], from: 1, to: Date.now() }),
    'events:list': () => ({ limit: 10 }),
    'reports:checks': () => ({}),
    'reports:profiles': () => ({}),
    'reports:save-profile': () => ({ profile: { ...reportProfile, language: 'fr' } }),
    'reports:remove-profile': () => ({ name: 'nonexistent' }),
    'reports:start': () => ({ profile: reportProfile.name }),
    'reports:cancel': () => ({ runId: 'no-such-run' }),
    'reports:history': () => ({ profile: reportProfile.name }),
    'reports:get': () => ({ id: reportId }),
    'reports:html': () => ({ id: reportId }),
    'reports:export': () => ({ id: reportId, format: 'csv' }),
    'mail:settings': () => ({}),
    'mail:save': () => ({
      host: '127.0.0.1',
      port: 9,
      security: 'none',
      username: null,
      from: 'vigie@example.com',
      replyTo: null,
      caFile: null,
      pinnedCertificate: null,
    }),
    // Nothing listens on TCP port 9 here: both bridges must report the same refused connection.
    'mail:test': () => ({ to: ['ops@example.com'] }),
    'mail:outbox': () => ({}),
    'mail:retry': () => ({ id: 'no-such-mail' }),
    'mail:discard': () => ({ id: 'no-such-mail' }),
    'schedule:next': () => ({}),
    'alerts:rules': () => ({ family: 'this-computer' }),
    'alerts:save-rule': () => ({
      rule: { id: 'custom-bridge', family: 'this-computer', label: 'Load', metric: 'cpu.load1', op: '>', warning: 50 },
    }),
    'alerts:remove-rule': () => ({ id: 'custom-none' }),
    'alerts:save-override': () => ({ override: { ruleId: 'cpu', family: 'this-computer', warning: 95 } }),
    'alerts:remove-override': () => ({ ruleId: 'cpu-none', family: 'this-computer', deviceId: null, instance: null }),
    'alerts:preview': () => ({
      deviceId: 'shared',
      rule: { id: 'custom-preview', family: '*', label: 'Up', metric: 'device.up', op: '<', critical: 1 },
    }),
    'alerts:active': () => ({}),
    'alerts:ack': () => ({ deviceId: 'nonexistent', checkId: null, comment: 'looking' }),
    'alerts:unack': () => ({ deviceId: 'nonexistent', checkId: null }),
    'alerts:silence': () => ({ deviceId: 'nonexistent', checkId: null, minutes: 5 }),
    'alerts:incidents': () => ({ open: true }),
    'alerts:settings': () => ({}),
    'alerts:save-settings': () => ({ referenceTargets: ['127.0.0.1'] }),
    'maintenance:list': () => ({}),
    'maintenance:save': () => ({
      window: { id: 'bridge', name: 'Patch night', groups: ['servers'], schedule: { type: 'weekly', days: [3], start: '22:00', durationMinutes: 120 } },
    }),
    'maintenance:remove': () => ({ id: 'nonexistent' }),
    'notifications:channels': () => ({}),
    'notifications:save': () => ({ channels: [{ id: 'browser', type: 'browser' }] }),
    'notifications:test': () => ({ channelId: 'browser' }),
  };

  const INVALID: Record<CallName, unknown> = {
    'app:info': { verbose: true },
    'settings:get': { x: 1 },
    'settings:update': { language: 'klingon' },
    'devices:list': { page: 2 },
    'devices:get': { id: '../etc/passwd' },
    'devices:add': { ...device('bad'), host: 'not a host!' },
    'devices:update': { id: 'shared' },
    'devices:remove': {},
    'devices:test': { device: { name: '', kind: 'snmp', host: 'x' } },
    'devices:poll': { id: 42 },
    'devices:import': { format: 'xml', text: '' },
    'devices:export': { format: 'pdf' },
    'metrics:query': { series: [], from: 10, to: 5 },
    'events:list': { limit: 100000 },
    'reports:checks': { x: 1 },
    'reports:profiles': { x: 1 },
    'reports:save-profile': { profile: { name: '', vcenters: [] } },
    'reports:remove-profile': {},
    'reports:start': { profile: '../etc' },
    'reports:cancel': {},
    'reports:history': { profile: 5 },
    'reports:get': { id: '../etc/passwd' },
    'reports:html': { id: 'a', language: 'de' },
    'reports:export': { id: 'a', format: 'docx' },
    'mail:settings': { x: 1 },
    'mail:save': { host: 'h', port: 0 },
    'mail:test': { to: ['not an address'] },
    'mail:outbox': { x: 1 },
    'mail:retry': { id: '../etc/passwd' },
    'mail:discard': {},
    'schedule:next': { x: 1 },
    'alerts:rules': { family: 5 },
    'alerts:save-rule': { rule: { id: 'Bad Id', metric: '' } },
    'alerts:remove-rule': {},
    'alerts:save-override': { override: { ruleId: '' } },
    'alerts:remove-override': { ruleId: 'x' },
    'alerts:preview': { deviceId: 'shared', rule: {}, hours: 1000 },
    'alerts:active': { x: 1 },
    'alerts:ack': { deviceId: 'shared', comment: '' },
    'alerts:unack': { deviceId: '../x' },
    'alerts:silence': { deviceId: 'shared', minutes: 0 },
    'alerts:incidents': { open: 'yes' },
    'alerts:settings': { x: 1 },
    'alerts:save-settings': { flapping: { windowMinutes: 1 } },
    'maintenance:list': { x: 1 },
    'maintenance:save': { window: { id: 'x', name: 'y', schedule: { type: 'weekly', days: [], start: '25:00' } } },
    'maintenance:remove': {},
    'notifications:channels': { x: 1 },
    'notifications:save': { channels: [{ id: 'm', type: 'mail', to: ['not an address'] }] },
    'notifications:test': {},
  };

  it.each(CALL_CHANNELS.map((c) => [c]))('%s: same answer over IPC and HTTP', async (channel) => {
    if (channel === 'devices:get' || channel === 'devices:update' || channel === 'devices:poll' || channel === 'alerts:preview') {
      if (!(await transports[0]!.client.call('devices:list', {})).some((d) => d.id === 'shared')) {
        await transports[0]!.client.call('devices:add', device('shared'));
      }
    }
    if (channel.startsWith('reports:')) await ensureReport();
    if (channel === 'reports:start') {
      // Each bridge starts its own run, one after the other (a profile runs once at a time): the run ids
      // differ, the shape does not, and each run ends in the history.
      for (const t of transports) {
        const before = await historyLength();
        const r = (await t.transport.invoke(channel, VALID[channel]())) as { ok: boolean; result?: { runId?: unknown } };
        expect(r.ok, JSON.stringify(r)).toBe(true);
        expect(typeof r.result?.runId).toBe('string');
        await expect.poll(historyLength, { timeout: 120_000 }).toBeGreaterThan(before);
      }
      return;
    }
    if (channel === 'devices:add') {
      const [a, b] = (await Promise.all(transports.map((t) => t.client.call('devices:add', device(`added-${t.name}`))))) as [
        DeviceSummary,
        DeviceSummary,
      ];
      expect(a.name).toBe('added-ipc');
      expect(b.name).toBe('added-web');
      expect({ ...a, id: '', name: '' }).toEqual({ ...b, id: '', name: '' });
      return;
    }
    const [a, b] = await both(channel, VALID[channel]());
    expect((a as { ok: boolean }).ok, JSON.stringify(a)).toBe(true);
    expect(stable(b)).toEqual(stable(a));
  });

  it.each(CALL_CHANNELS.map((c) => [c]))('%s: same error for invalid input', async (channel) => {
    const [a, b] = await both(channel, INVALID[channel]);
    expect(a).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(b).toEqual(a);
    // And the client turns it into a real VigieError on both sides.
    for (const t of transports) {
      const error = await t.client.call(channel, INVALID[channel] as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VigieError);
      expect((error as VigieError).code).toBe('invalid_request');
      expect((error as VigieError).issues.length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown channel the same way', async () => {
    const [a, b] = await both('devices:format-disk' as CallName, {});
    expect(a).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown call: devices:format-disk' } });
    expect(b).toEqual(a);
  });

  it('maps a domain error (not found) identically', async () => {
    const [a, b] = await both('devices:get', { id: 'no-such-device' });
    expect(a).toEqual({ ok: false, error: { code: 'not_found', message: 'No device with id no-such-device' } });
    expect(b).toEqual(a);
  });

  it('delivers events to both bridges with the same payload, and unsubscribes', async () => {
    const received = transports.map(() => [] as { name: string }[]);
    const offs = transports.map((t, i) => t.client.on('devices:changed', (p) => received[i]!.push(p)));
    await webSocketOpen(); // the WebSocket connects on first subscription: events go only to an open one
    await transports[0]!.client.call('devices:add', device('evented'));
    await expect.poll(() => received.map((r) => r.some((p) => p.name === 'evented'))).toEqual([true, true]);
    expect(received[1]!.find((p) => p.name === 'evented')).toEqual(received[0]!.find((p) => p.name === 'evented'));
    for (const off of offs) off();
    expect(ipc.listenerCount('devices:changed')).toBe(0);
  });

  it('delivers report progress to both bridges alike, up to the end of the run', async () => {
    await ensureReport();
    type P = { runId: string; state: string; step: string };
    const received = transports.map(() => [] as P[]);
    const offs = transports.map((t, i) => t.client.on('reports:progress', (p) => received[i]!.push(p)));
    await webSocketOpen(); // the WebSocket connects on first subscription: events go only to an open one
    const { runId } = await transports[0]!.client.call('reports:start', { profile: reportProfile.name });
    // The run's end: the render step done, or the run failed or was cancelled (each step also says 'done').
    const ended = (list: P[]): boolean =>
      list.some(
        (p) => p.runId === runId && ((p.step === 'render' && p.state === 'done') || p.state === 'failed' || p.state === 'cancelled'),
      );
    await expect.poll(() => received.map(ended), { timeout: 60_000 }).toEqual([true, true]);
    const mine = (list: P[]): P[] => list.filter((p) => p.runId === runId);
    expect(mine(received[1]!)).toEqual(mine(received[0]!));
    expect(mine(received[0]!).map((p) => p.step)).toContain('connect');
    for (const off of offs) off();
    expect(ipc.listenerCount('reports:progress')).toBe(0);
  });

  it('never sends a secret back', async () => {
    for (const t of transports) {
      const detail = await t.client.call('devices:get', { id: 'shared' });
      expect(JSON.stringify(detail)).not.toContain('contract-secret');
      expect(detail.config.hasSecret).toBe(true);
    }
  });

  it('refuses calls from a frame that is not the app (IPC sender check)', async () => {
    const saved = ipc.frameUrl;
    ipc.frameUrl = 'https://evil.example/';
    try {
      const r = await transports[0]!.transport.invoke('devices:list', {});
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: 'Call refused: unknown sender frame' } });
    } finally {
      ipc.frameUrl = saved;
    }
  });
});
