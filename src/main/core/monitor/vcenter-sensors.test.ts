import { describe, expect, it } from 'vitest';
import type { DeviceConfig, DeviceSnapshot } from '../../../shared/contract/devices';
import type { PollResult } from '../pollers/source';
import { joinVcenterSensors, type VcenterView } from './vcenter-sensors';

const esx: DeviceConfig = {
  id: 'esx',
  name: 'ESX lab',
  kind: 'snmp',
  family: 'auto',
  host: '10.0.0.21',
  port: null,
  intervalSeconds: 60,
  enabled: true,
  snmp: { version: '2c', timeoutMs: 2000, retries: 1, user: '', level: 'authPriv', authProtocol: 'sha', privProtocol: 'aes', context: '' },
  vsphere: null,
  http: null,
  watchedProcesses: [],
  parentId: null,
  hasSecret: true,
  detectedFamily: null,
  createdAt: 1_700_000_000_000,
};

function esxiPoll(source: string): PollResult {
  return {
    family: 'esxi-snmp',
    identity: { sysName: 'esx01.corp.lan', sensorsSource: source },
    metrics: [],
    tables: {},
    problems: [],
    uptimeSeconds: 100,
  };
}

const vcSnapshot: DeviceSnapshot = {
  at: 1,
  family: 'vsphere',
  identity: {},
  metrics: [],
  state: 'critical',
  problems: [],
  tables: {
    hosts: [{ name: 'esx02.corp.lan' }, { name: 'esx01.corp.lan' }],
    sensors: [
      { host: 'esx01.corp.lan', sensor: 'CPU 1 Temp', type: 'temperature', reading: 95.5, unit: 'Degrees C', status: 'critical' },
      { host: 'esx01.corp.lan', sensor: 'Fan 1', type: 'fan', reading: 5000, unit: 'RPM', status: 'ok' },
      { host: 'esx02.corp.lan', sensor: 'CPU 1 Temp', type: 'temperature', reading: 40, unit: 'Degrees C', status: 'ok' },
    ],
  },
};
const vcenters = (): VcenterView[] => [{ name: 'other', snapshot: null }, { name: 'vc01', snapshot: vcSnapshot }];

describe('ESXi SNMP sensors from the managing vCenter', () => {
  it('takes the host’s rows of the vCenter that manages it (matched by sysName’s short form), with their problems', () => {
    const joined = joinVcenterSensors({ ...esx, host: 'esx01' }, esxiPoll('noSensorMib'), vcenters);
    expect(joined.identity).toMatchObject({ sensorsSource: 'sensorsFromVcenter', sensorsVcenter: 'vc01' });
    expect(joined.tables.sensors?.map((r) => [r.sensor, r.temperature, r.reading, r.unit, r.status])).toEqual([
      ['CPU 1 Temp', 95.5, null, null, 'critical'],
      ['Fan 1', null, 5000, 'RPM', 'ok'],
    ]);
    expect(joined.problems).toEqual([{ severity: 'critical', message: 'hardware sensor CPU 1 Temp is red (from vCenter vc01)', text: { code: 'sensor.problem-vcenter', params: { sensor: 'CPU 1 Temp', status: 'red', vcenter: 'vc01' } } }]);
    expect(joined.metrics).toEqual([{ name: 'sensor.temperature', instance: 'CPU 1 Temp', value: 95.5, unit: 'celsius' }]);
  });

  it('matches by the sysName too, and leaves a host no vCenter manages, or one whose agent has sensors, alone', () => {
    expect(joinVcenterSensors(esx, esxiPoll('noSensorMib'), vcenters).identity.sensorsVcenter).toBe('vc01');
    const alone = esxiPoll('noSensorMib');
    alone.identity.sysName = 'esx09';
    expect(joinVcenterSensors(esx, alone, vcenters)).toBe(alone);
    const own = esxiPoll('entitySensorMib');
    expect(joinVcenterSensors(esx, own, vcenters)).toBe(own);
  });
});
