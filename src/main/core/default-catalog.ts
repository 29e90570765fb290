import { em01Source, HTTP_FAMILIES } from './pollers/http';
import { thisComputerFamily } from './pollers/local/family';
import { thisComputerSource } from './pollers/local/this-computer-source';
import { SNMP_FAMILIES } from './pollers/snmp/families';
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
];

export const DEFAULT_SOURCES: Partial<Record<Source['kind'], Source>> = {
  local: thisComputerSource,
  snmp: snmpSource,
  http: em01Source,
  vsphere: vsphereSource,
};
