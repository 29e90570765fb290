import { describe, expect, it } from 'vitest';
import { fromVmwEnv, sensorPart } from '../families/esxi-sensors';
import { decodeVmwEnv } from './vmware-env';
import { int, str, table } from './test-varbinds';

/** vmwEnvTable rows built from VMWARE-ENV-MIB / VMWARE-TC-MIB (type .2, status .3, description .4). */
describe('VMWARE-ENV-MIB', () => {
  it('reads each subsystem state; a failed or critical one is a critical problem named by its description', () => {
    const entries = decodeVmwEnv(
      table({
        '1': { 2: int(4), 3: int(2), 4: str('Fan Device 1 Fan 1: normal') },
        '2': { 2: int(3), 3: int(5), 4: str('Power Supply 2: failure detected') },
        '3': { 2: int(8), 3: int(3) },
        '4': { 4: str('no type, no status') },
      }),
    );
    expect(entries).toEqual([
      { index: '1', subsystem: 'fan', status: 'normal', description: 'Fan Device 1 Fan 1: normal' },
      { index: '2', subsystem: 'powerSupply', status: 'failed', description: 'Power Supply 2: failure detected' },
      { index: '3', subsystem: 'temperatureSensor', status: 'marginal', description: '' },
    ]);
    const part = sensorPart(fromVmwEnv(entries));
    expect(part.rows.map((r) => [r.sensor, r.type, r.status])).toEqual([
      ['Fan Device 1 Fan 1: normal', 'fan', 'ok'],
      ['Power Supply 2: failure detected', 'power', 'critical'],
      ['temperatureSensor 3', 'temperature', 'warning'],
    ]);
    expect(part.metrics).toEqual([]);
    expect(part.problems).toEqual([
      { severity: 'critical', message: 'hardware sensor Power Supply 2: failure detected is failed', text: { code: 'sensor.problem', params: { sensor: 'Power Supply 2: failure detected', status: 'failed' } } },
      { severity: 'warning', message: 'hardware sensor temperatureSensor 3 is marginal', text: { code: 'sensor.problem', params: { sensor: 'temperatureSensor 3', status: 'marginal' } } },
    ]);
  });
});
