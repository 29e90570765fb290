import { formatMessage } from '../../../../../shared/messages/format-message';
import { describe, expect, it } from 'vitest';
import { decodeEntitySensors } from '../mibs/entity-sensor';
import { int, str, table } from '../mibs/test-varbinds';
import { fromEntitySensors, fromVcenterRows, sensorPart } from './esxi-sensors';

describe('ESXi hardware sensors', () => {
  it('puts each reading under its quantity with its unit, and names non-ok sensors as problems', () => {
    const sensors = decodeEntitySensors(
      table({
        '1': { 1: int(8), 2: int(9), 3: int(0), 4: int(27), 5: int(1) },
        '2': { 1: int(8), 2: int(9), 3: int(1), 4: int(955), 5: int(3) },
        '3': { 1: int(10), 2: int(9), 3: int(0), 4: int(5880), 5: int(2) },
      }),
      table({ '1': { 7: str('Ambient Temp') }, '2': { 7: str('CPU1 Temp') }, '3': { 7: str('Fan 1') } }),
    );
    const part = sensorPart(fromEntitySensors(sensors));
    expect(part.rows.map((r) => [r.sensor, r.type, r.temperature, r.reading, r.unit, r.status])).toEqual([
      ['Ambient Temp', 'temperature', 27, null, null, 'ok'],
      ['CPU1 Temp', 'temperature', 95.5, null, null, 'critical'],
      ['Fan 1', 'fan', null, null, 'RPM', 'warning'],
    ]);
    expect(part.metrics).toEqual([
      { name: 'sensor.temperature', instance: 'Ambient Temp', value: 27, unit: 'celsius' },
      { name: 'sensor.temperature', instance: 'CPU1 Temp', value: 95.5, unit: 'celsius' },
    ]);
    expect(part.problems).toEqual([
      { severity: 'critical', message: 'hardware sensor CPU1 Temp is nonoperational', text: { code: 'sensor.problem', params: { sensor: 'CPU1 Temp', status: 'nonoperational' } } },
      { severity: 'warning', message: 'hardware sensor Fan 1 is unavailable', text: { code: 'sensor.problem', params: { sensor: 'Fan 1', status: 'unavailable' } } },
    ]);
  });

  it('reads the vCenter page rows of a host, converting the host unit words, and says where they came from', () => {
    const readings = fromVcenterRows([
      { host: 'esx01', sensor: 'CPU 1 Temp', type: 'temperature', reading: 95.5, unit: 'Degrees C', status: 'critical' },
      { host: 'esx01', sensor: 'Inlet', type: 'temperature', reading: 77, unit: 'Degrees F', status: 'ok' },
      { host: 'esx01', sensor: 'Fan 3 Speed', type: 'fan', reading: 4200, unit: 'RPM', status: 'warning' },
      { host: 'esx01', sensor: 'PS1 Voltage', type: 'voltage', reading: 12.1, unit: 'Volts', status: 'ok' },
    ]);
    const part = sensorPart(readings, 'vc01');
    expect(part.rows.map((r) => [r.sensor, r.temperature, r.voltage, r.reading, r.unit])).toEqual([
      ['CPU 1 Temp', 95.5, null, null, null],
      ['Inlet', 25, null, null, null],
      ['Fan 3 Speed', null, null, 4200, 'RPM'],
      ['PS1 Voltage', null, 12.1, null, null],
    ]);
    expect(part.problems.map(({ severity, message }) => ({ severity, message }))).toEqual([
      { severity: 'critical', message: 'hardware sensor CPU 1 Temp is red (from vCenter vc01)' },
      { severity: 'warning', message: 'hardware sensor Fan 3 Speed is yellow (from vCenter vc01)' },
    ]);
    // The reader's language: the words are Vigie's, the status stays the device's.
    expect(part.problems.map((p) => p.text && formatMessage(p.text, 'fr', 'fr-FR'))).toEqual([
      'capteur matériel CPU 1 Temp : red (d’après le vCenter vc01)',
      'capteur matériel Fan 3 Speed : yellow (d’après le vCenter vc01)',
    ]);
  });
});
