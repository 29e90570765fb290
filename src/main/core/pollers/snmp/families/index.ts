import type { SnmpFamily } from '../family';
import { aironet } from './aironet';
import { airport } from './airport';
import { barracudaNg } from './barracuda-ng';
import { barracudaSpam } from './barracuda-spam';
import { netapp } from './netapp';
import { sensorAkcp } from './sensor-akcp';
import { sensorApc } from './sensor-apc';
import { upsApc } from './ups-apc';
import { upsEaton } from './ups-eaton';
import { upsGeneric } from './ups-generic';
import { upsMge } from './ups-mge';
import { esxiSnmpFamily } from './esxi-snmp';
import { genericSnmpFamily } from './generic-snmp';
import { linuxFamily } from './linux';
import { switchFamily } from './switch';
import { windowsFamily } from './windows';

/**
 * Every SNMP family, one line each. Detection asks them all and keeps the best score (ties: the first listed);
 * see the score scale in ../family.ts. The generic family (score 1) stays last.
 */
export const SNMP_FAMILIES: SnmpFamily[] = [
  linuxFamily,
  windowsFamily,
  switchFamily,
  esxiSnmpFamily,
  aironet,
  airport,
  barracudaNg,
  barracudaSpam,
  netapp,
  sensorAkcp,
  sensorApc,
  upsApc,
  upsEaton,
  upsMge,
  upsGeneric,
  genericSnmpFamily,
];

export function snmpFamily(id: string): SnmpFamily | undefined {
  return SNMP_FAMILIES.find((f) => f.descriptor.id === id);
}
