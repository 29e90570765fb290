import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../src/shared/contract/settings';
import type { DeviceSummary } from '../../../src/shared/contract/devices';
import { createHeadlessCore } from '../../../src/main/server/headless-core';
import type { ServedCore } from '../../../src/main/server/served-core';

let core: ServedCore | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await core?.close();
  core = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'vigie-headless-'));
  dirs.push(d);
  return d;
}

async function call<T>(c: ServedCore, channel: string, payload: unknown = {}): Promise<T> {
  const env = await c.dispatch(channel, payload);
  if (!env.ok) throw new Error(env.error.message);
  return env.result as T;
}

describe('headless core start-up', () => {
  it('on a fresh data dir, adds This computer and polls it', async () => {
    const dir = dataDir();
    core = await createHeadlessCore({ dataDir: dir, secrets: 'file' });
    const [local] = await call<DeviceSummary[]>(core, 'devices:list');
    expect(local).toMatchObject({ name: 'This computer', family: 'this-computer', group: 'workstation', intervalSeconds: 10 });
    const polled = await call<DeviceSummary>(core, 'devices:poll', { id: local!.id });
    expect(polled.lastPollAt).not.toBeNull();
    expect(polled.keyFigure?.unit).toBe('percent');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ version: 1, localDeviceSeeded: true });
  });

  it('sets a corrupt settings file aside, starts with defaults and tells the user where the old one is', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'settings.json'), '{"version":1,"devices":[{"id":"nas","name":"n');
    core = await createHeadlessCore({ dataDir: dir, secrets: 'file' });
    const info = await call<AppInfo>(core, 'app:info');
    const backup = readdirSync(dir).find((f) => f.startsWith('settings.json.corrupt-'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe('{"version":1,"devices":[{"id":"nas","name":"n');
    expect(info.notices.some((n) => n.includes(backup!) && n.includes('not valid JSON'))).toBe(true);
    expect(readFileSync(join(dir, 'logs', 'vigie.log'), 'utf8')).toContain(backup!);
    expect((await call<DeviceSummary[]>(core, 'devices:list')).map((d) => d.name)).toEqual(['This computer']);
  });

  it('refuses a data directory it cannot write, saying which and why', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'a-file'), '');
    await expect(createHeadlessCore({ dataDir: join(dir, 'a-file', 'vigie'), secrets: 'file' })).rejects.toThrow(
      `The data directory ${join(dir, 'a-file', 'vigie')} is not writable: ENOTDIR`,
    );
  });

  it('keeps devices and history across a restart', async () => {
    const dir = dataDir();
    core = await createHeadlessCore({ dataDir: dir, secrets: 'file' });
    await call(core, 'devices:add', { name: 'sw', kind: 'snmp', host: '192.0.2.1', snmp: { version: '2c' }, secret: { community: 'c' }, enabled: false });
    const [local] = await call<DeviceSummary[]>(core, 'devices:list');
    await call(core, 'devices:poll', { id: local!.id });
    await core.close();
    core = await createHeadlessCore({ dataDir: dir, secrets: 'file' });
    const list = await call<DeviceSummary[]>(core, 'devices:list');
    expect(list.map((d) => d.name).sort()).toEqual(['This computer', 'sw']);
    const q = await call<{ series: { t: number[] }[] }>(core, 'metrics:query', {
      series: [`${local!.id}|device.up|`],
      from: Date.now() - 3_600_000,
      to: Date.now() + 1000,
    });
    expect(q.series[0]!.t.length).toBeGreaterThanOrEqual(1);
  });
});
