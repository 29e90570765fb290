import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/api';
import type { EventName } from '../../../shared/contract/channels';
import type { DeviceSummary, ImportResult } from '../../../shared/contract/devices';
import type { EventRecord } from '../../../shared/contract/events';
import type { Logger } from '../ports';
import { createCore, type Core } from '../create-core';
import { DEFAULT_FAMILIES } from '../default-catalog';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { ConfSettingsStore } from '../settings/conf-settings-store';
import { formatMessage } from '../../../shared/messages/format-message';
import { asCaller, webCaller } from './caller';

let core: Core | null = null;
let dir = '';
afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  dir = mkdtempSync(join(tmpdir(), 'vigie-audit-'));
  const appended: EventRecord[] = [];
  const logged: string[] = [];
  const log: Logger = {
    info: (m, f) => void logged.push(`${m} ${JSON.stringify(f ?? {})}`),
    warn: () => undefined,
    error: () => undefined,
  };
  core = createCore({
    paths: { dataDir: dir },
    settings: new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'vigie' })),
    secrets: new MemorySecretStore(),
    clock: { now: () => 1_700_000_000_000 },
    sink: {
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
        if (event === 'events:appended') appended.push(payload as EventRecord);
      },
    },
    notifier: { notify: () => undefined },
    log,
    mode: 'web',
    version: 'test',
    families: DEFAULT_FAMILIES,
    sources: {},
    validateResponses: true,
  });
  const c = core;
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const env = await c.dispatch(channel, payload);
    if (!env.ok) throw new Error(env.error.message);
    return env.result as T;
  };
  return { call, appended, logged };
}

describe('audit trail (issue 17 item 15)', () => {
  it('records who added, edited, imported and removed devices and changed settings, in the event log and the log', async () => {
    const t = setUp();
    const web = 'web login from 192.0.2.50';
    const sw = await asCaller(webCaller('192.0.2.50'), () =>
      t.call<DeviceSummary>('devices:add', { name: 'core-sw', kind: 'snmp', host: '192.0.2.8', snmp: { version: '2c' }, secret: { community: 's3cret-community' } }),
    );
    await asCaller(webCaller('192.0.2.50'), () =>
      t.call('devices:update', { id: sw.id, device: { name: 'core-sw', kind: 'snmp', host: '192.0.2.9', port: 1161, snmp: { version: '2c' } } }),
    );
    const imported = await t.call<ImportResult>('devices:import', {
      format: 'csv',
      text: 'name,kind,host\nups-1,snmp,192.0.2.20\nups-2,snmp,192.0.2.21\n',
      dryRun: false,
    });
    expect(imported.added).toBe(2);
    await t.call('devices:import', { format: 'csv', text: 'name,kind,host\nups-3,snmp,192.0.2.22\n', dryRun: true });
    await asCaller(webCaller('192.0.2.50'), () => t.call('settings:update', { language: 'fr', metricsToken: 'tok-0123456789abcdef' }));
    await asCaller(webCaller('192.0.2.50'), () => t.call('devices:remove', { id: sw.id }));

    const list = await t.call<EventRecord[]>('events:list', {});
    const audit = list.filter((e) => e.kind === 'audit').map((e) => e.message).reverse();
    expect(audit).toEqual([
      `Device added: core-sw (snmp 192.0.2.8) (by ${web})`,
      `Device edited: core-sw (host, port) (by ${web})`,
      expect.stringMatching(/^Devices imported from CSV: 2 added, 0 rejected \(by desktop user .*\)$/),
      `Settings changed: language fr, metrics token set (by ${web})`,
      `Device removed: core-sw (snmp 192.0.2.9) (by ${web})`,
    ]);
    // A French reader reads the settings and the caller in French, not as stored keys.
    const frSettings = list.find((e) => e.text?.code === 'audit.settings-changed');
    expect(frSettings?.text && formatMessage(frSettings.text, 'fr', 'fr-FR')).toBe(
      'Réglages modifiés : langue français, jeton des métriques défini (par connexion web depuis 192.0.2.50)',
    );
    // Live to the renderers, and in the log file; never a secret anywhere.
    expect(t.appended.filter((e) => e.kind === 'audit')).toHaveLength(5);
    expect(t.logged.filter((l) => l.startsWith('audit '))).toHaveLength(5);
    const all = JSON.stringify([list, t.logged]);
    expect(all).not.toContain('s3cret-community');
    expect(all).not.toContain('tok-0123456789abcdef');
  });
});
