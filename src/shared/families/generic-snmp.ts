import { label, type ChartSection, type FamilyDescriptor, type FieldSpec, type StatsSection, type TableSection } from './descriptor';

/**
 * Any SNMP agent: the system group and IF-MIB. The sections below are shared by every SNMP family's page
 * (import them rather than redefining them): the identity fields every SNMP poll fills (sysName, sysDescr,
 * sysObjectID, sysLocation, sysContact) and the interfaces chart and table filled by collectInterfaces().
 */
export const snmpSystemFields: FieldSpec[] = [
  { key: 'sysName', label: label('Name', 'Nom') },
  { key: 'sysDescr', label: label('Description', 'Description') },
  { key: 'sysObjectID', label: label('Object ID', 'Identifiant objet') },
  { key: 'sysLocation', label: label('Location', 'Emplacement') },
  { key: 'sysContact', label: label('Contact', 'Contact') },
];

export const uptimeStat: StatsSection['items'][number] = { metric: 'uptime', label: label('Uptime', 'Durée de fonctionnement'), unit: 'seconds' };

export const trafficChart: ChartSection = {
  kind: 'chart',
  title: label('Network traffic', 'Trafic réseau'),
  unit: 'bitsPerSecond',
  series: [
    { metric: 'if.in.bps', instance: '*', label: label('In', 'Entrée') },
    { metric: 'if.out.bps', instance: '*', label: label('Out', 'Sortie') },
  ],
};

export const interfacesTable: TableSection = {
  kind: 'table',
  title: label('Network interfaces', 'Interfaces réseau'),
  table: 'interfaces',
  sortBy: 'index',
  filterable: true,
  columns: [
    { key: 'name', label: label('Interface', 'Interface') },
    { key: 'alias', label: label('Alias', 'Alias'), secondary: true },
    { key: 'status', label: label('Status', 'État') },
    { key: 'speed', label: label('Speed', 'Débit'), unit: 'bitsPerSecond' },
    { key: 'inBps', label: label('In', 'Entrée'), unit: 'bitsPerSecond' },
    { key: 'outBps', label: label('Out', 'Sortie'), unit: 'bitsPerSecond' },
    { key: 'inErrors', label: label('In errors/s', 'Erreurs entrée/s'), unit: 'perSecond', secondary: true },
    { key: 'outErrors', label: label('Out errors/s', 'Erreurs sortie/s'), unit: 'perSecond', secondary: true },
  ],
};

export const genericSnmp: FamilyDescriptor = {
  id: 'generic-snmp',
  group: 'servers',
  name: label('SNMP device', 'Équipement SNMP'),
  kind: 'snmp',
  tile: { source: 'metric', metric: 'uptime', label: label('Uptime', 'Durée de fonctionnement'), unit: 'seconds' },
  sections: [
    { kind: 'identity', title: label('System', 'Système'), fields: snmpSystemFields },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        uptimeStat,
        { metric: 'if.count.up', label: label('Interfaces up', 'Interfaces actives'), unit: 'count' },
      ],
    },
    trafficChart,
    interfacesTable,
  ],
};
