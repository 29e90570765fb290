import { z } from 'zod';
import { arrayItems, child, num, text, type XmlNode } from './xml-parse';

/**
 * Host hardware sensors from the vSphere health system (HostSystem
 * `runtime.healthSystemRuntime.systemHealthInfo.numericSensorInfo`, an array of HostNumericSensorInfo).
 * Shared by the report's `hosts-hardware-health` check and the live ESX/vCenter page.
 */
export const HOST_SENSOR_PATH = 'runtime.healthSystemRuntime.systemHealthInfo.numericSensorInfo';

export const HostSensorSchema = z.object({
  name: z.string(),
  /** HostNumericSensorType: fan, power, temperature, voltage, processor, memory, storage, other… */
  type: z.string(),
  /** currentReading × 10^unitModifier; null when the sensor gives no reading. */
  reading: z.number().nullable(),
  /** baseUnits as the host says them ("Degrees C", "RPM", "Volts"), with rateUnits when set. */
  unit: z.string(),
  /** healthState.key: green, yellow, red or unknown. */
  status: z.enum(['green', 'yellow', 'red', 'unknown']),
  /** healthState.label as the host words it (localised by vCenter). */
  statusLabel: z.string(),
});
export type HostSensor = z.infer<typeof HostSensorSchema>;

const STATUS = new Set(['green', 'yellow', 'red', 'unknown']);

function statusOf(key: string | undefined): HostSensor['status'] {
  const k = (key ?? '').toLowerCase();
  return STATUS.has(k) ? (k as HostSensor['status']) : 'unknown';
}

/** The sensors of one host, from the property's raw value; a sensor without a name is left out. */
export function parseHostSensors(node: XmlNode | undefined): HostSensor[] {
  const out: HostSensor[] = [];
  for (const s of arrayItems(node)) {
    const raw = num(s, 'currentReading');
    const modifier = num(s, 'unitModifier') ?? 0;
    const base = text(s, 'baseUnits') ?? '';
    const rate = text(s, 'rateUnits') ?? '';
    const health = child(s, 'healthState');
    const parsed = HostSensorSchema.safeParse({
      name: text(s, 'name') ?? '',
      type: text(s, 'sensorType') ?? 'other',
      // unitModifier is a power of ten: 2700 with -2 is 27.00.
      reading: raw === undefined ? null : Number((raw * 10 ** modifier).toPrecision(12)),
      unit: rate && rate !== 'none' ? `${base}/${rate}` : base,
      status: statusOf(text(health, 'key')),
      statusLabel: text(health, 'label') ?? text(health, 'key') ?? '',
    });
    if (parsed.success && parsed.data.name !== '') out.push(parsed.data);
  }
  return out;
}

/** Sensors that are a problem: yellow (warning) and red (critical). `unknown` is what many boards report
 * for sensors they do not have, so it is not a finding. */
export function sensorProblems(sensors: readonly HostSensor[]): HostSensor[] {
  return sensors.filter((s) => s.status === 'yellow' || s.status === 'red');
}
