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
    {
      kind: 'identity',
      title: label('Hardware health', 'Santé matérielle'),
      fields: [
        // A code the page words (enum-labels.ts): the agent's ENTITY-SENSOR-MIB, a vCenter, or none with how to get them.
        { key: 'sensorsSource', label: label('Sensors from', 'Capteurs lus par') },
        { key: 'sensorsVcenter', label: label('vCenter', 'vCenter'), format: 'text' },
      ],
    },
    {
      kind: 'table',
      title: label('Hardware sensors', 'Capteurs matériels'),
      table: 'sensors',
      // Problems first.
      sortBy: 'status',
      sortDesc: true,
      filterable: true,
      stateColumn: 'status',
      columns: [
        { key: 'sensor', label: label('Sensor', 'Capteur') },
        { key: 'type', label: label('Type', 'Type') },
        // One column per quantity with its unit, formatted in the user's locale; the page hides empty ones.
        { key: 'temperature', label: label('Temperature', 'Température'), unit: 'celsius' },
        { key: 'voltage', label: label('Voltage', 'Tension'), unit: 'volts' },
        { key: 'current', label: label('Current', 'Courant'), unit: 'amperes' },
        { key: 'power', label: label('Power', 'Puissance'), unit: 'watts' },
        { key: 'frequency', label: label('Frequency', 'Fréquence'), unit: 'hertz' },
        // RPM, %RH, CFM and the host's own words have no unit of ours: the number with its unit beside it.
        { key: 'reading', label: label('Other reading', 'Autre valeur') },
        { key: 'unit', label: label('Unit', 'Unité'), format: 'text' },
        { key: 'status', label: label('Status', 'État'), format: 'state' },
      ],
    },
    {
      kind: 'chart',
      title: label('Hardware temperatures', 'Températures matérielles'),
      unit: 'celsius',
      series: [{ metric: 'sensor.temperature', instance: '*' }],
    },
    interfacesTable,
  ],
};
