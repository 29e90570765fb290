import { PollError, type DeviceTarget } from '../source';
import type { SnmpTargetOptions } from './session/types';

export const DEFAULT_SNMP_PORT = 161;

/**
 * What the session needs, from the device's settings and its secret. v1/v2c without a stored community use
 * "public" (the agents' factory default); SNMPv3 keys must be there for the level asked.
 */
export function targetOptions(target: DeviceTarget): SnmpTargetOptions {
  const { device, secret } = target;
  const snmp = device.snmp;
  if (!snmp) throw new PollError('internal', `Device ${device.name} has no SNMP settings`);
  const base = {
    host: device.host,
    port: device.port ?? DEFAULT_SNMP_PORT,
    timeoutMs: snmp.timeoutMs,
    retries: snmp.retries,
  };
  if (snmp.version !== '3') return { ...base, version: snmp.version, community: secret?.community ?? 'public' };
  if (!snmp.user) throw new PollError('auth', 'SNMPv3 needs a user name');
  if (snmp.level !== 'noAuthNoPriv' && !secret?.authKey) throw new PollError('secrets', 'SNMPv3 authentication key not set');
  if (snmp.level === 'authPriv' && !secret?.privKey) throw new PollError('secrets', 'SNMPv3 privacy key not set');
  return {
    ...base,
    version: '3',
    v3: {
      user: snmp.user,
      level: snmp.level,
      authProtocol: snmp.authProtocol,
      privProtocol: snmp.privProtocol,
      ...(secret?.authKey ? { authKey: secret.authKey } : {}),
      ...(secret?.privKey ? { privKey: secret.privKey } : {}),
      context: snmp.context,
    },
  };
}
