import { label, type FamilyDescriptor } from './descriptor';
import { interfacesTable, trafficChart, uptimeStat } from './generic-snmp';
import { filesystemsTable, hostIdentityFields, loadChart, memoryChart } from './linux';

/** Barracuda Spam & Virus Firewall: mail queues and latency first, then the appliance's host figures. */
export const barracudaSpamDescriptor: FamilyDescriptor = {
  id: 'barracuda-spam',
  group: 'security',
  name: label('Barracuda Spam Firewall', 'Pare-feu anti-spam Barracuda'),
  kind: 'snmp',
  tile: { source: 'metric', metric: 'mail.queue.inbound', label: label('Inbound queue', "File d'entrée"), unit: 'count' },
  sections: [
    {
      kind: 'identity',
      title: label('Appliance', 'Appliance'),
      fields: [...hostIdentityFields, { key: 'mailStatistics', label: label('Mail statistics', 'Statistiques de messagerie') }],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'mail.queue.inbound', label: label('Inbound queue', "File d'entrée"), unit: 'count' },
        { metric: 'mail.queue.outbound', label: label('Outbound queue', 'File de sortie'), unit: 'count' },
        { metric: 'mail.queue.deferred', label: label('Deferred queue', 'File différée'), unit: 'count' },
        { metric: 'mail.latency', label: label('Average latency', 'Latence moyenne'), unit: 'seconds' },
        { metric: 'mail.sent.today', label: label('Mails today', "Messages aujourd'hui"), unit: 'count' },
        { metric: 'cpu.total', label: label('CPU', 'CPU'), unit: 'percent' },
        uptimeStat,
      ],
    },
    {
      kind: 'chart',
      title: label('Mail queues', "Files d'attente"),
      unit: 'count',
      series: [
        { metric: 'mail.queue.inbound', label: label('Inbound', 'Entrée') },
        { metric: 'mail.queue.outbound', label: label('Outbound', 'Sortie') },
        { metric: 'mail.queue.deferred', label: label('Deferred', 'Différée') },
      ],
    },
    {
      kind: 'chart',
      title: label('Latency', 'Latence'),
      unit: 'seconds',
      series: [{ metric: 'mail.latency', label: label('Average latency', 'Latence moyenne') }],
    },
    {
      kind: 'chart',
      title: label('CPU', 'CPU'),
      unit: 'percent',
      series: [{ metric: 'cpu.total', label: label('CPU', 'CPU') }],
    },
    memoryChart,
    loadChart,
    trafficChart,
    filesystemsTable,
    interfacesTable,
  ],
};
