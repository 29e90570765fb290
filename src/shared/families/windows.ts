import { label, type FamilyDescriptor } from './descriptor';
import { interfacesTable, trafficChart, uptimeStat } from './generic-snmp';
import { coresChart, coresTable, filesystemsTable, hostIdentityFields, processesTable, watchedTable } from './linux';

/** Windows server over its SNMP service: HOST-RESOURCES and IF-MIB only (no UCD: no load, no CPU split). */
export const windows: FamilyDescriptor = {
  id: 'windows',
  group: 'servers',
  name: label('Windows server', 'Serveur Windows'),
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
        { metric: 'virtual.used.percent', label: label('Virtual memory used', 'Mémoire virtuelle utilisée'), unit: 'percent' },
        { metric: 'processes', label: label('Processes', 'Processus'), unit: 'count' },
        uptimeStat,
      ],
    },
    {
      kind: 'chart',
      title: label('CPU', 'CPU'),
      unit: 'percent',
      series: [{ metric: 'cpu.total', label: label('Total', 'Total') }],
    },
    coresChart,
    {
      kind: 'chart',
      title: label('Memory', 'Mémoire'),
      unit: 'bytes',
      series: [
        { metric: 'memory.used', label: label('Used', 'Utilisée') },
        { metric: 'memory.total', label: label('Total', 'Totale') },
        { metric: 'virtual.used', label: label('Virtual used', 'Virtuelle utilisée') },
      ],
    },
    trafficChart,
    filesystemsTable,
    watchedTable,
    interfacesTable,
    coresTable,
    processesTable,
  ],
};
