import { arrayItems, bool, child, date, moRef, refKey, text } from '../../vsphere/xml-parse';
import { CALLS } from '../calls';
import type { RawProps, SnapshotCheck } from '../snapshot';

/** Entity types whose triggered alarms are read: everything an alarm can be defined on. */
const ENTITY_TYPES = [
  'HostSystem',
  'VirtualMachine',
  'Datastore',
  'ClusterComputeResource',
  'ComputeResource',
  'ResourcePool',
  'Datacenter',
  'Folder',
  'Network',
  'DistributedVirtualPortgroup',
  'VmwareDistributedVirtualSwitch',
  'StoragePod',
] as const;

const TYPE_LABEL: Record<string, string> = {
  HostSystem: 'host',
  VirtualMachine: 'VM',
  Datastore: 'datastore',
  ClusterComputeResource: 'cluster',
  ComputeResource: 'standalone host',
  ResourcePool: 'resource pool',
  Datacenter: 'datacenter',
  Folder: 'folder',
  Network: 'network',
  DistributedVirtualPortgroup: 'port group',
  VmwareDistributedVirtualSwitch: 'distributed switch',
  StoragePod: 'datastore cluster',
};

/** Triggered alarms on any entity (the vCenter's root folder included): red is critical, yellow a warning. */
export const alarmsTriggered: SnapshotCheck = {
  id: 'alarms-triggered',
  title: { en: 'Triggered alarms', fr: 'Alarmes déclenchées' },
  defaults: {},
  columns: ['entity', 'entityType', 'alarm', 'status', 'time', 'acknowledged'],
  columnLabels: {
    entity: { en: 'Object', fr: 'Objet' },
    entityType: { en: 'Type', fr: 'Type' },
    alarm: { en: 'Alarm', fr: 'Alarme' },
    status: { en: 'Status', fr: 'État' },
    time: { en: 'Since', fr: 'Depuis' },
    acknowledged: { en: 'Acknowledged', fr: 'Acquittée' },
  },
  // name and parent: types outside the base read (networks, pools…) need them to be named and placed.
  needs: { properties: ENTITY_TYPES.map((type) => ({ type, paths: ['name', 'parent', 'triggeredAlarmState'] })), optionalCalls: [CALLS.alarmNames] },
  identity: ['entity', 'entityType', 'alarm'],
  subjects: {},
  run(snapshot) {
    const alarmNames = snapshot.alarmNames;
    const objects: { name: string; type: string; props: RawProps }[] = [
      ...snapshot.hosts.map((h) => ({ name: h.name, type: 'HostSystem', props: h.props })),
      ...snapshot.vms.map((v) => ({ name: v.name, type: 'VirtualMachine', props: v.props })),
      ...snapshot.datastores.map((d) => ({ name: d.name, type: 'Datastore', props: d.props })),
      ...snapshot.clusters.map((c) => ({ name: c.name, type: 'ClusterComputeResource', props: c.props })),
      ...snapshot.entities,
    ];
    const rows = [];
    for (const o of objects) {
      for (const s of arrayItems(o.props.get('triggeredAlarmState'))) {
        const status = text(s, 'overallStatus') ?? '';
        if (status !== 'red' && status !== 'yellow') continue;
        const alarm = moRef(child(s, 'alarm'));
        const alarmKey = alarm ? refKey(alarm) : '';
        rows.push({
          severity: status === 'red' ? ('critical' as const) : ('warning' as const),
          cells: {
            entity: o.name,
            entityType: TYPE_LABEL[o.type] ?? o.type,
            alarm: alarmNames.get(alarmKey) ?? alarm?.value ?? '',
            status,
            time: date(s, 'time')?.toISOString() ?? null,
            acknowledged: bool(s, 'acknowledged') ?? false,
          },
        });
      }
    }
    rows.sort((a, b) => (a.severity === b.severity ? String(a.cells.entity).localeCompare(String(b.cells.entity)) : a.severity === 'critical' ? -1 : 1));
    return { status: 'rows', rows, message: snapshot.notes.get('alarms-triggered') ?? null };
  },
};
