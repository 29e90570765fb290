import { describe, expect, it } from 'vitest';
import { DeviceInputSchema, type DeviceInput } from '../../../shared/contract/devices';
import { VigieError } from '../../../shared/contract/envelope';
import { secretRef } from './device-registry';
import { testRegistry } from './test-registry';

const snmp = (name: string, extra: Partial<DeviceInput> = {}) =>
  DeviceInputSchema.parse({ name, kind: 'snmp', host: '192.0.2.10', snmp: { version: '2c' }, secret: { community: 's3cret-community' }, ...extra });

describe('device registry', () => {
  it('keeps the secret out of settings and in the secret store', async () => {
    const { registry, secrets, settings } = testRegistry();
    const d = await registry.add(snmp('core-switch'));
    expect(d).toMatchObject({ id: 'core-switch', hasSecret: true, createdAt: 1_700_000_000_000 });
    expect(JSON.stringify(settings.get())).not.toContain('s3cret-community');
    expect(await secrets.get(secretRef(d.id))).toBe(JSON.stringify({ community: 's3cret-community' }));
    expect(await registry.secret(d.id)).toEqual({ community: 's3cret-community' });
  });

  it('keeps the stored secret when an edit leaves it empty, replaces it when given', async () => {
    const { registry } = testRegistry();
    const d = await registry.add(snmp('ups'));
    const { secret: _omit, ...rest } = snmp('ups', { intervalSeconds: 120 });
    await registry.update(d.id, DeviceInputSchema.parse(rest));
    expect(registry.get(d.id).intervalSeconds).toBe(120);
    expect(await registry.secret(d.id)).toEqual({ community: 's3cret-community' });
    await registry.update(d.id, snmp('ups', { secret: { community: 'other' } }));
    expect(await registry.secret(d.id)).toEqual({ community: 'other' });
  });

  it('refuses duplicate names, unknown families, a second local device and missing parents', async () => {
    const { registry } = testRegistry();
    await registry.add(snmp('nas'));
    await expect(registry.add(snmp('NAS'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(registry.add(snmp('x', { family: 'toaster' }))).rejects.toThrow(/unknown family "toaster"/);
    await expect(registry.add(snmp('y', { family: 'this-computer' }))).rejects.toThrow(/polled over local/);
    await expect(registry.add(snmp('z', { parentId: 'nope' }))).rejects.toBeInstanceOf(VigieError);
    await registry.add(DeviceInputSchema.parse({ name: 'me', kind: 'local', host: 'localhost', family: 'this-computer' }));
    await expect(
      registry.add(DeviceInputSchema.parse({ name: 'me2', kind: 'local', host: 'localhost', family: 'this-computer' })),
    ).rejects.toThrow(/already a "This computer"/);
  });

  it('refuses to store credentials when the secret store is unavailable', async () => {
    const { registry, secrets } = testRegistry();
    secrets.status = () => Promise.resolve({ available: false, message: 'No desktop session bus (D-Bus)' });
    await expect(registry.add(snmp('sw'))).rejects.toThrow(/Credentials cannot be stored: No desktop session bus/);
    expect(registry.list()).toEqual([]);
  });

  it('refuses a parent that would make a loop of dependencies, naming it', async () => {
    const { registry } = testRegistry();
    const ups = await registry.add(snmp('ups'));
    const sw = await registry.add(snmp('switch', { parentId: ups.id }));
    const srv = await registry.add(snmp('server', { parentId: sw.id }));
    const { secret: _s, ...upsInput } = snmp('ups', { parentId: srv.id });
    await expect(registry.update(ups.id, DeviceInputSchema.parse(upsInput))).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'parentId: this would make a loop of dependencies: ups → server → switch → ups',
      issues: [{ path: 'parentId' }],
    });
    await expect(registry.update(srv.id, DeviceInputSchema.parse({ ...upsInput, name: 'server', parentId: srv.id }))).rejects.toThrow(/cannot depend on itself/);
    expect(registry.get(ups.id).parentId).toBeNull();
    // Moving the server under the UPS directly closes no loop.
    await registry.update(srv.id, DeviceInputSchema.parse({ ...upsInput, name: 'server', parentId: ups.id }));
    expect(registry.get(srv.id).parentId).toBe(ups.id);
  });

  it('removes a device, its secret and the parent links to it', async () => {
    const { registry, secrets } = testRegistry();
    const parent = await registry.add(snmp('switch'));
    const child = await registry.add(snmp('server', { parentId: parent.id }));
    expect(await registry.remove(parent.id)).toBe(true);
    expect(await secrets.get(secretRef(parent.id))).toBeNull();
    expect(registry.get(child.id).parentId).toBeNull();
    expect(await registry.remove(parent.id)).toBe(false);
  });
});
