import { label, type FamilyDescriptor } from './descriptor';

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
        { key: 'cores', label: label('Logical CPUs', 'Processeurs logiques'), format: 'number' },
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
        { metric: 'load.1', label: label('Load 1 min', 'Charge 1 min'), unit: '' },
        { metric: 'uptime', label: label('Uptime', 'Durée de fonctionnement'), unit: 'seconds' },
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
    {
      kind: 'chart',
      title: label('Memory', 'Mémoire'),
      unit: 'bytes',
      series: [
        { metric: 'memory.used', label: label('Used', 'Utilisée') },
        { metric: 'memory.total', label: label('Total', 'Totale') },
        { metric: 'swap.used', label: label('Swap used', 'Swap utilisé') },
      ],
    },
    {
      kind: 'chart',
      title: label('Load average', 'Charge moyenne'),
      unit: '',
      series: [
        { metric: 'load.1', label: label('1 min', '1 min') },
        { metric: 'load.5', label: label('5 min', '5 min') },
        { metric: 'load.15', label: label('15 min', '15 min') },
      ],
    },
    {
      kind: 'chart',
      title: label('Network traffic', 'Trafic réseau'),
      unit: 'bitsPerSecond',
      series: [
        { metric: 'if.in.bps', instance: '*', label: label('In', 'Entrée') },
        { metric: 'if.out.bps', instance: '*', label: label('Out', 'Sortie') },
      ],
    },
    {
      kind: 'table',
      title: label('Filesystems', 'Systèmes de fichiers'),
      table: 'filesystems',
      sortBy: 'usedPercent',
      sortDesc: true,
      columns: [
        { key: 'mount', label: label('Mount point', 'Point de montage') },
        { key: 'type', label: label('Type', 'Type'), secondary: true },
        { key: 'size', label: label('Size', 'Taille'), unit: 'bytes' },
        { key: 'used', label: label('Used', 'Utilisé'), unit: 'bytes' },
        { key: 'usedPercent', label: label('Use', 'Utilisation'), unit: 'percent' },
      ],
    },
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
