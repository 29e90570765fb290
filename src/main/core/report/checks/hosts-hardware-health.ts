import { HOST_SENSOR_PATH, parseHostSensors, sensorProblems } from '../../vsphere/health-sensors';
import type { SnapshotCheck } from '../snapshot';

/**
 * Host hardware sensors that are not green (vSphere health system, numeric sensors): red is critical,
 * yellow a warning. `unknown` is left out: boards report it for the sensors they do not fit.
 */
export const hostsHardwareHealth: SnapshotCheck = {
  id: 'hosts-hardware-health',
  title: { en: 'Host hardware sensors not green', fr: 'Capteurs matériels des hôtes qui ne sont pas au vert' },
  defaults: {},
  columns: ['host', 'cluster', 'sensor', 'type', 'reading', 'unit', 'status'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
    sensor: { en: 'Sensor', fr: 'Capteur' },
    type: { en: 'Type', fr: 'Type' },
    reading: { en: 'Reading', fr: 'Valeur' },
    unit: { en: 'Unit', fr: 'Unité' },
    status: { en: 'Status', fr: 'État' },
  },
  needs: { properties: [{ type: 'HostSystem', paths: [HOST_SENSOR_PATH] }] },
  identity: ['host', 'sensor'],
  subjects: { host: 'host' },
  run(snapshot) {
    const rows = [];
    for (const h of snapshot.hosts) {
      if (h.connectionState !== 'connected') continue;
      for (const s of sensorProblems(parseHostSensors(h.props.get(HOST_SENSOR_PATH)))) {
        rows.push({
          severity: s.status === 'red' ? ('critical' as const) : ('warning' as const),
          cells: { host: h.name, cluster: h.cluster, sensor: s.name, type: s.type, reading: s.reading, unit: s.unit, status: s.status },
        });
      }
    }
    return { status: 'rows', rows };
  },
};
