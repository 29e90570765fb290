import { label, type FamilyDescriptor } from '../../src/shared/families/descriptor';

/** A family the renderer has no descriptor for: its page must still show everything, generically. */
export const futureFamily: FamilyDescriptor = {
  id: 'future-appliance',
  group: 'security',
  name: label('Future appliance', 'Appareil futur'),
  kind: 'snmp',
  tile: { source: 'metric', metric: 'sessions', label: label('Sessions', 'Sessions'), unit: 'count' },
  sections: [
    {
      kind: 'identity',
      title: label('x', 'x'),
      fields: [
        { key: 'firmware', label: label('x', 'x') },
        { key: 'serial', label: label('x', 'x') },
      ],
    },
    { kind: 'chart', title: label('x', 'x'), unit: 'count', series: [{ metric: 'sessions' }] },
    {
      kind: 'table',
      title: label('x', 'x'),
      table: 'tunnels',
      columns: [
        { key: 'peer', label: label('x', 'x') },
        { key: 'bytes', label: label('x', 'x'), unit: 'bytes' },
      ],
    },
  ],
};
