import type { MetricValue } from '../../../../../shared/contract/devices';
import { msg } from '../../../../../shared/messages/message';
import type { PollResult, Row } from '../../source';
import type { EntitySensor } from '../mibs/entity-sensor';
import type { VmwEnvEntry } from '../mibs/vmware-env';

/**
 * The ESXi SNMP page's hardware sensors, from whichever source has them: the host's own agent
 * (ENTITY-SENSOR-MIB) or, when the agent has no sensor MIB, the vSphere health system as the vCenter
 * managing the host reports it. Both end up as the same rows, figures and problems.
 *
 * A reading goes in the column of its quantity (temperature, voltage, current, power, frequency), each with
 * its unit, so the page formats it with the shared unit formatter in the user's locale; quantities without
 * a unit of ours (RPM, %RH, CFM, the host's own words) go in `reading` with their unit beside it. The page
 * hides the columns no row fills.
 */

/** Where the sensors came from, as an identity value the page shows with words (enum-labels.ts). */
export type SensorSource = 'entitySensorMib' | 'vmwareEnvMib' | 'sensorsFromVcenter' | 'noSensorMib';

export type SensorState = 'ok' | 'warning' | 'critical' | 'unknown';

export interface SensorReading {
  name: string;
  type: string;
  quantity: 'temperature' | 'voltage' | 'current' | 'power' | 'frequency' | null;
  value: number | null;
  /** For a reading without a quantity column: its unit as text ("RPM", "%RH"). */
  unit: string;
  state: SensorState;
  /** How the source words a state that is not ok ("nonoperational", "Unknown"). */
  stateText: string;
}

export interface SensorPart {
  rows: Row[];
  metrics: MetricValue[];
  problems: PollResult['problems'];
}

const QUANTITY_UNIT = {
  temperature: 'celsius',
  voltage: 'volts',
  current: 'amperes',
  power: 'watts',
  frequency: 'hertz',
} as const;

const ENTITY_TYPE: Record<EntitySensor['type'], { type: string; quantity: SensorReading['quantity']; unit: string }> = {
  other: { type: 'other', quantity: null, unit: '' },
  unknown: { type: 'unknown', quantity: null, unit: '' },
  voltsAC: { type: 'voltageAC', quantity: 'voltage', unit: '' },
  voltsDC: { type: 'voltageDC', quantity: 'voltage', unit: '' },
  amperes: { type: 'current', quantity: 'current', unit: '' },
  watts: { type: 'power', quantity: 'power', unit: '' },
  hertz: { type: 'frequency', quantity: 'frequency', unit: '' },
  celsius: { type: 'temperature', quantity: 'temperature', unit: '' },
  percentRH: { type: 'humidity', quantity: null, unit: '%RH' },
  rpm: { type: 'fan', quantity: null, unit: 'RPM' },
  cmm: { type: 'airflow', quantity: null, unit: 'CFM' },
  truthvalue: { type: 'presence', quantity: null, unit: '' },
};

/** ENTITY-SENSOR-MIB rows as readings: `unavailable` is a warning (no reading), `nonoperational` critical. */
export function fromEntitySensors(sensors: readonly EntitySensor[]): SensorReading[] {
  return sensors.map((s) => {
    const t = ENTITY_TYPE[s.type];
    const state: SensorState =
      s.status === 'ok' ? 'ok' : s.status === 'unavailable' ? 'warning' : s.status === 'nonoperational' ? 'critical' : 'unknown';
    return { name: s.name, type: t.type, quantity: t.quantity, value: s.value, unit: t.unit, state, stateText: s.status };
  });
}

const SUBSYSTEM_TYPE: Record<VmwEnvEntry['subsystem'], string> = {
  unknown: 'unknown',
  chassis: 'chassis',
  powerSupply: 'power',
  fan: 'fan',
  cpu: 'processor',
  memory: 'memory',
  battery: 'battery',
  temperatureSensor: 'temperature',
  raidController: 'storage',
  voltage: 'voltage',
};

const SUBSYSTEM_STATE: Record<VmwEnvEntry['status'], SensorState> = {
  unknown: 'unknown',
  normal: 'ok',
  marginal: 'warning',
  critical: 'critical',
  failed: 'critical',
};

