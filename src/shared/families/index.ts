import type { FamilyDescriptor } from './descriptor';
import { aironetDescriptor } from './aironet';
import { airportDescriptor } from './airport';
import { barracudaNgDescriptor } from './barracuda-ng';
import { barracudaSpamDescriptor } from './barracuda-spam';
import { netappDescriptor } from './netapp';
import { postgresDescriptor } from './postgres';
import { mysqlDescriptor } from './mysql';
import { ldapDescriptor } from './ldap';
import { sensorAkcpDescriptor } from './sensor-akcp';
import { sensorApcDescriptor } from './sensor-apc';
import { sensorEm01Descriptor } from './sensor-em01';
import { upsApcDescriptor } from './ups-apc';
import { upsEatonDescriptor } from './ups-eaton';
import { upsGenericDescriptor } from './ups-generic';
import { upsMgeDescriptor } from './ups-mge';
import { esxiSnmp } from './esxi-snmp';
import { genericSnmp } from './generic-snmp';
import { linux } from './linux';
import { switchFamilyDescriptor } from './switch';
import { thisComputer } from './this-computer';
import { vsphereFamily } from './vsphere';
import { windows } from './windows';

/**
 * Every family the renderer can draw. One line per family: import its descriptor file and list it here.
 * The core pairs each descriptor with its poller and default rules (src/main/core/families.ts).
 */
export const FAMILY_DESCRIPTORS: readonly FamilyDescriptor[] = [
  thisComputer,
  vsphereFamily,
  linux,
  windows,
  switchFamilyDescriptor,
  esxiSnmp,
  aironetDescriptor,
  airportDescriptor,
  barracudaNgDescriptor,
  barracudaSpamDescriptor,
  netappDescriptor,
  sensorAkcpDescriptor,
  sensorApcDescriptor,
  sensorEm01Descriptor,
  upsApcDescriptor,
  upsEatonDescriptor,
  upsMgeDescriptor,
  upsGenericDescriptor,
  postgresDescriptor,
  mysqlDescriptor,
  ldapDescriptor,
  genericSnmp,
];

const byId = new Map(FAMILY_DESCRIPTORS.map((d) => [d.id, d]));

export function familyDescriptor(id: string): FamilyDescriptor | undefined {
  return byId.get(id);
}

export * from './descriptor';
