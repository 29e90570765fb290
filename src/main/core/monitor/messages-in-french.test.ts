import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceSummary, MetricValue } from '../../../shared/contract/devices';
import type { EventRecord } from '../../../shared/contract/events';
import { formatMessage } from '../../../shared/messages/format-message';
import { asCaller, webCaller } from '../audit/caller';
import { createCore, type Core } from '../create-core';
import { DEFAULT_FAMILIES } from '../default-catalog';
import { silentLogger } from '../log/file-logger';
import type { PollResult, Source } from '../pollers/source';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { ConfSettingsStore } from '../settings/conf-settings-store';

/** Issue 14 item 9: what the reader sees (tile line, audit and device events) is a code, read in French here. */
const result = (fs: { mount: string; used: number }[], uptime: number): PollResult => ({
  family: 'linux',
  identity: { sysName: 'db-01' },
  metrics: [
    ...fs.map((f) => ({ name: 'fs.used.percent', instance: f.mount, value: f.used, unit: 'percent' as const })),
    { name: 'cpu.total', instance: '', value: 12.5, unit: 'percent' },
  ] satisfies MetricValue[],
  tables: {},
  problems: [],
  uptimeSeconds: uptime,
});

function scripted(script: PollResult[]): Source {
  let polls = 0;
  return {
    kind: 'snmp',
    test: () => Promise.reject(new Error('not used')),
    open: () => ({
      poll: () => Promise.resolve(script[Math.min(polls++, script.length - 1)]!),
      close: () => Promise.resolve(),
    }),
  };
}

let core: Core | null = null;
let dir = '';
afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

// French separates with a narrow no-break space before "%" and ":" depending on the formatter: compare words.
const words = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');
const fr = (e: { text?: EventRecord['text'] }): string => (e.text ? words(formatMessage(e.text, 'fr', 'fr-FR')) : '(no text)');

describe('messages in the reader’s language', () => {
  it('formats the tile line, an audit event and a restart event in French', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-i9-'));
    let now = 1_700_000_000_000;
    core = createCore({
      paths: { dataDir: dir },
      settings: new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'vigie' })),
      secrets: new MemorySecretStore(),
      clock: { now: () => now },
      sink: { emit: () => undefined },
      notifier: { notify: () => undefined },
      log: silentLogger,
      mode: 'web',
      version: 'test',
      families: DEFAULT_FAMILIES,
      sources: {
        snmp: scripted([
          result([{ mount: '/var', used: 97 }], 5000),
          result([{ mount: '/var', used: 97 }, { mount: '/srv', used: 90 }], 5060),
          result([{ mount: '/var', used: 40 }], 30),
        ]),
      },
      validateResponses: true,
      guard: false,
    });
    const c = core;
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const env = await c.dispatch(channel, payload);
      if (!env.ok) throw new Error(env.error.message);
      return env.result as T;
    };

    const added = await asCaller(webCaller('192.0.2.50'), () =>
      call<DeviceSummary>('devices:add', { name: 'db-01', kind: 'snmp', host: '192.0.2.7', snmp: { version: '2c' }, secret: { community: 'ro-db' } }),
    );
    let s = await call<DeviceSummary>('devices:poll', { id: added.id });
    expect(s.state).toBe('critical');
    expect(s.message).toBe('Filesystem used (/var): 97 % > 95 %');
    expect(s.messageText).toBeDefined();
    expect(fr({ text: s.messageText })).toBe('Système de fichiers utilisé (/var) : 97 % > 95 %');

    now += 60_000;
    s = await call<DeviceSummary>('devices:poll', { id: added.id });
    expect(s.message).toBe('2 problems: Filesystem used (/var); Filesystem used (/srv)');
    expect(fr({ text: s.messageText })).toBe('2 problèmes : Système de fichiers utilisé (/var) ; Système de fichiers utilisé (/srv)');

    now += 60_000;
    s = await call<DeviceSummary>('devices:poll', { id: added.id });
    expect(s.state).toBe('ok');

    const events = await call<EventRecord[]>('events:list', { limit: 50 });
    const audit = events.find((e) => e.kind === 'audit');
    expect(audit?.message).toBe('Device added: db-01 (snmp 192.0.2.7) (by web login from 192.0.2.50)');
    expect(audit?.text?.code).toBe('audit.device-added');
    expect(fr(audit ?? {})).toBe('Équipement ajouté : db-01 (snmp 192.0.2.7) (par connexion web depuis 192.0.2.50)');

    const restart = events.find((e) => e.kind === 'device');
    expect(restart?.message).toBe('db-01 restarted (uptime went from 5060 s to 30 s)');
    expect(restart?.text?.code).toBe('device.restarted');
    expect(fr(restart ?? {})).toBe('db-01 a redémarré (uptime passé de 1h 24min à 30s)');
  });
});
