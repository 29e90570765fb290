import { label, type FamilyDescriptor } from './descriptor';
import { interfacesTable, snmpSystemFields, trafficChart, uptimeStat } from './generic-snmp';

/** Apple AirPort base station: identity and the associated clients with their signal. */
export const airportDescriptor: FamilyDescriptor = {
  id: 'airport',
  group: 'wireless',
  name: label('Apple AirPort base station', 'Borne Apple AirPort'),
  kind: 'snmp',
  tile: { source: 'metric', metric: 'ap.clients', label: label('Clients', 'Clients'), unit: 'count' },
  sections: [
    {
      kind: 'identity',
      title: label('Base station', 'Borne'),
      fields: [
        { key: 'baseStationName', label: label('Base station name', 'Nom de la borne') },
        { key: 'firmware', label: label('Firmware', 'Micrologiciel') },
        { key: 'baseStationLocation', label: label('Location', 'Emplacement') },
        { key: 'baseStationContact', label: label('Contact', 'Contact') },
        ...snmpSystemFields.filter((f) => f.key === 'sysDescr'),
      ],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [{ metric: 'ap.clients', label: label('Clients', 'Clients'), unit: 'count' }, uptimeStat],
    },
    {
      kind: 'chart',
      title: label('Clients', 'Clients'),
      unit: 'count',
      series: [{ metric: 'ap.clients', label: label('Clients', 'Clients') }],
    },
    trafficChart,
    {
      kind: 'table',
      title: label('Wireless clients', 'Clients sans fil'),
      table: 'clients',
      sortBy: 'strength',
      sortDesc: true,
      filterable: true,
      columns: [
        { key: 'mac', label: label('MAC address', 'Adresse MAC') },
        { key: 'rate', label: label('Rate (Mbit/s)', 'Débit (Mbit/s)'), format: 'number' },
        { key: 'timeAssociated', label: label('Associated for', 'Associé depuis'), format: 'duration' },
        { key: 'strength', label: label('Signal (dBm)', 'Signal (dBm)'), format: 'number' },
        { key: 'noise', label: label('Noise (dBm)', 'Bruit (dBm)'), format: 'number' },
        { key: 'snr', label: label('SNR (dB)', 'SNR (dB)'), format: 'number', secondary: true },
        { key: 'dataRates', label: label('Data rates', 'Débits'), secondary: true },
      ],
    },
    interfacesTable,
  ],
};
