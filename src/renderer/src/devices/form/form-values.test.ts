import { describe, expect, it } from 'vitest';
import { DeviceInputSchema, type DeviceConfig } from '../../../../shared/contract/devices';
import { emptyForm, formFromConfig, issuesToFields, missingSecret, toDeviceInput } from './form-values';

const config: DeviceConfig = {
  id: 'fas1',
  name: 'fas1',
  kind: 'snmp',
  family: 'netapp',
  host: '10.0.0.5',
  port: 1161,
  intervalSeconds: 120,
  enabled: true,
  snmp: {
    version: '3',
    timeoutMs: 3000,
    retries: 2,
    user: 'monitor',
    level: 'authPriv',
    authProtocol: 'sha256',
    privProtocol: 'aes',
    context: '',
  },
  vsphere: null,
  http: null,
  watchedProcesses: [],
  parentId: null,
  hasSecret: true,
  detectedFamily: null,
  createdAt: 1,
};

describe('device form values', () => {
  it('round-trips a stored device without sending any secret (empty means keep)', () => {
    const input = toDeviceInput(formFromConfig(config));
    expect(input.secret).toBeUndefined();
    expect(input.snmp).toEqual(config.snmp);
    expect(input.port).toBe(1161);
    expect(DeviceInputSchema.safeParse(input).success).toBe(true);
  });

  it('sends only the secrets typed, and only those the chosen settings use', () => {
    const v2 = {
      ...emptyForm('snmp'),
      name: 'sw',
      host: 'sw.lab',
      community: 'public',
      authKey: 'leftover-key',
    };
    expect(toDeviceInput(v2).secret).toEqual({ community: 'public' });
    const v3 = {
      ...v2,
      snmpVersion: '3' as const,
      v3User: 'u',
      level: 'authNoPriv' as const,
      privKey: 'unused-key',
    };
    expect(toDeviceInput(v3).secret).toEqual({ authKey: 'leftover-key' });
    const vc = {
      ...emptyForm('vsphere'),
      name: 'vc',
      host: 'vc.lab',
      vsphereUser: 'admin',
      password: 'pw',
      community: 'x',
    };
    const input = toDeviceInput(vc);
    expect(input.secret).toEqual({ password: 'pw' });
    expect(input.snmp).toBeNull();
    expect(input.vsphere).toEqual({ user: 'admin', tlsFingerprint: null, vmHistory: 'auto' });
    expect(DeviceInputSchema.safeParse(input).success).toBe(true);
  });

  it('produces valid requests for every kind from a fresh form', () => {
    for (const kind of ['snmp', 'vsphere', 'http'] as const) {
      const v = { ...emptyForm(kind), name: 'n', host: '192.0.2.1', vsphereUser: 'u' };
      const parsed = DeviceInputSchema.safeParse(toDeviceInput(v));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('maps issue paths of add, update and test to fields, keeping the rest', () => {
    const { fields, other } = issuesToFields([
      { path: 'host', message: 'not a valid host name or IP address' },
      { path: 'device.snmp.user', message: 'required' },
      { path: 'device.secret.authKey', message: 'at least 8 characters' },
      { path: 'watchedProcesses.3', message: 'too long' },
      { path: 'weird', message: 'odd' },
      { path: '', message: 'whole form' },
    ]);
    expect(fields).toEqual({
      host: 'not a valid host name or IP address',
      v3User: 'required',
      authKey: 'at least 8 characters',
      watchedProcesses: 'too long',
    });
    expect(other).toEqual(['weird: odd', 'whole form']);
  });

  it('asks for the secret a new device cannot work without', () => {
    expect(missingSecret({ ...emptyForm('snmp') }, false)).toBe('community');
    expect(missingSecret({ ...emptyForm('snmp') }, true)).toBeNull();
    expect(missingSecret({ ...emptyForm('snmp'), snmpVersion: '3', authKey: '12345678' }, false)).toBe(
      'privKey',
    );
    expect(missingSecret({ ...emptyForm('vsphere') }, false)).toBe('password');
    expect(missingSecret({ ...emptyForm('http') }, false)).toBeNull();
  });
});

describe('a kind drawn from its declared fields (postgres)', () => {
  it('sends the nested settings the contract accepts, leaving emptied fields to their defaults', () => {
    const v = { ...emptyForm('postgres'), name: 'db', host: '127.0.0.1', password: 'pw' };
    expect(v.service).toMatchObject({ user: 'postgres', database: 'postgres', 'tls.mode': 'none', timeoutMs: 5000 });
    const input = toDeviceInput({ ...v, service: { ...v.service, user: ' vigie ', 'tls.mode': 'verify', 'tls.caFile': '/ca.pem', 'tls.certFile': '' } });
    const parsed = DeviceInputSchema.parse(input);
    expect(parsed.postgres).toEqual({ user: 'vigie', database: 'postgres', tls: { mode: 'verify', caFile: '/ca.pem', certFile: null, keyFile: null }, timeoutMs: 5000 });
    expect(parsed.secret).toEqual({ password: 'pw' });
  });

  it('maps an issue on a nested settings field to that field', () => {
    expect(issuesToFields([{ path: 'device.postgres.tls.caFile', message: 'a CA file is needed' }]).fields).toEqual({ 'service.tls.caFile': 'a CA file is needed' });
  });
});
