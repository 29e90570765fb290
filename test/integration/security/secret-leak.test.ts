import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessCore } from '../../../src/main/server/headless-core';
import type { ServedCore } from '../../../src/main/server/served-core';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';

/**
 * quality.md: secrets never reach the settings, the logs, the exports or anything else the app writes.
 * A full run with every kind of credential, then every byte under the data directory is searched for them.
 */
const SECRETS = {
  community: 'leak-check-community',
  authKey: 'leak-check-auth-key',
  privKey: 'leak-check-priv-key',
  password: 'leak-check-vcenter-password',
  metricsToken: 'leak-check-metrics-token-0123456789',
};

let dataDir: string;
let core: ServedCore;
let sim: SnmpsimPeer;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

async function call(channel: string, payload: unknown): Promise<unknown> {
  const env = await core.dispatch(channel, payload);
  if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
  return env.result;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigie-leak-'));
  sim = await startSnmpsim([join(SHARED_SNMPREC, 'linux-netsnmp.snmprec')]);
  core = await createHeadlessCore({ dataDir, secrets: 'file' });
});

afterAll(async () => {
  await core?.close();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets stay secret', () => {
  it('never appear in any file the app wrote, nor in what the renderer receives', async () => {
    // The real community is the recording's name; the leak check watches the other credentials and a
    // wrong community used for a failing device (whose errors get logged).
    await call('devices:add', { name: 'linux', kind: 'snmp', host: '127.0.0.1', port: sim.port, snmp: { version: '2c' }, secret: { community: 'linux-netsnmp' } });
    await call('devices:add', { name: 'bad-community', kind: 'snmp', host: '127.0.0.1', port: sim.port, snmp: { version: '2c', timeoutMs: 300, retries: 0 }, secret: { community: SECRETS.community } });
    await call('devices:add', {
      name: 'v3-box',
      kind: 'snmp',
      host: '127.0.0.1',
      port: sim.port,
      snmp: { version: '3', user: 'monitor', level: 'authPriv', authProtocol: 'sha', privProtocol: 'aes', timeoutMs: 300, retries: 0 },
      secret: { authKey: SECRETS.authKey, privKey: SECRETS.privKey },
    });
    await call('devices:add', { name: 'vcenter', kind: 'vsphere', host: '127.0.0.1', port: 9, vsphere: { user: 'administrator@vsphere.local' }, secret: { password: SECRETS.password } });
    await call('settings:update', { metricsToken: SECRETS.metricsToken });
    for (const id of ['linux', 'bad-community', 'v3-box', 'vcenter']) await call('devices:poll', { id });
    await call('devices:test', { id: 'bad-community', device: { name: 'bad-community', kind: 'snmp', host: '127.0.0.1', port: sim.port, snmp: { version: '2c', timeoutMs: 300, retries: 0 } } });

    const seen = JSON.stringify([
      await call('devices:list', {}),
      ...(await Promise.all(['linux', 'bad-community', 'v3-box', 'vcenter'].map((id) => call('devices:get', { id })))),
      await call('devices:export', { format: 'csv' }),
      await call('devices:export', { format: 'json' }),
      await call('events:list', { limit: 1000 }),
      await call('settings:get', {}),
      await call('app:info', {}),
      [...core.metrics()].join(''),
    ]);
    expect(await core.metricsTokenMatches(SECRETS.metricsToken)).toBe(true);
    const linux = (await call('devices:get', { id: 'linux' })) as { summary: { state: string } };
    expect(linux.summary.state).not.toBe('unknown'); // the run really polled

    await core.close();
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('vigie.log'))).toBe(true);
    expect(files.some((f) => f.endsWith('secrets.enc'))).toBe(true);
    for (const secret of Object.values(SECRETS)) {
      expect(seen, `renderer-visible data contains ${secret}`).not.toContain(secret);
      for (const f of files) {
        if (!statSync(f).isFile()) continue;
        const bytes = readFileSync(f);
        expect(bytes.includes(Buffer.from(secret)), `${f} contains ${secret}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${f} contains ${secret} (UTF-16)`).toBe(false);
      }
    }
  });
});
