import type { DeviceConfig, DeviceSecret } from '../../../shared/contract/devices';

type Credentialed = Pick<DeviceConfig, 'kind' | 'snmp' | 'vsphere'>;

/** The secret fields a device cannot be polled without (an export leaves them all out). */
export function requiredSecrets(d: Credentialed): (keyof DeviceSecret)[] {
  if (d.kind === 'vsphere') return ['password'];
  if (d.kind !== 'snmp' || !d.snmp) return [];
  if (d.snmp.version !== '3') return ['community'];
  if (d.snmp.level === 'authPriv') return ['authKey', 'privKey'];
  return d.snmp.level === 'authNoPriv' ? ['authKey'] : [];
}

/** Which required fields `secret` lacks. */
export function missingSecrets(
  d: Credentialed,
  secret: DeviceSecret | null | undefined,
): (keyof DeviceSecret)[] {
  return requiredSecrets(d).filter((k) => !secret?.[k]);
}

const FIELD_LABEL: Record<keyof DeviceSecret, string> = {
  community: 'SNMP community',
  authKey: 'SNMPv3 authentication key',
  privKey: 'SNMPv3 privacy key',
  password: 'password',
};

export function describeMissing(fields: readonly (keyof DeviceSecret)[]): string {
  return `Credential missing (${fields.map((f) => FIELD_LABEL[f]).join(', ')}): edit the device and enter it`;
}
