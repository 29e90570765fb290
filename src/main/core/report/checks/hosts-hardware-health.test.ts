import { describe, expect, it } from 'vitest';
import { HOST_SENSOR_PATH } from '../../vsphere/health-sensors';
import { hostsHardwareHealth } from './hosts-hardware-health';
import { host, plainRows, props, snapshotOf } from './test-snapshot';

/** A HostNumericSensorInfo as vCenter sends it. */
export const sensorXml = (name: string, type: string, reading: number, modifier: number, unit: string, state: string, rate = ''): string =>
  `<HostNumericSensorInfo><name>${name}</name><healthState><label>${state[0]?.toUpperCase()}${state.slice(1)}</label><summary>Sensor is operating under ${state} conditions</summary><key>${state}</key></healthState><currentReading>${reading}</currentReading><unitModifier>${modifier}</unitModifier><baseUnits>${unit}</baseUnits>${rate ? `<rateUnits>${rate}</rateUnits>` : ''}<sensorType>${type}</sensorType></HostNumericSensorInfo>`;

describe('hosts-hardware-health', () => {
  it('lists yellow (warning) and red (critical) sensors with the reading scaled by unitModifier; green and unknown are not findings', () => {
    const s = snapshotOf({
      hosts: [
        host('esx1', {
          props: props({
            [HOST_SENSOR_PATH]:
              sensorXml('Ambient Temp', 'temperature', 2400, -2, 'Degrees C', 'green') +
              sensorXml('Fan 3', 'fan', 1200, 0, 'RPM', 'yellow') +
              sensorXml('CPU 1 Temp', 'temperature', 9550, -2, 'Degrees C', 'red') +
              sensorXml('Slot 4', 'other', 0, 0, 'unspecified', 'unknown'),
          }),
        }),
        host('down', { connectionState: 'disconnected', props: props({ [HOST_SENSOR_PATH]: sensorXml('PSU', 'power', 0, 0, 'Watts', 'red') }) }),
      ],
    });
    expect(plainRows(hostsHardwareHealth.run(s, {}))).toEqual([
      { severity: 'warning', host: 'esx1', cluster: 'C1', sensor: 'Fan 3', type: 'fan', reading: 1200, unit: 'RPM', status: 'yellow' },
      { severity: 'critical', host: 'esx1', cluster: 'C1', sensor: 'CPU 1 Temp', type: 'temperature', reading: 95.5, unit: 'Degrees C', status: 'red' },
    ]);
  });
});
