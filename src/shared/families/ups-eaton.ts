import { label, type FamilyDescriptor } from './descriptor';
import { upsSections, upsTile } from './ups-apc';

export const upsEatonDescriptor: FamilyDescriptor = {
  id: 'ups-eaton',
  group: 'ups',
  name: label('Eaton UPS (XUPS-MIB)', 'Onduleur Eaton (XUPS-MIB)'),
  kind: 'snmp',
  tile: upsTile,
  sections: upsSections,
};
