import type { DeviceConfig, DeviceSecret } from '../../../shared/contract/devices';
import { kindDefinition, ownSettings } from '../../../shared/kinds/index';

type Credentialed = Pick<DeviceConfig, 'kind'> & Partial<DeviceConfig>;

/** The secret fields a device cannot be polled without (an export leaves them all out). */
export function requiredSecrets(d: Credentialed): (keyof DeviceSecret)[] {
  return kindDefinition(d.kind).requiredSecrets(ownSettings(d));
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
