import { describe, expect, it } from 'vitest';
import { alarmsTriggered } from './alarms-triggered';
import { datastore, entity, host, plainRows, props, snapshotOf, vm } from './test-snapshot';

const state = (alarm: string, entityRef: string, status: string, acknowledged: boolean): string =>
  `<AlarmState><key>${alarm}.${entityRef}</key><entity type="X">${entityRef}</entity><alarm type="Alarm">${alarm}</alarm><overallStatus>${status}</overallStatus><time>2026-06-15T10:00:00Z</time><acknowledged>${acknowledged}</acknowledged></AlarmState>`;

describe('alarms-triggered', () => {
  it('lists red and yellow alarms of every entity type with name, status, time and acknowledgement; red first', () => {
    const s = snapshotOf({
      hosts: [host('esx1', { props: props({ triggeredAlarmState: state('alarm-1', 'host-1', 'yellow', false) }) })],
      vms: [vm('web', { props: props({ triggeredAlarmState: state('alarm-2', 'vm-1', 'red', true) }) }), vm('quiet')],
      datastores: [datastore('ds1', { props: props({ triggeredAlarmState: state('alarm-3', 'ds-1', 'green', false) }) })],
      entities: [entity('Network', 'VM Network', { props: props({ triggeredAlarmState: state('alarm-9', 'net-1', 'yellow', false) }) })],
      alarmNames: new Map([
        ['Alarm:alarm-1', 'Host CPU usage'],
        ['Alarm:alarm-2', 'VM memory usage'],
      ]),
    });
    expect(plainRows(alarmsTriggered.run(s, {}))).toEqual([
      { severity: 'critical', entity: 'web', entityType: 'VM', alarm: 'VM memory usage', status: 'red', time: '2026-06-15T10:00:00.000Z', acknowledged: true },
      { severity: 'warning', entity: 'esx1', entityType: 'host', alarm: 'Host CPU usage', status: 'yellow', time: '2026-06-15T10:00:00.000Z', acknowledged: false },
      // An alarm whose name could not be read shows its id.
      { severity: 'warning', entity: 'VM Network', entityType: 'network', alarm: 'alarm-9', status: 'yellow', time: '2026-06-15T10:00:00.000Z', acknowledged: false },
    ]);
  });
  it('asks every entity type for its triggered alarms', () => {
    const types = (alarmsTriggered.needs.properties ?? []).map((p) => p.type);
    expect(types).toEqual(expect.arrayContaining(['HostSystem', 'VirtualMachine', 'Datastore', 'ClusterComputeResource', 'Datacenter', 'Network', 'DistributedVirtualPortgroup', 'Folder']));
  });
});
