import { label, type FamilyDescriptor } from './descriptor';
import { sensorSections, sensorTile } from './sensor-apc';

/** EM01 / EM01b websensor, polled over HTTP: temperature, humidity and illumination of its one probe. */
export const sensorEm01Descriptor: FamilyDescriptor = {
  id: 'sensor-em01',
  group: 'environment',
  name: label('EM01 websensor', 'Capteur web EM01'),
  kind: 'http',
  tile: sensorTile,
  sections: [
    {
      kind: 'identity',
      title: label('Sensor', 'Capteur'),
      fields: [
        { key: 'name', label: label('Name', 'Nom') },
        { key: 'model', label: label('Model', 'Modèle') },
        { key: 'url', label: label('Reading page', 'Page de mesure') },
        { key: 'deviceUnit', label: label('Unit on the sensor', 'Unité du capteur') },
        { key: 'maxTemperature', label: label('Temperature', 'Température'), unit: 'celsius' },
        { key: 'illumination', label: label('Illumination', 'Éclairement'), format: 'number' },
      ],
    },
    ...sensorSections.filter((s) => s.kind !== 'identity' && !(s.kind === 'table' && s.table === 'contacts')),
    {
      kind: 'chart',
      title: label('Illumination', 'Éclairement'),
      unit: '',
      series: [{ metric: 'sensor.illumination', instance: '*' }],
    },
  ],
};
