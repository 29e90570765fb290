import { label, type FamilyDescriptor } from './descriptor';
import { interfacesTable, snmpSystemFields, trafficChart, uptimeStat } from './generic-snmp';
import { coresChart } from './linux';

/** A standalone ESXi host read over SNMP (fallback when no vSphere API credentials are given). */
export const esxiSnmp: FamilyDescriptor = {
  id: 'esxi-snmp',
  group: 'vmware',
  name: label('ESXi host (SNMP)', 'Hôte ESXi (SNMP)'),
  kind: 'snmp',
  tile: { source: 'identity', key: 'vms', label: label('VMs on', 'VM allumées') },
  sections: [
    {
      kind: 'identity',
      title: label('Host', 'Hôte'),
      fields: [
        ...snmpSystemFields,
        { key: 'product', label: label('Product', 'Produit') },
        { key: 'version', label: label('Version', 'Version') },
        { key: 'build', label: label('Build', 'Build') },
        { key: 'cores', label: label('CPUs', 'Processeurs'), format: 'number', unit: 'count' },
        { key: 'memorySize', label: label('Memory', 'Mémoire'), unit: 'bytes' },
        { key: 'vms', label: label('VMs powered on', 'VM allumées') },
      ],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
        { metric: 'memory.used.percent', label: label('Memory used', 'Mémoire utilisée'), unit: 'percent' },
        { metric: 'vms.on', label: label('VMs on', 'VM allumées'), unit: 'count' },
        { metric: 'vms.total', label: label('VMs', 'VM'), unit: 'count' },
        uptimeStat,
      ],
    },
    { kind: 'chart', title: label('CPU', 'CPU'), unit: 'percent', series: [{ metric: 'cpu.total', label: label('Total', 'Total') }] },
    coresChart,
    {
      kind: 'chart',
      title: label('Memory', 'Mémoire'),
      unit: 'bytes',
      series: [
        { metric: 'memory.used', label: label('Used', 'Utilisée') },
        { metric: 'memory.total', label: label('Total', 'Totale') },
      ],
    },
    trafficChart,
    {
      kind: 'table',
      title: label('Virtual machines', 'Machines virtuelles'),
      table: 'vms',
      sortBy: 'name',
      filterable: true,
      columns: [
        { key: 'name', label: label('Name', 'Nom') },
        { key: 'power', label: label('Power', 'Alimentation') },
        { key: 'tools', label: label('VMware Tools', 'VMware Tools') },
        { key: 'cpus', label: label('vCPUs', 'vCPU'), format: 'number', unit: 'count' },
        { key: 'memory', label: label('Memory', 'Mémoire'), unit: 'bytes' },
        { key: 'guestOs', label: label('Guest OS', 'Système invité'), secondary: true },
      ],
    },
    {
      kind: 'table',
      title: label('Datastores', 'Banques de données'),
      table: 'datastores',
      sortBy: 'freePercent',
      columns: [
        { key: 'name', label: label('Datastore', 'Banque de données') },
        { key: 'size', label: label('Capacity', 'Capacité'), unit: 'bytes' },
        { key: 'used', label: label('Used', 'Utilisé'), unit: 'bytes' },
        { key: 'free', label: label('Free', 'Libre'), unit: 'bytes' },
        { key: 'freePercent', label: label('Free %', 'Libre %'), unit: 'percent' },
      ],
    },
    interfacesTable,
  ],
};
