import type { DeviceKind } from '../../shared/kinds/index';
import { em01Source, HTTP_FAMILIES } from './pollers/http';
import { thisComputerFamily } from './pollers/local/family';
import { thisComputerSource } from './pollers/local/this-computer-source';
import { SNMP_FAMILIES } from './pollers/snmp/families';
import { postgresFamily, postgresSource } from './pollers/postgres';
import { mysqlFamily, mysqlSource } from './pollers/mysql';
import { ldapFamily, ldapSource } from './pollers/ldap';
import { snmpSource } from './pollers/snmp/snmp-source';
import type { FamilyModule, Source } from './pollers/source';
import { vsphereFamilyModule } from './pollers/vsphere/family';
import { vsphereSource } from './pollers/vsphere/vsphere-source';

/** Every family and source this build ships. Adding a family module means listing it in its source's index. */
export const DEFAULT_FAMILIES: readonly FamilyModule[] = [
  thisComputerFamily,
  ...SNMP_FAMILIES,
  ...HTTP_FAMILIES,
  vsphereFamilyModule,
  postgresFamily,
  mysqlFamily,
  ldapFamily,
];

/** One Source per kind of device (src/shared/kinds/): a kind without its source does not compile. */
export const DEFAULT_SOURCES: Record<DeviceKind, Source> = {
  local: thisComputerSource,
  snmp: snmpSource,
  http: em01Source,
  vsphere: vsphereSource,
  postgres: postgresSource,
  mysql: mysqlSource,
  ldap: ldapSource,
};