/** VMWARE-ENV-MIB subsystems as readings without a value, named by the provider's description. */
export function fromVmwEnv(entries: readonly VmwEnvEntry[]): SensorReading[] {
  return entries.map((e) => ({
    name: e.description || `${e.subsystem} ${e.index}`,
    type: SUBSYSTEM_TYPE[e.subsystem],
    quantity: null,
    value: null,
    unit: '',
    state: SUBSYSTEM_STATE[e.status],
    stateText: e.status,
  }));
}

/** The host's unit words (HostNumericSensorInfo.baseUnits) that have a quantity column. */
const HOST_UNIT: ReadonlyArray<[RegExp, SensorReading['quantity']]> = [
  [/^degrees? c/i, 'temperature'],
  [/^volts?$/i, 'voltage'],
  [/^amps?$|^amperes?$/i, 'current'],
  [/^watts?$/i, 'power'],
  [/^hertz$|^hz$/i, 'frequency'],
];

const CELL_STATE: ReadonlySet<string> = new Set(['ok', 'warning', 'critical', 'unknown']);

/**
 * The vCenter page's `sensors` rows of one host (host, sensor, type, reading, unit, status) as readings.
 * °F readings are converted to °C so that they share the temperature column.
 */
export function fromVcenterRows(rows: readonly Row[]): SensorReading[] {
  const out: SensorReading[] = [];
  for (const r of rows) {
    if (typeof r.sensor !== 'string' || r.sensor === '') continue;
    const unit = typeof r.unit === 'string' ? r.unit : '';
    let value = typeof r.reading === 'number' ? r.reading : null;
    let quantity = HOST_UNIT.find(([re]) => re.test(unit))?.[1] ?? null;
    if (/^degrees? f/i.test(unit)) {
      quantity = 'temperature';
      value = value === null ? null : Math.round(((value - 32) * 5) / 9 * 100) / 100;
    }
    const state = typeof r.status === 'string' && CELL_STATE.has(r.status) ? (r.status as SensorState) : 'unknown';
    out.push({
      name: r.sensor,
      type: typeof r.type === 'string' ? r.type : 'other',
      quantity,
      value,
      unit: quantity ? '' : unit,
      state,
      stateText: state === 'warning' ? 'yellow' : state === 'critical' ? 'red' : state,
    });
  }
  return out;
}

/** Metric instances must be unique: a repeated sensor name gets " #2", " #3"… */
function uniqueNames(readings: readonly SensorReading[]): string[] {
  const seen = new Map<string, number>();
  return readings.map((r) => {
    const n = (seen.get(r.name) ?? 0) + 1;
    seen.set(r.name, n);
    return n === 1 ? r.name : `${r.name} #${n}`;
  });
}

/**
 * Rows for the page's `sensors` table, a figure per reading that has a unit (charted), and a problem per
 * sensor that is not ok, worded with the sensor's name. `from` names the source in the problem when it is
 * not the host itself ("vCenter vc01").
 */
export function sensorPart(readings: readonly SensorReading[], fromVcenter: string | null = null): SensorPart {
  const names = uniqueNames(readings);
  const rows: Row[] = [];
  const metrics: MetricValue[] = [];
  const problems: PollResult['problems'] = [];
  readings.forEach((r, i) => {
    const name = names[i] ?? r.name;
    const row: Row = {
      sensor: name,
      type: r.type,
      temperature: null,
      voltage: null,
      current: null,
      power: null,
      frequency: null,
      reading: null,
      unit: r.unit || null,
      status: r.state,
    };
    if (r.quantity) {
      row[r.quantity] = r.value;
      if (r.value !== null) metrics.push({ name: `sensor.${r.quantity}`, instance: name, value: r.value, unit: QUANTITY_UNIT[r.quantity] });
    } else {
      row.reading = r.value;
    }
    rows.push(row);
    if (r.state === 'warning' || r.state === 'critical') {
      const via = fromVcenter ? ` (from vCenter ${fromVcenter})` : '';
      problems.push({
        severity: r.state,
        message: `hardware sensor ${name} is ${r.stateText}${via}`,
        // The status stays in the device's own word (red, nonoperational…): that is what its documentation uses.
        text: fromVcenter
          ? msg('sensor.problem-vcenter', { sensor: name, status: r.stateText, vcenter: fromVcenter })
          : msg('sensor.problem', { sensor: name, status: r.stateText }),
      });
    }
  });
  return { rows, metrics, problems };
}
