import { label, type FamilyDescriptor } from './descriptor';
import { sensorSections, sensorTile } from './sensor-apc';

export const sensorAkcpDescriptor: FamilyDescriptor = {
  id: 'sensor-akcp',
  group: 'environment',
  name: label('AKCP sensorProbe', 'AKCP sensorProbe'),
  kind: 'snmp',
  tile: sensorTile,
  sections: sensorSections,
};
