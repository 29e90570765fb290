import { label, type FamilyDescriptor } from './descriptor';
import { upsSections, upsTile } from './ups-apc';

export const upsGenericDescriptor: FamilyDescriptor = {
  id: 'ups-generic',
  group: 'ups',
  name: label('UPS (standard UPS-MIB)', 'Onduleur (UPS-MIB standard)'),
  kind: 'snmp',
  tile: upsTile,
  sections: upsSections,
};
