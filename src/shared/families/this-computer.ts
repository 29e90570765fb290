import { label, type FamilyDescriptor } from './descriptor';
import { trafficChart, uptimeStat } from './generic-snmp';
import { filesystemsTable, loadChart, memoryChart } from './linux';

export const thisComputer: FamilyDescriptor = {
  id: 'this-computer',
  group: 'workstation',
  name: label('This computer', 'Cet ordinateur'),
  kind: 'local',
  tile: { source: 'metric', metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
  sections: [
    {
      kind: 'identity',
      title: label('System', 'Système'),
      fields: [
        { key: 'hostname', label: label('Host name', "Nom d'hôte") },
        { key: 'os', label: label('Operating system', "Système d'exploitation") },
        { key: 'cpuModel', label: label('Processor', 'Processeur') },
        { key: 'cores', label: label('Logical CPUs', 'Processeurs logiques'), format: 'number', unit: 'count' },
        { key: 'bootTime', label: label('Booted', 'Démarré le'), format: 'date' },
      ],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
        { metric: 'memory.used.percent', label: label('Memory used', 'Mémoire utilisée'), unit: 'percent' },
        { metric: 'swap.used.percent', label: label('Swap used', 'Swap utilisé'), unit: 'percent' },
        { metric: 'load.1', label: label('Load 1 min', 'Charge 1 min'), unit: 'ratio' },
        uptimeStat,
      ],
    },
    {
      kind: 'chart',
      title: label('CPU', 'CPU'),
      unit: 'percent',
      series: [
        { metric: 'cpu.total', label: label('Total', 'Total') },
        { metric: 'cpu.core', instance: '*', label: label('Core', 'Cœur') },
      ],
    },
    memoryChart,
    loadChart,
    trafficChart,
    filesystemsTable,
    {
      kind: 'table',
      title: label('Network interfaces', 'Interfaces réseau'),
      table: 'interfaces',
      columns: [
        { key: 'name', label: label('Interface', 'Interface') },
        { key: 'status', label: label('Status', 'État') },
        { key: 'inBps', label: label('In', 'Entrée'), unit: 'bitsPerSecond' },
        { key: 'outBps', label: label('Out', 'Sortie'), unit: 'bitsPerSecond' },
      ],
    },
  ],
};
