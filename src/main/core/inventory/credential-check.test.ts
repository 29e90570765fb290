import { describe, expect, it } from 'vitest';
import { SnmpSettingsSchema } from '../../../shared/contract/devices';
import { describeMissing, missingSecrets, requiredSecrets } from './credential-check';

const snmp = (o: Record<string, unknown>) => SnmpSettingsSchema.parse(o);

describe('credential check', () => {
  it('knows what each kind of device needs', () => {
    expect(requiredSecrets({ kind: 'snmp', snmp: snmp({ version: '2c' }), vsphere: null })).toEqual([
      'community',
    ]);
    expect(
      requiredSecrets({ kind: 'snmp', snmp: snmp({ version: '3', level: 'authPriv' }), vsphere: null }),
    ).toEqual(['authKey', 'privKey']);
    expect(
      requiredSecrets({ kind: 'snmp', snmp: snmp({ version: '3', level: 'noAuthNoPriv' }), vsphere: null }),
    ).toEqual([]);
    expect(
      requiredSecrets({ kind: 'vsphere', snmp: null, vsphere: { user: 'u', tlsFingerprint: null } }),
    ).toEqual(['password']);
    expect(requiredSecrets({ kind: 'local', snmp: null, vsphere: null })).toEqual([]);
  });

  it('names what a secret lacks', () => {
    const d = { kind: 'snmp' as const, snmp: snmp({ version: '3', level: 'authPriv' }), vsphere: null };
    expect(missingSecrets(d, { authKey: 'authpass123' })).toEqual(['privKey']);
    expect(missingSecrets(d, null)).toEqual(['authKey', 'privKey']);
    expect(describeMissing(['community'])).toBe(
      'Credential missing (SNMP community): edit the device and enter it',
    );
  });
});
