import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src/shared/contract/api';
import type { EventName } from '../../../src/shared/contract/channels';
import type { DeviceSummary } from '../../../src/shared/contract/devices';
import type { EventRecord } from '../../../src/shared/contract/events';
import { AlertingSettingsSchema } from '../../../src/shared/contract/alerting';
import { ReachabilityGuard } from '../../../src/main/core/alerting/reachability-guard';
import { createCore, type Core } from '../../../src/main/core/create-core';
import { DEFAULT_FAMILIES, DEFAULT_SOURCES } from '../../../src/main/core/default-catalog';
import { systemClock } from '../../../src/main/core/ports';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';
import { ConfSettingsStore } from '../../../src/main/core/settings/conf-settings-store';
import { freeTcpPort } from '../../helpers/free-port';
import { missingPeer } from '../../helpers/peer';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { recordingLog, until } from './alert-test-kit';

const hasSnmpsim = spawnSync('sh', ['-c', 'command -v snmpsimd'], { stdio: 'ignore' }).status === 0;
const RECORDINGS = ['linux-netsnmp', 'windows'].map((r) => join(SHARED_SNMPREC, `${r}.snmprec`));
const BLACK_HOLE = new URL('./black-hole.py', import.meta.url).pathname;

/** A reference target that answers: accepts and closes. */
async function answering(port: number): Promise<Server> {
  const server = createServer((s) => s.destroy());
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return server;
}

/**
 * The same port gone silent: neither accepted nor refused (a refusal would prove the host is there). See
 * black-hole.py; resolves once it holds the port.
 */
async function silent(port: number): Promise<ChildProcess> {
  const child = spawn('python3', [BLACK_HOLE, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  await until(() => out.includes('ready') || child.exitCode !== null, 'the black hole to hold its port', 20_000);
  if (child.exitCode !== null) throw new Error(`black-hole.py exited ${child.exitCode}`);
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Vigie's own network through the whole core: reference targets on loopback ports and two SNMP devices on
 * loopback all stop answering at once. The guard sees its targets silent: one "lost its network" event, no
 * device recorded down, the weather untouched; when they answer again, one "network back" event.
 */
describe.skipIf(missingPeer('snmpsimd', hasSnmpsim ? null : 'Debian snmpsim not installed (apt-get install snmpsim)'))(
  'own-reachability guard (reference targets and devices on loopback)',
  () => {
    let agents: SnmpsimPeer | null = null;
    let core: Core | null = null;
    const servers: Server[] = [];
    const holes: ChildProcess[] = [];
    const ports: number[] = [];
    const events: EventRecord[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'vigie-guard-'));

    beforeAll(async () => {
      agents = await startSnmpsim(RECORDINGS);
      for (let i = 0; i < 2; i++) {
        const port = await freeTcpPort();
        ports.push(port);
        servers.push(await answering(port));
      }
      const settings = new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'vigie' }));
      settings.update((s) => ({ ...s, localDeviceSeeded: true }));
      core = createCore({
        paths: { dataDir: dir },
        settings,
        secrets: new MemorySecretStore(),
        clock: systemClock,
        sink: {
          emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
            if (event === 'events:appended') events.push(payload as EventRecord);
          },
        },
        notifier: { notify: () => undefined },
        log: recordingLog(),
        mode: 'web',
        version: 'test',
        families: DEFAULT_FAMILIES,
        sources: DEFAULT_SOURCES,
        validateResponses: true,
        // The reference targets come from the saved settings; this machine's real gateway and DNS server
        // keep answering whatever the test does on loopback, so they are left out.
        guard: new ReachabilityGuard({
          settings: () => settings.get().alerting.settings,
          clock: systemClock,
          log: recordingLog(),
          systemTargets: () => Promise.resolve([]),
          timeoutMs: 1500,
        }),
      });
      await core.start();
    }, 120_000);

    afterAll(async () => {
      await core?.stop();
      await agents?.stop();
      for (const h of holes) await kill(h);
      for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    });

    async function call<T>(channel: string, payload: unknown = {}): Promise<T> {
      const env = await core!.dispatch(channel, payload);
      if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
      return env.result as T;
    }

    it('records one "lost its network" event and no device down, then "network back"', async () => {
      await call('alerts:save-settings', AlertingSettingsSchema.parse({ referenceTargets: ports.map((p) => `127.0.0.1:${p}`) }));
      const devices: DeviceSummary[] = [];
      for (const [name, rec] of [['db-c1', 'linux-netsnmp'], ['app-c2', 'windows']] as const) {
        devices.push(
          await call<DeviceSummary>('devices:add', {
            name,
            kind: 'snmp',
            host: '127.0.0.1',
            port: agents!.port,
            intervalSeconds: 3600, // polled on demand below, in a known order
            snmp: { version: '2c', timeoutMs: 700, retries: 0 },
            secret: { community: agents!.community(`${rec}.snmprec`) },
          }),
        );
      }
      const before = new Map<string, DeviceSummary>();
      for (const d of devices) {
        const s = await call<DeviceSummary>('devices:poll', { id: d.id });
        expect(s.state, `${s.name}: ${s.message ?? ''}`).toBe('ok');
        before.set(d.id, s);
      }
      const mark = events.length;

      // Everything at once: the agents and both reference targets.
      await agents!.stop();
      for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
      for (const p of ports) holes.push(await silent(p));

      for (let round = 0; round < 2; round++) {
        for (const d of devices) {
          const s = await call<DeviceSummary>('devices:poll', { id: d.id });
          expect(s.state, `${s.name}: ${s.message ?? ''}`).toBe('ok');
          expect(s.weather).toEqual(before.get(d.id)!.weather);
        }
      }
      const outage = events.slice(mark);
      expect(outage.map((e) => [e.kind, e.severity, e.deviceId, e.text?.code])).toEqual([['system', 'critical', null, 'system.network-lost']]);
      expect(outage[0]!.message).toBe(`Vigie lost its network: 127.0.0.1:${ports[0]} and 127.0.0.1:${ports[1]} did not answer`);
      const active = await call<{ deviceId: string }[]>('alerts:active');
      expect(active.filter((p) => devices.some((d) => d.id === p.deviceId))).toEqual([]);

      // Back: the targets answer and the agents too.
      for (const h of holes.splice(0)) await kill(h);
      for (const p of ports) servers.push(await answering(p));
      agents = await startSnmpsim(RECORDINGS, { port: agents!.port });
      for (const d of devices) expect((await call<DeviceSummary>('devices:poll', { id: d.id })).state).toBe('ok');
      await until(() => events.slice(mark).some((e) => e.text?.code === 'system.network-back'), 'the network-back event');
      const all = events.slice(mark);
      expect(all.map((e) => e.text?.code)).toEqual(['system.network-lost', 'system.network-back']);
      expect(all.every((e) => e.deviceId === null)).toBe(true);
    }, 120_000);
  },
);
