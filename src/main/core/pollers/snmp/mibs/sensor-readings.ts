import type { Rule } from '../../../alerting/rule';
import type { Row } from '../../source';
import type { MetricList } from '../../metric-list';

/**
 * What any environment monitor says (APC EMS/NetBotz, AKCP sensorProbe, EM01 websensor): probes with a
 * temperature in °C and/or a humidity, and dry contacts. The families only read their MIB (or page) into
 * this; metrics, tables, problems, rules and the page are shared.
 */
export type DeviceState = 'ok' | 'warning' | 'critical' | 'unknown';

export interface ProbeReading {
  name: string;
  temperature: number | null;
  humidity: number | null;
  /** The device's own verdict (its thresholds, a sensor error), when it gives one. */
  state: DeviceState | null;
  statusText: string | null;
  /** Device thresholds in °C, for the table. */
  highWarning?: number | null;
  highCritical?: number | null;
  lowWarning?: number | null;
  lowCritical?: number | null;
  /** Device thresholds of a humidity probe, in percent. */
  humidityThresholds?: Thresholds;
}

export interface Thresholds {
  highWarning: number | null;
  highCritical: number | null;
  lowWarning: number | null;
  lowCritical: number | null;
}

export interface ContactReading {
  name: string;
  /** Closed (true) / open (false). */
  closed: boolean | null;
  /** The contact is not in its normal position (or the device says so). */
  alarm: boolean | null;
  statusText: string | null;
}

export const SENSOR_RULES: Rule[] = [
  { id: 'sensor-temperature', label: 'Temperature > 30 °C / 35 °C', labelCode: 'rule.sensor-temperature', metric: 'sensor.temperature', op: '>', warning: 30, critical: 35 },
  { id: 'sensor-humidity-high', label: 'Humidity > 80 %', labelCode: 'rule.sensor-humidity-high', metric: 'sensor.humidity', op: '>', warning: 80 },
  { id: 'sensor-humidity-low', label: 'Humidity < 20 %', labelCode: 'rule.sensor-humidity-low', metric: 'sensor.humidity', op: '<', warning: 20 },
  { id: 'sensor-contact', label: 'Dry contact in alarm', labelCode: 'rule.sensor-contact', metric: 'sensor.contact.alarm', op: '>=', critical: 1, flagCode: 'flag.contact-alarm' },
];

/** Probe names become metric instances: two probes with the same name must not share a series. */
function uniqueNames<T extends { name: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = item.name.trim() || 'probe';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? { ...item, name: base } : { ...item, name: `${base} #${n}` };
  });
}

/** `id`: the rule judging the same condition (one check per condition: the engine keeps the rule's). */
type Problem = { severity: 'warning' | 'critical' | 'unknown'; message: string; id?: string };

export interface SensorFigures {
  probes: Row[];
  contacts: Row[];
  problems: Problem[];
  maxTemperature: number | null;
}

export function sensorFigures(probes: ProbeReading[], contacts: ContactReading[], metrics: MetricList): SensorFigures {
  const problems: Problem[] = [];
  let maxTemperature: number | null = null;
  const probeRows = uniqueNames(probes).map((p): Row => {
    metrics.add('sensor.temperature', p.temperature, 'celsius', p.name);
    metrics.add('sensor.humidity', p.humidity, 'percent', p.name);
    if (p.temperature !== null) maxTemperature = Math.max(maxTemperature ?? -Infinity, p.temperature);
    if (p.state === 'warning' || p.state === 'critical' || p.state === 'unknown') {
      problems.push({ severity: p.state, message: `${p.name}: ${p.statusText ?? p.state}` });
    }
    return {
      name: p.name,
      temperature: p.temperature,
      humidity: p.humidity,
      status: p.statusText,
      state: p.state,
      highWarning: p.highWarning ?? null,
      highCritical: p.highCritical ?? null,
      lowWarning: p.lowWarning ?? null,
      lowCritical: p.lowCritical ?? null,
      humidityHighWarning: p.humidityThresholds?.highWarning ?? null,
      humidityHighCritical: p.humidityThresholds?.highCritical ?? null,
      humidityLowWarning: p.humidityThresholds?.lowWarning ?? null,
      humidityLowCritical: p.humidityThresholds?.lowCritical ?? null,
    };
  });
  const contactRows = uniqueNames(contacts).map((c): Row => {
    metrics.flag('sensor.contact.alarm', c.alarm, c.name);
    if (c.alarm) problems.push({ id: `sensor-contact:${c.name}`, severity: 'critical', message: `${c.name}: ${c.statusText ?? 'alarm'}` });
    return {
      name: c.name,
      closed: c.closed,
      status: c.statusText,
      state: c.alarm === null ? 'unknown' : c.alarm ? 'critical' : 'ok',
    };
  });
  metrics.add('sensor.temperature.max', maxTemperature, 'celsius');
  return { probes: probeRows, contacts: contactRows, problems, maxTemperature };
}
