import { label, type FamilyDescriptor } from './descriptor';
import { snmpSystemFields, trafficChart, uptimeStat } from './generic-snmp';

/** Switches and routers (Cisco IOS and any make answering IF-MIB). */
export const switchFamilyDescriptor: FamilyDescriptor = {
  id: 'switch',
  group: 'switches',
  name: label('Switch / router', 'Commutateur / routeur'),
  kind: 'snmp',
  tile: { source: 'identity', key: 'portsUp', label: label('Ports up', 'Ports actifs') },
  sections: [
    {
      kind: 'identity',
      title: label('System', 'Système'),
      fields: [
        ...snmpSystemFields,
        { key: 'hostname', label: label('Host name', "Nom d'hôte") },
        { key: 'platform', label: label('Platform', 'Plateforme') },
        { key: 'osVersion', label: label('Software version', 'Version logicielle') },
        { key: 'portsUp', label: label('Ports up', 'Ports actifs') },
      ],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'cpu.total', label: label('CPU (1 min)', 'CPU (1 min)'), unit: 'percent' },
        { metric: 'memory.used.percent', label: label('Memory used', 'Mémoire utilisée'), unit: 'percent' },
        { metric: 'ports.up', label: label('Ports up', 'Ports actifs'), unit: 'count' },
        uptimeStat,
      ],
    },
    {
      kind: 'chart',
      title: label('CPU', 'CPU'),
      unit: 'percent',
      series: [
        { metric: 'cpu.5sec', instance: '*', label: label('5 s', '5 s') },
        { metric: 'cpu.1min', instance: '*', label: label('1 min', '1 min') },
        { metric: 'cpu.5min', instance: '*', label: label('5 min', '5 min') },
      ],
    },
    {
      kind: 'chart',
      title: label('Memory pools', 'Pools mémoire'),
      unit: 'bytes',
      series: [{ metric: 'memory.pool.used', instance: '*' }],
    },
    trafficChart,
    {
      kind: 'chart',
      title: label('Port errors', 'Erreurs des ports'),
      unit: 'perSecond',
      series: [
        { metric: 'if.in.errors', instance: '*', label: label('In', 'Entrée') },
        { metric: 'if.out.errors', instance: '*', label: label('Out', 'Sortie') },
      ],
    },
    {
      kind: 'table',
      title: label('Ports', 'Ports'),
      table: 'ports',
      sortBy: 'index',
      filterable: true,
      columns: [
        { key: 'name', label: label('Port', 'Port') },
        { key: 'alias', label: label('Description', 'Description') },
        { key: 'admin', label: label('Admin', 'Admin'), secondary: true },
        { key: 'status', label: label('Status', 'État') },
        { key: 'speed', label: label('Speed', 'Débit'), unit: 'bitsPerSecond' },
        { key: 'inBps', label: label('In', 'Entrée'), unit: 'bitsPerSecond' },
        { key: 'outBps', label: label('Out', 'Sortie'), unit: 'bitsPerSecond' },
        { key: 'inErrors', label: label('In errors/s', 'Erreurs entrée/s'), unit: 'perSecond' },
        { key: 'outErrors', label: label('Out errors/s', 'Erreurs sortie/s'), unit: 'perSecond' },
      ],
    },
    {
      kind: 'table',
      title: label('Memory pools', 'Pools mémoire'),
      table: 'memoryPools',
      columns: [
        { key: 'pool', label: label('Pool', 'Pool') },
        { key: 'size', label: label('Size', 'Taille'), unit: 'bytes' },
        { key: 'used', label: label('Used', 'Utilisé'), unit: 'bytes' },
        { key: 'usedPercent', label: label('Use', 'Utilisation'), unit: 'percent' },
        { key: 'largestFree', label: label('Largest free block', 'Plus grand bloc libre'), unit: 'bytes', secondary: true },
      ],
    },
  ],
};
