import { label, type FamilyDescriptor } from './descriptor';
import { upsSections, upsTile } from './ups-apc';

export const upsMgeDescriptor: FamilyDescriptor = {
  id: 'ups-mge',
  group: 'ups',
  name: label('MGE UPS (MG-SNMP-UPS-MIB)', 'Onduleur MGE (MG-SNMP-UPS-MIB)'),
  kind: 'snmp',
  tile: upsTile,
  sections: upsSections,
};
