import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCES } from './default-catalog';
import { rowToInput, CSV_COLUMNS, deviceToRow } from './inventory/device-csv';
import { DeviceConfigSchema, DeviceInputSchema } from '../../shared/contract/devices';
import { FAMILY_DESCRIPTORS } from '../../shared/families/index';
import { ADDABLE_KINDS, KIND_DEFINITIONS, kindDefinition } from '../../shared/kinds/index';

describe('the kind registry', () => {
  it.each(KIND_DEFINITIONS.map((d) => [d.kind, d] as const))('%s has a source, a default family and its form and CSV', (kind, def) => {
    expect(DEFAULT_SOURCES[kind].kind).toBe(kind);
    const family = FAMILY_DESCRIPTORS.find((f) => f.id === def.defaultFamily);
    expect(family?.kind).toBe(kind);
    expect(def.label.en && def.label.fr).toBeTruthy();
    if (!def.addable) return;
    expect(def.settings).not.toBeNull();
    // A form: its own component (the first kinds) or declared fields.
    if (!['snmp', 'vsphere', 'http'].includes(kind)) expect(def.fields?.length).toBeGreaterThan(0);
    expect(def.csv.columns.length).toBeGreaterThan(0);
    for (const c of def.csv.columns) expect(CSV_COLUMNS).toContain(c);
    for (const c of def.csv.secretColumns) expect(def.csv.columns).toContain(c);
    for (const f of def.fields ?? []) expect(def.csv.columns).toContain(`${kind}_${f.key.replace(/\./g, '_').replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)}`);
  });

  it('offers every kind but the built-in one in the add form', () => {
    expect(ADDABLE_KINDS).toEqual(KIND_DEFINITIONS.map((d) => d.kind).filter((k) => k !== 'local'));
    expect(ADDABLE_KINDS).toContain('postgres');
  });

  it('has no CSV column twice', () => {
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
  });
});

describe('postgres devices in the contract and the CSV', () => {
  const row = {
    name: 'db1',
    kind: 'postgres',
    host: '10.0.0.5',
    port: '5433',
    postgres_user: 'vigie',
    postgres_database: 'app',
    postgres_tls_mode: 'verify',
    postgres_tls_ca_file: '/etc/vigie/ca.pem',
    postgres_password: ' s3cret ',
  };

  it('imports a postgres row into the same input as the form sends', () => {
    const input = DeviceInputSchema.parse(rowToInput(row, () => null));
    expect(input).toMatchObject({
      name: 'db1',
      kind: 'postgres',
      host: '10.0.0.5',
      port: 5433,
      postgres: { user: 'vigie', database: 'app', tls: { mode: 'verify', caFile: '/etc/vigie/ca.pem', certFile: null, keyFile: null }, timeoutMs: 5000 },
      secret: { password: ' s3cret ' },
    });
  });

  it('refuses verify without a CA file, naming the field', () => {
    const r = DeviceInputSchema.safeParse(rowToInput({ ...row, postgres_tls_ca_file: '' }, () => null));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('postgres.tls.caFile');
  });

  it('refuses a postgres device without its settings', () => {
    const r = DeviceInputSchema.safeParse({ name: 'x', kind: 'postgres', host: 'db.example.org' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('PostgreSQL settings required');
  });

  it('exports the settings and never the password', () => {
    const input = DeviceInputSchema.parse(rowToInput(row, () => null));
    const { secret: _secret, ...rest } = input;
    const config = DeviceConfigSchema.parse({ ...rest, id: 'd1', hasSecret: true, createdAt: 0 });
    const out = deviceToRow(config, () => undefined);
    expect(out).toMatchObject({ kind: 'postgres', postgres_user: 'vigie', postgres_tls_mode: 'verify', postgres_tls_ca_file: '/etc/vigie/ca.pem', postgres_password: '' });
  });

  it('reads a device stored before the postgres kind existed (no migration needed)', () => {
    const stored = {
      id: 'old',
      name: 'switch',
      kind: 'snmp',
      family: 'auto',
      host: '10.0.0.1',
      port: null,
      intervalSeconds: 60,
      enabled: true,
      snmp: { version: '2c', timeoutMs: 2000, retries: 1, user: '', level: 'authPriv', authProtocol: 'sha', privProtocol: 'aes', context: '' },
      vsphere: null,
      http: null,
      watchedProcesses: [],
      parentId: null,
      hasSecret: true,
      detectedFamily: null,
      createdAt: 1,
    };
    const parsed = DeviceConfigSchema.parse(stored);
    expect(parsed.postgres).toBeUndefined();
    expect(kindDefinition(parsed.kind).defaultFamily).toBe('generic-snmp');
  });
});
