import { label, type FamilyDescriptor } from './descriptor';
import { interfacesTable, trafficChart, uptimeStat } from './generic-snmp';
import { cpuChart, diskIoChart, disksTable, filesystemsTable, hostIdentityFields, loadChart, memoryChart } from './linux';

/** Barracuda CloudGen (NG) Firewall: firewall sessions and the Linux host figures of the appliance. */
export const barracudaNgDescriptor: FamilyDescriptor = {
  id: 'barracuda-ng',
  group: 'security',
  name: label('Barracuda CloudGen Firewall', 'Pare-feu Barracuda CloudGen'),
  kind: 'snmp',
  tile: { source: 'metric', metric: 'firewall.sessions', label: label('Sessions', 'Sessions'), unit: 'count' },
  sections: [
    {
      kind: 'identity',
      title: label('Firewall', 'Pare-feu'),
      fields: [...hostIdentityFields, { key: 'firewallSessions', label: label('Firewall sessions', 'Sessions du pare-feu'), format: 'number', unit: 'count' }],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'firewall.sessions', label: label('Firewall sessions', 'Sessions du pare-feu'), unit: 'count' },
        { metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
        { metric: 'memory.used.percent', label: label('Memory used', 'Mémoire utilisée'), unit: 'percent' },
        { metric: 'load.15', label: label('Load 15 min', 'Charge 15 min'), unit: 'ratio' },
        uptimeStat,
      ],
    },
    {
      kind: 'chart',
      title: label('Firewall sessions', 'Sessions du pare-feu'),
      unit: 'count',
      series: [{ metric: 'firewall.sessions', label: label('Sessions', 'Sessions') }],
    },
    cpuChart,
    memoryChart,
    loadChart,
    trafficChart,
    diskIoChart,
    filesystemsTable,
    disksTable,
    interfacesTable,
  ],
};
