import { label, type FamilyDescriptor, type Section } from './descriptor';
import { uptimeStat } from './generic-snmp';

/** The UPS page, shared by every UPS family (APC, UPS-MIB, Eaton, MGE: all fill the same metrics). */
export const upsSections: Section[] = [
  {
    kind: 'identity',
    title: label('UPS', 'Onduleur'),
    fields: [
      { key: 'powerState', label: label('Power', 'Alimentation'), format: 'state' },
      { key: 'status', label: label('Status', 'État') },
      { key: 'batteryStatus', label: label('Battery', 'Batterie') },
      { key: 'replaceBattery', label: label('Replace battery', 'Batterie à remplacer'), format: 'boolean' },
      { key: 'lastTransferCause', label: label('Last transfer cause', 'Cause du dernier basculement') },
      { key: 'manufacturer', label: label('Manufacturer', 'Fabricant') },
      { key: 'model', label: label('Model', 'Modèle') },
      { key: 'sysName', label: label('Name', 'Nom') },
      { key: 'name', label: label('UPS name', "Nom de l'onduleur") },
      { key: 'serial', label: label('Serial number', 'Numéro de série') },
      { key: 'firmware', label: label('Firmware', 'Micrologiciel') },
      { key: 'ratedVA', label: label('Rated power (VA)', 'Puissance nominale (VA)'), format: 'number' },
      { key: 'ratedWatts', label: label('Rated power', 'Puissance nominale'), unit: 'watts' },
      { key: 'sysLocation', label: label('Location', 'Emplacement') },
    ],
  },
  {
    kind: 'stats',
    title: label('Now', 'Maintenant'),
    items: [
      { metric: 'ups.battery.percent', label: label('Battery charge', 'Charge batterie'), unit: 'percent' },
      { metric: 'ups.runtime', label: label('Runtime', 'Autonomie'), unit: 'seconds' },
      { metric: 'ups.load.percent', label: label('Load', 'Charge'), unit: 'percent' },
      { metric: 'ups.input.voltage', label: label('Input voltage', "Tension d'entrée"), unit: 'volts' },
      { metric: 'ups.output.voltage', label: label('Output voltage', 'Tension de sortie'), unit: 'volts' },
      { metric: 'ups.input.frequency', label: label('Input frequency', "Fréquence d'entrée"), unit: 'hertz' },
      { metric: 'ups.output.frequency', label: label('Output frequency', 'Fréquence de sortie'), unit: 'hertz' },
      { metric: 'ups.battery.voltage', label: label('Battery voltage', 'Tension batterie'), unit: 'volts' },
      { metric: 'ups.battery.temperature', label: label('Battery temperature', 'Température batterie'), unit: 'celsius' },
      { metric: 'ups.ambient.temperature', label: label('Ambient temperature', 'Température ambiante'), unit: 'celsius' },
      uptimeStat,
    ],
  },
  {
    kind: 'chart',
    title: label('Battery and load', 'Batterie et charge'),
    unit: 'percent',
    series: [
      { metric: 'ups.battery.percent', label: label('Battery charge', 'Charge batterie') },
      { metric: 'ups.load.percent', label: label('Load', 'Charge') },
    ],
  },
  {
    kind: 'chart',
    title: label('Runtime', 'Autonomie'),
    unit: 'seconds',
    series: [{ metric: 'ups.runtime', label: label('Runtime', 'Autonomie') }],
  },
  {
    kind: 'chart',
    title: label('Voltages', 'Tensions'),
    unit: 'volts',
    series: [
      { metric: 'ups.input.voltage', label: label('Input', 'Entrée') },
      { metric: 'ups.output.voltage', label: label('Output', 'Sortie') },
    ],
  },
  {
    kind: 'chart',
    title: label('Battery temperature', 'Température batterie'),
    unit: 'celsius',
    series: [{ metric: 'ups.battery.temperature', label: label('Battery', 'Batterie') }],
  },
];

export const upsTile = { source: 'metric', metric: 'ups.battery.percent', label: label('Battery', 'Batterie'), unit: 'percent' } as const;

export const upsApcDescriptor: FamilyDescriptor = {
  id: 'ups-apc',
  group: 'ups',
  name: label('APC UPS', 'Onduleur APC'),
  kind: 'snmp',
  tile: upsTile,
  sections: upsSections,
};
