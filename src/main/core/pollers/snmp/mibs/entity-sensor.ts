import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpTable } from '../session/types';

/**
 * ENTITY-SENSOR-MIB (RFC 3433) entPhySensorTable joined with ENTITY-MIB (RFC 4133) entPhysicalName/Descr:
 * the hardware sensors an agent exposes per physical entity (ESXi's agent fills it from the host's IPMI/CIM
 * sensors). Indexed by entPhysicalIndex in both tables.
 */
export const ENTITY_SENSOR = {
  /** entPhySensorEntry: .1 type, .2 scale, .3 precision, .4 value, .5 operStatus. */
  sensorEntry: '1.3.6.1.2.1.99.1.1.1',
  /** entPhysicalEntry: .2 descr, .7 name. */
  physicalEntry: '1.3.6.1.2.1.47.1.1.1.1',
} as const;

const TYPES = ['other', 'unknown', 'voltsAC', 'voltsDC', 'amperes', 'watts', 'hertz', 'celsius', 'percentRH', 'rpm', 'cmm', 'truthvalue'] as const;
export type EntitySensorType = (typeof TYPES)[number];

/** EntitySensorDataScale → power of ten. The RFC lists exa(14) before peta(15), against the SI order, so
 * the exponent is spelled out rather than computed as (scale − 9) × 3. */
const SCALE_EXPONENT: Readonly<Record<number, number>> = {
  1: -24, 2: -21, 3: -18, 4: -15, 5: -12, 6: -9, 7: -6, 8: -3, 9: 0,
  10: 3, 11: 6, 12: 9, 13: 12, 14: 18, 15: 15, 16: 21, 17: 24,
};

const OPER_STATUS = { 1: 'ok', 2: 'unavailable', 3: 'nonoperational' } as const;
export type EntitySensorStatus = (typeof OPER_STATUS)[keyof typeof OPER_STATUS] | 'unknown';

export interface EntitySensor {
  index: string;
  /** entPhysicalName, else entPhysicalDescr, else "sensor <index>". */
  name: string;
  type: EntitySensorType;
  /** In the type's base unit (°C, V, A, W, Hz, %RH, RPM, CFM; 1/0 for a truth value); null when the agent
   * gives none or says the reading is unavailable. */
  value: number | null;
  status: EntitySensorStatus;
}

function sensorType(code: number | null): EntitySensorType {
  return code !== null && code >= 1 && code <= TYPES.length ? TYPES[code - 1]! : 'unknown';
}

/**
 * The reading in base units: entPhySensorValue × 10^scale, with `precision` decimal places when it is
 * positive (2700 at precision 2 is 27.00). A zero or negative precision only says how many digits are
 * significant: the value is not shifted.
 */
export function sensorReading(value: number, scale: number | null, precision: number | null): number {
  const exponent = (SCALE_EXPONENT[scale ?? 9] ?? 0) - Math.max(0, precision ?? 0);
  // toPrecision keeps 2700 × 10^-2 at 27 instead of 27.000000000000004.
  return Number((value * 10 ** exponent).toPrecision(12));
}

/** Decodes the two tables as read; rows without a type and a value column are left out. */
export function decodeEntitySensors(sensors: SnmpTable, physical: SnmpTable): EntitySensor[] {
  const out: EntitySensor[] = [];
  for (const [index, cols] of sensors) {
    const raw = toNumber(cols.get(4));
    const typeCode = toNumber(cols.get(1));
    if (typeCode === null && raw === null) continue;
    const statusCode = toNumber(cols.get(5));
    const status: EntitySensorStatus =
      statusCode === 1 || statusCode === 2 || statusCode === 3 ? OPER_STATUS[statusCode] : 'unknown';
    const type = sensorType(typeCode);
    const phys = physical.get(index);
    const name = toText(phys?.get(7))?.trim() || toText(phys?.get(2))?.trim() || `sensor ${index}`;
    let value = raw === null || status === 'unavailable' ? null : sensorReading(raw, toNumber(cols.get(2)), toNumber(cols.get(3)));
    // TruthValue: true(1), false(2).
    if (type === 'truthvalue' && value !== null) value = value === 1 ? 1 : 0;
    out.push({ index, name, type, value, status });
  }
  return out;
}

/** Reads the sensors; an agent without ENTITY-SENSOR-MIB answers an empty list. */
export async function readEntitySensors(session: SnmpSession): Promise<EntitySensor[]> {
  const sensors = await session.table(ENTITY_SENSOR.sensorEntry, [1, 2, 3, 4, 5]);
  if (sensors.size === 0) return [];
  const physical = await session.table(ENTITY_SENSOR.physicalEntry, [2, 7]);
  return decodeEntitySensors(sensors, physical);
}
