import { label, type FamilyDescriptor } from './descriptor';
import { interfacesTable, snmpSystemFields, trafficChart, uptimeStat } from './generic-snmp';

/** Cisco Aironet autonomous access point: clients per radio, radio traffic, CPU and memory. */
export const aironetDescriptor: FamilyDescriptor = {
  id: 'aironet',
  group: 'wireless',
  name: label('Cisco Aironet access point', "Point d'accès Cisco Aironet"),
  kind: 'snmp',
  tile: { source: 'metric', metric: 'ap.clients', label: label('Clients', 'Clients'), unit: 'count' },
  sections: [
    {
      kind: 'identity',
      title: label('Access point', "Point d'accès"),
      fields: [...snmpSystemFields, { key: 'osVersion', label: label('IOS version', 'Version IOS') }, { key: 'radios', label: label('Radios', 'Radios'), format: 'number', unit: 'count' }],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'ap.clients', label: label('Clients', 'Clients'), unit: 'count' },
        { metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
        { metric: 'memory.used.percent', label: label('Memory used', 'Mémoire utilisée'), unit: 'percent' },
        uptimeStat,
      ],
    },
    {
      kind: 'chart',
      title: label('Clients per radio', 'Clients par radio'),
      unit: 'count',
      series: [{ metric: 'ap.radio.clients', instance: '*' }],
    },
    trafficChart,
    {
      kind: 'chart',
      title: label('CPU and memory', 'CPU et mémoire'),
      unit: 'percent',
      series: [
        { metric: 'cpu.total', label: label('CPU', 'CPU') },
        { metric: 'memory.used.percent', label: label('Memory', 'Mémoire') },
      ],
    },
    {
      kind: 'table',
      title: label('Radios', 'Radios'),
      table: 'radios',
      sortBy: 'name',
      columns: [
        { key: 'name', label: label('Radio', 'Radio') },
        { key: 'status', label: label('Status', 'État') },
        { key: 'clients', label: label('Clients', 'Clients'), format: 'number', unit: 'count' },
        { key: 'speed', label: label('Speed', 'Débit'), unit: 'bitsPerSecond', secondary: true },
        { key: 'inBps', label: label('In', 'Entrée'), unit: 'bitsPerSecond' },
        { key: 'outBps', label: label('Out', 'Sortie'), unit: 'bitsPerSecond' },
      ],
    },
    interfacesTable,
  ],
};
