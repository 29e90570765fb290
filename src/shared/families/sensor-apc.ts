import { label, type FamilyDescriptor, type Section, type TileSpec } from './descriptor';

/** The environment sensor page, shared by the APC, AKCP and EM01 families (all fill the same metrics). */
export const sensorSections: Section[] = [
  {
    kind: 'identity',
    title: label('Sensor', 'Capteur'),
    fields: [
      { key: 'sysName', label: label('Name', 'Nom') },
      { key: 'model', label: label('Model', 'Modèle') },
      { key: 'firmware', label: label('Firmware', 'Micrologiciel') },
      { key: 'serial', label: label('Serial number', 'Numéro de série') },
      { key: 'status', label: label('Status', 'État') },
      { key: 'maxTemperature', label: label('Highest temperature', 'Température la plus haute'), unit: 'celsius' },
      { key: 'sysLocation', label: label('Location', 'Emplacement') },
    ],
  },
  {
    kind: 'chart',
    title: label('Temperature', 'Température'),
    unit: 'celsius',
    series: [{ metric: 'sensor.temperature', instance: '*' }],
  },
  {
    kind: 'chart',
    title: label('Humidity', 'Humidité'),
    unit: 'percent',
    series: [{ metric: 'sensor.humidity', instance: '*' }],
  },
  {
    kind: 'table',
    title: label('Probes', 'Sondes'),
    table: 'probes',
    sortBy: 'name',
    stateColumn: 'state',
    columns: [
      { key: 'name', label: label('Probe', 'Sonde') },
      { key: 'temperature', label: label('Temperature', 'Température'), unit: 'celsius' },
      { key: 'humidity', label: label('Humidity', 'Humidité'), unit: 'percent' },
      { key: 'status', label: label('Status', 'État') },
      { key: 'highWarning', label: label('High warning', 'Alerte haute'), unit: 'celsius', secondary: true },
      { key: 'highCritical', label: label('High critical', 'Critique haut'), unit: 'celsius', secondary: true },
      {
        key: 'humidityHighWarning',
        label: label('Humidity high warning', 'Alerte humidité haute'),
        unit: 'percent',
        secondary: true,
      },
      {
        key: 'humidityHighCritical',
        label: label('Humidity high critical', 'Humidité critique haute'),
        unit: 'percent',
        secondary: true,
      },
      { key: 'state', label: label('State', 'Santé'), format: 'state' },
    ],
  },
  {
    kind: 'table',
    title: label('Dry contacts', 'Contacts secs'),
    table: 'contacts',
    sortBy: 'name',
    stateColumn: 'state',
    columns: [
      { key: 'name', label: label('Contact', 'Contact') },
      { key: 'status', label: label('Status', 'État') },
      { key: 'state', label: label('State', 'Santé'), format: 'state' },
    ],
  },
];

export const sensorTile: TileSpec = {
  source: 'metric',
  metric: 'sensor.temperature.max',
  label: label('Temperature', 'Température'),
  unit: 'celsius',
};

export const sensorApcDescriptor: FamilyDescriptor = {
  id: 'sensor-apc',
  group: 'environment',
  name: label('APC environment monitor', "Centrale d'environnement APC"),
  kind: 'snmp',
  tile: sensorTile,
  sections: sensorSections,
};
