import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveProblem, Incident } from '../../../src/shared/contract/alerting';
import type { DeviceSummary } from '../../../src/shared/contract/devices';
import { createCore, type Core } from '../../../src/main/core/create-core';
import { DEFAULT_FAMILIES, DEFAULT_SOURCES } from '../../../src/main/core/default-catalog';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';
import { ConfSettingsStore } from '../../../src/main/core/settings/conf-settings-store';
import { systemClock } from '../../../src/main/core/ports';
import { missingPeer } from '../../helpers/peer';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { recordingLog, until } from './alert-test-kit';

/** What a webhook receives: the AlertChange fields plus the formatted text. */
type Posted = { kind: string; deviceId: string; deviceName: string; state: string; affected: string[]; text: string };

const hasSnmpsim = spawnSync('sh', ['-c', 'command -v snmpsimd'], { stdio: 'ignore' }).status === 0;
const RECORDINGS = ['apc-smart-ups-rt3000', 'linux-netsnmp', 'windows'].map((r) => join(SHARED_SNMPREC, `${r}.snmprec`));

/**
 * A UPS (snmpsim recording) with two hosts declared behind it, through the whole core: polls, the alerting
 * engine, the incident tracker and the notification router, whose webhook channel posts to a server here.
 * The simulator stops (UPS and hosts at once): one incident, one notice listing both hosts, no storm; it
 * comes back: the incident closes and every recovery is told.
 */
describe.skipIf(missingPeer('snmpsimd', hasSnmpsim ? null : 'Debian snmpsim not installed (apt-get install snmpsim)'))(
  'incident from a declared topology (UPS and two hosts in snmpsim)',
  () => {
    let agents: SnmpsimPeer | null = null;
    let core: Core | null = null;
    let hook: Server | null = null;
    const posted: Posted[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'vigie-incidents-'));
    const log = recordingLog();

    beforeAll(async () => {
      agents = await startSnmpsim(RECORDINGS);
      hook = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          posted.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Posted);
          res.writeHead(200).end('ok');
        });
      });
      await new Promise<void>((r) => hook!.listen(0, '127.0.0.1', r));
      const port = (hook.address() as { port: number }).port;
      const settings = new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'vigie' }));
      settings.update((s) => ({
        ...s,
        localDeviceSeeded: true, // only the three lab devices
        notificationChannels: [
          { id: 'hook', type: 'webhook', enabled: true, url: `http://127.0.0.1:${port}/vigie`, severities: ['critical', 'warning', 'unknown', 'ok'], groups: [], language: 'en' },
        ],
      }));
      core = createCore({
        paths: { dataDir: dir },
        settings,
        secrets: new MemorySecretStore(),
        clock: systemClock,
        sink: { emit: () => undefined },
        notifier: { notify: () => undefined },
        log,
        mode: 'web',
        version: 'test',
        families: DEFAULT_FAMILIES,
        sources: DEFAULT_SOURCES,
        validateResponses: true,
        // The loopback agents are the whole lab: this test is about dependencies, not Vigie's own network.
        guard: false,
      });
      await core.start();
    }, 120_000);

    afterAll(async () => {
      await core?.stop();
      await agents?.stop();
      hook?.closeAllConnections();
      await new Promise<void>((r) => (hook ? hook.close(() => r()) : r()));
      rmSync(dir, { recursive: true, force: true });
    });

    async function call<T>(channel: string, payload: unknown = {}): Promise<T> {
      const env = await core!.dispatch(channel, payload);
      if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
      return env.result as T;
    }

    const snmpDevice = (name: string, recording: string, parentId: string | null) => ({
      name,
      kind: 'snmp',
      host: '127.0.0.1',
      port: agents!.port,
      // Long interval: the test polls on demand, in a known order, instead of racing the scheduler.
      intervalSeconds: 3600,
      snmp: { version: '2c', timeoutMs: 700, retries: 0 },
      secret: { community: agents!.community(`${recording}.snmprec`) },
      parentId,
    });

    it('groups the hosts into the UPS incident: one notice listing them, recovery told', async () => {
      const ups = await call<DeviceSummary>('devices:add', snmpDevice('ups-rack-b', 'apc-smart-ups-rt3000', null));
      const hostA = await call<DeviceSummary>('devices:add', snmpDevice('db-b1', 'linux-netsnmp', ups.id));
      const hostB = await call<DeviceSummary>('devices:add', snmpDevice('app-b2', 'windows', ups.id));
      const ids = [ups.id, hostA.id, hostB.id];
      for (const id of ids) {
        const s = await call<DeviceSummary>('devices:poll', { id });
        expect(s.state, `${s.name}: ${s.message ?? ''}`).toBe('ok');
      }
      const before = posted.length;

      await agents!.stop();
      // The UPS is found down first, then its hosts: their failures join its incident.
      for (const id of ids) {
        const s = await call<DeviceSummary>('devices:poll', { id });
        expect(s.state, s.message ?? '').toBe('unknown');
      }
      await until(() => posted.slice(before).some((p) => p.kind === 'incident'), 'the incident notice');
      const open = await call<Incident[]>('alerts:incidents', { open: true });
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ rootDeviceId: ups.id, rootName: 'ups-rack-b', closedAt: null });
      expect(open[0]!.affected.map((a) => a.name).sort()).toEqual(['app-b2', 'db-b1']);
      // Still shown as down, each with the incident it belongs to.
      const problems = await call<ActiveProblem[]>('alerts:active');
      for (const id of [hostA.id, hostB.id]) expect(problems.find((p) => p.deviceId === id)?.incidentId).toBe(open[0]!.id);

      const outage = posted.slice(before);
      // One notification for the whole outage: the incident's, listing both hosts; nothing on their own.
      expect(outage.map((p) => `${p.kind}:${p.deviceName}`)).toEqual(['incident:ups-rack-b']);
      expect(outage[0]!.affected.sort()).toEqual(['app-b2', 'db-b1']);
      expect(outage[0]!.text).toContain('ups-rack-b is down: one incident for it and 2 dependent devices');

      const recovered = posted.length;
      agents = await startSnmpsim(RECORDINGS, { port: agents!.port });
      for (const id of ids) {
        const s = await call<DeviceSummary>('devices:poll', { id });
        expect(['ok', 'warning'], `${s.name}: ${s.message ?? ''}`).toContain(s.state);
      }
      await until(() => posted.slice(recovered).length >= 3, 'the closing notice and both recoveries');
      const back = posted.slice(recovered);
      expect(back.map((p) => `${p.kind}:${p.deviceName}`).sort()).toEqual(['incident-closed:ups-rack-b', 'recovery:app-b2', 'recovery:db-b1']);
      expect(await call<Incident[]>('alerts:incidents', { open: true })).toEqual([]);
      const closed = await call<Incident[]>('alerts:incidents', { open: false });
      expect(closed[0]).toMatchObject({ id: open[0]!.id, rootDeviceId: ups.id });
      expect(closed[0]!.closedAt).not.toBeNull();
    }, 120_000);
  },
);
