import { label, type ChartSection, type FamilyDescriptor, type FieldSpec, type TableSection } from './descriptor';
import { interfacesTable, snmpSystemFields, trafficChart, uptimeStat } from './generic-snmp';

/**
 * Linux / UNIX host over SNMP (net-snmp agent). The host sections are exported for the other host families
 * (Windows, ESXi over SNMP, appliances built on net-snmp).
 */
export const hostIdentityFields: FieldSpec[] = [
  ...snmpSystemFields,
  { key: 'cores', label: label('CPUs', 'Processeurs'), format: 'number', unit: 'count' },
  { key: 'memorySize', label: label('Memory', 'Mémoire'), unit: 'bytes' },
  { key: 'processes', label: label('Processes', 'Processus'), format: 'number', unit: 'count' },
  { key: 'users', label: label('Users', 'Utilisateurs'), format: 'number', unit: 'count' },
];

export const cpuChart: ChartSection = {
  kind: 'chart',
  title: label('CPU', 'CPU'),
  unit: 'percent',
  series: [
    { metric: 'cpu.total', label: label('Total', 'Total') },
    { metric: 'cpu.user', label: label('User', 'Utilisateur') },
    { metric: 'cpu.system', label: label('System', 'Système') },
    { metric: 'cpu.iowait', label: label('I/O wait', 'Attente E/S') },
    { metric: 'cpu.steal', label: label('Steal', 'Volé') },
  ],
};

export const coresChart: ChartSection = {
  kind: 'chart',
  title: label('CPU per core', 'CPU par cœur'),
  unit: 'percent',
  series: [{ metric: 'cpu.core', instance: '*' }],
};

export const loadChart: ChartSection = {
  kind: 'chart',
  title: label('Load average', 'Charge moyenne'),
  unit: 'ratio',
  series: [
    { metric: 'load.1', label: label('1 min', '1 min') },
    { metric: 'load.5', label: label('5 min', '5 min') },
    { metric: 'load.15', label: label('15 min', '15 min') },
  ],
};

export const memoryChart: ChartSection = {
  kind: 'chart',
  title: label('Memory', 'Mémoire'),
  unit: 'bytes',
  series: [
    { metric: 'memory.used', label: label('Used', 'Utilisée') },
    { metric: 'memory.cached', label: label('Cached', 'Cache') },
    { metric: 'memory.buffers', label: label('Buffers', 'Tampons') },
    { metric: 'memory.total', label: label('Total', 'Totale') },
    { metric: 'swap.used', label: label('Swap used', 'Swap utilisé') },
  ],
};

export const diskIoChart: ChartSection = {
  kind: 'chart',
  title: label('Disk I/O', 'E/S disque'),
  unit: 'bytesPerSecond',
  series: [
    { metric: 'disk.read.bps', instance: '*', label: label('Read', 'Lecture') },
    { metric: 'disk.write.bps', instance: '*', label: label('Write', 'Écriture') },
  ],
};

export const filesystemsTable: TableSection = {
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
    { key: 'free', label: label('Free', 'Libre'), unit: 'bytes', secondary: true },
    { key: 'usedPercent', label: label('Use', 'Utilisation'), unit: 'percent' },
  ],
};

export const disksTable: TableSection = {
  kind: 'table',
  title: label('Disk I/O', 'E/S disque'),
  table: 'disks',
  sortBy: 'device',
  columns: [
    { key: 'device', label: label('Device', 'Périphérique') },
    { key: 'readBps', label: label('Read', 'Lecture'), unit: 'bytesPerSecond' },
    { key: 'writeBps', label: label('Write', 'Écriture'), unit: 'bytesPerSecond' },
    { key: 'readOps', label: label('Reads/s', 'Lectures/s'), unit: 'perSecond', secondary: true },
    { key: 'writeOps', label: label('Writes/s', 'Écritures/s'), unit: 'perSecond', secondary: true },
  ],
};

export const coresTable: TableSection = {
  kind: 'table',
  title: label('Processors', 'Processeurs'),
  table: 'cores',
  sortBy: 'core',
  columns: [
    { key: 'core', label: label('Core', 'Cœur'), format: 'number' },
    { key: 'load', label: label('Load', 'Charge'), unit: 'percent' },
  ],
};

export const watchedTable: TableSection = {
  kind: 'table',
  title: label('Watched processes', 'Processus surveillés'),
  table: 'watched',
  sortBy: 'name',
  stateColumn: 'state',
  columns: [
    { key: 'name', label: label('Process', 'Processus') },
    { key: 'state', label: label('State', 'État'), format: 'state' },
    { key: 'running', label: label('Running', 'En cours'), format: 'number', unit: 'count' },
    { key: 'cpu', label: label('CPU', 'CPU'), unit: 'percent' },
    { key: 'memory', label: label('Memory', 'Mémoire'), unit: 'bytes' },
  ],
};

export const processesTable: TableSection = {
  kind: 'table',
  title: label('Processes', 'Processus'),
  table: 'processes',
  sortBy: 'cpu',
  sortDesc: true,
  filterable: true,
  columns: [
    { key: 'pid', label: label('PID', 'PID'), format: 'number' },
    { key: 'name', label: label('Name', 'Nom') },
    { key: 'path', label: label('Path', 'Chemin'), secondary: true },
    { key: 'status', label: label('Status', 'État'), secondary: true },
    { key: 'cpu', label: label('CPU', 'CPU'), unit: 'percent' },
    { key: 'memory', label: label('Memory', 'Mémoire'), unit: 'bytes' },
  ],
};

export const linux: FamilyDescriptor = {
  id: 'linux',
  group: 'servers',
  name: label('Linux / UNIX server', 'Serveur Linux / UNIX'),
  kind: 'snmp',
  tile: { source: 'metric', metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
  sections: [
    { kind: 'identity', title: label('System', 'Système'), fields: hostIdentityFields },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
        { metric: 'memory.used.percent', label: label('Memory used', 'Mémoire utilisée'), unit: 'percent' },
        { metric: 'swap.used.percent', label: label('Swap used', 'Swap utilisé'), unit: 'percent' },
        { metric: 'load.1', label: label('Load 1 min', 'Charge 1 min'), unit: 'ratio' },
        { metric: 'load.15', label: label('Load 15 min', 'Charge 15 min'), unit: 'ratio' },
        { metric: 'processes', label: label('Processes', 'Processus'), unit: 'count' },
        uptimeStat,
      ],
    },
    cpuChart,
    coresChart,
    loadChart,
    memoryChart,
    diskIoChart,
    trafficChart,
    filesystemsTable,
    watchedTable,
    disksTable,
    interfacesTable,
    coresTable,
    processesTable,
  ],
};
